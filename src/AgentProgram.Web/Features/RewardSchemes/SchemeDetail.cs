using System.Globalization;
using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.RewardSchemes;

/// <summary>One line of a scheme's version history: who made, submitted and approved it, when, and the change note.</summary>
public sealed record VersionRow(int Id, int Number, SchemeVersionState State, string? ChangeNote, string? CreatedBy, DateTime CreatedUtc,
    DateTime? SubmittedUtc, string? ApprovedBy, DateTime? ApprovedUtc);

public sealed record SchemePage(int Id, string Name, string? Description, DateTime CreatedUtc, IReadOnlyList<VersionRow> Versions)
{
    public int? NewestApprovedNumber => Versions.Where(v => v.State == SchemeVersionState.Approved).Select(v => (int?)v.Number).Max();

    /// <summary>The Draft or Submitted version, if one waits (there is at most one).</summary>
    public VersionRow? Pending => Versions.FirstOrDefault(v => v.State != SchemeVersionState.Approved);

    /// <summary>"Buat versi baru" is offered when the newest version is approved (so nothing is waiting).</summary>
    public bool CanStartNewVersion => Versions.Count > 0 && Versions[0].State == SchemeVersionState.Approved;
}

/// <summary>A version with its rules, what is wrong with them (a draft may be incomplete), and the last reason it was returned.</summary>
public sealed record VersionPage(int SchemeId, string SchemeName, VersionRow Row, int Version, RewardRules Rules,
    IReadOnlyList<RuleProblem> Problems, string? ReturnReason, SubmitForm Submit, ReturnForm Return);

/// <summary>Reads a scheme with its history, and one version with its rules (read-only).</summary>
public sealed class SchemeDetailHandler(AppDbContext db)
{
    public async Task<SchemePage?> LoadSchemeAsync(int id, CancellationToken ct = default)
    {
        var s = await db.RewardSchemes.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Name, x.Description, x.CreatedUtc }).SingleOrDefaultAsync(ct);
        if (s is null) return null;
        return new SchemePage(s.Id, s.Name, s.Description, s.CreatedUtc, await RowsAsync(id, null, ct));
    }

    public async Task<VersionPage?> LoadVersionAsync(int schemeId, int number, SubmitForm? submit = null, ReturnForm? giveBack = null, CancellationToken ct = default)
    {
        var name = await db.RewardSchemes.AsNoTracking().Where(x => x.Id == schemeId).Select(x => x.Name).SingleOrDefaultAsync(ct);
        if (name is null) return null;
        var v = await db.RewardSchemeVersions.AsNoTracking().SingleOrDefaultAsync(x => x.SchemeId == schemeId && x.Number == number, ct);
        if (v is null) return null;
        var row = (await RowsAsync(schemeId, number, ct)).Single();
        var rules = v.Rules;
        string? reason = null;
        if (v.State == SchemeVersionState.Draft)
        {
            var key = v.Id.ToString(CultureInfo.InvariantCulture);
            var detail = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == SchemeAuditActions.Returned && a.EntityType == SchemeAuditActions.EntityType && a.EntityKey == key)
                .OrderByDescending(a => a.Id).Select(a => a.Changes).FirstOrDefaultAsync(ct);
            reason = ReasonOf(detail);
        }
        return new VersionPage(schemeId, name, row, v.Version, rules, RewardRulesCheck.Check(rules), reason,
            submit ?? new SubmitForm { ChangeNote = v.ChangeNote, Version = v.Version },
            giveBack ?? new ReturnForm { Version = v.Version });
    }

    private async Task<List<VersionRow>> RowsAsync(int schemeId, int? number, CancellationToken ct)
    {
        var query = db.RewardSchemeVersions.AsNoTracking().Where(v => v.SchemeId == schemeId);
        if (number is int n) query = query.Where(v => v.Number == n);
        var versions = await query.OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.State, v.ChangeNote, v.CreatedByUserId, v.CreatedUtc, v.SubmittedUtc, v.ApprovedByUserId, v.ApprovedUtc })
            .ToListAsync(ct);
        var userIds = versions.SelectMany(v => new[] { v.CreatedByUserId, v.ApprovedByUserId }).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? NameOf(string? id) => id is null ? null : names.GetValueOrDefault(id, id);
        return [.. versions.Select(v => new VersionRow(v.Id, v.Number, v.State, v.ChangeNote, NameOf(v.CreatedByUserId), v.CreatedUtc,
            v.SubmittedUtc, NameOf(v.ApprovedByUserId), v.ApprovedUtc))];
    }

    private static string? ReasonOf(string? detail)
    {
        if (string.IsNullOrEmpty(detail)) return null;
        try
        {
            using var doc = JsonDocument.Parse(detail);
            return doc.RootElement.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
