using System.Globalization;
using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Agents;

/// <summary>What HR knows about the person behind an agent (no NIK, NPWP, address: UU 27/2022 minimisation).</summary>
public sealed record EmployeeFacts(
    string Name, string Nip, EmploymentType Type, LegalStatus LegalStatus, string? LegalStatusName, bool HasSanction,
    string? GolonganCode, string? PositionName, string? Unit, string? GovEmail, string? Phone, DateOnly? ContractStart, DateOnly? ContractEnd)
{
    public string NipDisplay => Domain.Employees.Nip.FormatForDisplay(Nip);

    public static EmployeeFacts Of(Employee e, string? unit) => new(
        e.FullName, e.Nip, e.EmploymentType, e.LegalStatus, e.LegalStatusName, e.HasDisciplinarySanction, e.GolonganCode,
        e.PositionName, unit ?? e.WorkUnitName ?? e.SiasnUnorName, e.GovEmail, e.Phone, e.ContractStart, e.ContractEnd);
}

public sealed record AgentFacts(
    int Id, int Version, AgentStatus Status, string? StatusReason, DateTime? StatusChangedUtc, DateTime EnrolledUtc, string? EnrolledBy,
    DateTime? CodeOfConductAcceptedUtc, DateTime? DataConsentUtc, DateTime? ConsentWithdrawnUtc)
{
    public ConsentState Consent => AgentLabels.ConsentOf(CodeOfConductAcceptedUtc, DataConsentUtc, ConsentWithdrawnUtc);
}

public sealed record SignInFacts(string Email, bool IsActive, bool MustChangePassword, DateTime CreatedUtc, DateTime? LastSignInUtc);

public sealed record SocialAccountRow(
    int Id, Platform Platform, string Handle, string ProfileUrl, AccountKind Kind, int? Followers, DateOnly? FollowersAsOf,
    VerificationState State, string? RejectionReason, DateTime? ReviewedUtc, DateTime CreatedUtc, int Version)
{
    public string DisplayHandle => ProfileLinks.DisplayHandle(Platform, Handle);
}

/// <summary>One line of an agent's history, read back from the audit trail.</summary>
public sealed record StatusEvent(DateTime OccurredUtc, string? By, string Title, AgentStatus? From, AgentStatus? To, string? Reason);

public sealed record AgentDetailPage(
    AgentFacts Agent, EmployeeFacts Employee, SignInFacts SignIn, IReadOnlyList<SocialAccountRow> Accounts,
    IReadOnlyList<StatusEvent> History, string? EligibilityProblem);

public sealed class AgentDetailHandler(AppDbContext db, Display display, TimeProvider clock)
{
    public async Task<AgentDetailPage?> LoadAsync(int id, CancellationToken ct = default)
    {
        var a = await db.Agents.AsNoTracking().Include(x => x.Employee).ThenInclude(e => e.Unit).Include(x => x.User)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var enrolledBy = a.EnrolledByUserId is null ? null
            : await db.Users.Where(u => u.Id == a.EnrolledByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var accounts = await SocialAccountRows(db.SocialAccounts.Where(s => s.AgentId == id), ct);
        var history = await HistoryAsync(id, ct);
        var today = DateOnly.FromDateTime(display.ToLocal(clock.GetUtcNow().UtcDateTime));
        return new AgentDetailPage(
            new AgentFacts(a.Id, a.Version, a.Status, a.StatusReason, a.StatusChangedUtc, a.EnrolledUtc, enrolledBy,
                a.CodeOfConductAcceptedUtc, a.DataConsentUtc, a.ConsentWithdrawnUtc),
            EmployeeFacts.Of(a.Employee, a.Employee.Unit?.Name),
            new SignInFacts(a.User.Email ?? "", a.User.IsActive, a.User.MustChangePassword, a.User.CreatedUtc, a.User.LastSignInUtc),
            accounts, history, a.Employee.EligibilityProblem(today));
    }

    internal static Task<List<SocialAccountRow>> SocialAccountRows(IQueryable<SocialAccount> accounts, CancellationToken ct) =>
        accounts.AsNoTracking().OrderBy(s => s.Platform).ThenBy(s => s.Handle)
            .Select(s => new SocialAccountRow(s.Id, s.Platform, s.Handle, s.ProfileUrl, s.Kind, s.Followers, s.FollowersAsOf,
                s.State, s.RejectionReason, s.ReviewedUtc, s.CreatedUtc, s.Version))
            .ToListAsync(ct);

    /// <summary>
    /// Enrolment, status and consent changes of one agent, newest first. Agent is audited, so every
    /// change written through the context is here, with who made it and when.
    /// </summary>
    private async Task<List<StatusEvent>> HistoryAsync(int id, CancellationToken ct)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Agent) && e.EntityKey == key)
            .OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Take(200)
            .Select(e => new { e.OccurredUtc, e.UserName, e.Action, e.Changes })
            .ToListAsync(ct);
        var events = new List<StatusEvent>();
        foreach (var e in entries)
        {
            if (ToEvent(e.OccurredUtc, e.UserName, e.Action, e.Changes) is { } ev) events.Add(ev);
        }
        return events;
    }

    internal static StatusEvent? ToEvent(DateTime when, string? by, string action, string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes)) return null;
        Dictionary<string, (JsonElement? Old, JsonElement? New)> fields;
        try
        {
            using var doc = JsonDocument.Parse(changes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            fields = doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).ToDictionary(
                p => p.Name,
                p => (p.Value.TryGetProperty("old", out var o) ? o.Clone() : (JsonElement?)null, p.Value.TryGetProperty("new", out var n) ? n.Clone() : (JsonElement?)null));
        }
        catch (JsonException)
        {
            return null;
        }

        var from = fields.TryGetValue(nameof(Agent.Status), out var s) ? StatusOf(s.Old) : null;
        var to = fields.TryGetValue(nameof(Agent.Status), out s) ? StatusOf(s.New) : null;
        var reason = fields.TryGetValue(nameof(Agent.StatusReason), out var r) && r.New is { ValueKind: JsonValueKind.String } rv ? rv.GetString() : null;
        bool Set(string field) => fields.TryGetValue(field, out var f) && f.New is { ValueKind: not JsonValueKind.Null };

        if (action == AuditActions.Created) return new StatusEvent(when, by, I18n.Key("Didaftarkan sebagai agen"), null, to, reason);
        if (action != AuditActions.Updated) return null;
        if (Set(nameof(Agent.ConsentWithdrawnUtc)))
            return new StatusEvent(when, by, I18n.Key("Agen menarik persetujuan"), from, to, reason);
        if (Set(nameof(Agent.DataConsentUtc)) || Set(nameof(Agent.CodeOfConductAcceptedUtc)))
            return new StatusEvent(when, by, I18n.Key("Agen menyetujui kode etik dan pemrosesan data"), from, to, reason);
        if (from is not null || to is not null) return new StatusEvent(when, by, I18n.Key("Status diubah"), from, to, reason);
        if (reason is not null) return new StatusEvent(when, by, I18n.Key("Alasan status diubah"), null, null, reason);
        return null;
    }

    /// <summary>The trail stores enum values as numbers (and may one day store names): read both.</summary>
    private static AgentStatus? StatusOf(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) && Enum.IsDefined(typeof(AgentStatus), i) => (AgentStatus)i,
        { ValueKind: JsonValueKind.String } t when Enum.TryParse<AgentStatus>(t.GetString(), out var st) => st,
        _ => null,
    };
}
