using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Features.Messages;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Clicks;
using AgentProgram.Web.Infrastructure.Imports;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Assignments;

/// <summary>
/// What the assign form posts. Targets are the union of "all agents", the chosen units (each with or
/// without its sub-units) and the agents listed by NIP. The first post shows how many agents it will
/// reach; <see cref="Confirmed"/> set by the confirm button does it.
/// </summary>
public sealed class AssignForm
{
    public bool AllAgents { get; set; }
    public List<int> UnitIds { get; set; } = [];
    public bool IncludeSubUnits { get; set; } = true;

    /// <summary>NIPs, one per line (or separated by commas or spaces). Posted, never put in a URL.</summary>
    public string? AgentNips { get; set; }

    /// <summary>Local date and time (the institution's time zone).</summary>
    public DateTime? Due { get; set; }

    public bool Confirmed { get; set; }
}

public sealed record UnitChoice(int Id, string Name, int Depth);

public sealed record AssignPreview(int Targeted, int AlreadyAssigned, int ToCreate, IReadOnlyList<string> Notes);

public sealed record AssignPage(PolicyMessage Message, AssignForm Form, IReadOnlyList<UnitChoice> Units, int AssignedSoFar, AssignPreview? Preview);

public enum AssignOutcome { NotFound, Invalid, Preview, Done }

public sealed record AssignResult(AssignOutcome Outcome, IReadOnlyList<FieldError> Errors, AssignPreview? Preview = null);

/// <summary>
/// Assigns an approved or published message to agents. The targets are resolved in memory
/// (<see cref="AssignmentTargets.Compute"/> over a narrow projection of every agent), agents that
/// already hold the message are skipped, and the new assignments and their notifications are written
/// with one prepared INSERT each inside one transaction: 80,000 agents is one request of seconds.
/// Assigning an approved message publishes it (audited as its own step).
/// </summary>
public sealed class AssignMessageHandler(AppDbContext db, AuditLog audit, TimeProvider clock, Display display,
    TrackedLinkResolver resolver, IStringLocalizer<SharedResource> l)
{
    public const int MaxNipLines = 5000;

    public async Task<AssignPage?> LoadAsync(int messageId, AssignForm? form = null, AssignPreview? preview = null, CancellationToken ct = default)
    {
        var m = await db.PolicyMessages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == messageId, ct);
        if (m is null) return null;
        var assigned = await db.Assignments.CountAsync(a => a.MessageId == messageId, ct);
        form ??= new AssignForm { Due = display.ToLocal(m.ActiveUntilUtc) };
        return new AssignPage(m, form, await UnitChoicesAsync(ct), assigned, preview);
    }

    public static bool CanAssign(MessageStatus status) => status is MessageStatus.Approved or MessageStatus.Published;

    public async Task<AssignResult> HandleAsync(int messageId, AssignForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var m = await db.PolicyMessages.SingleOrDefaultAsync(x => x.Id == messageId, ct);
        if (m is null) return new(AssignOutcome.NotFound, []);
        var errors = new List<FieldError>();
        if (!CanAssign(m.Status) || m.ApprovedRevisionId is null)
        {
            errors.Add(new("", l["Hanya pesan yang sudah disetujui atau diterbitkan yang dapat ditugaskan."]));
            return new(AssignOutcome.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        DateTime dueUtc = default;
        if (form.Due is not DateTime due)
        {
            errors.Add(new(nameof(AssignForm.Due), l["Isi batas waktu penugasan."]));
        }
        else
        {
            dueUtc = display.ToUtc(due);
            if (DueDate.Check(dueUtc, m.ActiveFromUtc, m.ActiveUntilUtc, now) is { } problem)
                errors.Add(new(nameof(AssignForm.Due), l[problem.Format, problem.Args(display.DateTimeShort)]));
        }

        var (chosenIds, nipErrors) = await ResolveNipsAsync(form.AgentNips, ct);
        errors.AddRange(nipErrors);
        var spec = new AssignmentTargetSpec(form.AllAgents, [.. form.UnitIds.Distinct().Select(u => new UnitTarget(u, form.IncludeSubUnits))], chosenIds);
        if (errors.Count > 0) return new(AssignOutcome.Invalid, errors);

        var today = DateOnly.FromDateTime(display.ToLocal(now));
        var unitParents = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        var candidates = await db.Agents.AsNoTracking()
            .Select(a => new
            {
                a.Id,
                a.UserId,
                a.Status,
                a.Employee.UnitId,
                a.Employee.LegalStatus,
                a.Employee.HasDisciplinarySanction,
                a.Employee.EmploymentType,
                a.Employee.ContractStart,
                a.Employee.ContractEnd,
            })
            .ToListAsync(ct);
        var users = new Dictionary<int, string>(candidates.Count);
        var assignable = new List<AssignableAgent>(candidates.Count);
        foreach (var a in candidates)
        {
            users[a.Id] = a.UserId;
            var eligible = new Employee
            {
                LegalStatus = a.LegalStatus,
                HasDisciplinarySanction = a.HasDisciplinarySanction,
                EmploymentType = a.EmploymentType,
                ContractStart = a.ContractStart,
                ContractEnd = a.ContractEnd,
            }.IsEligible(today);
            assignable.Add(new AssignableAgent(a.Id, a.UnitId, a.Status, eligible));
        }

        var result = AssignmentTargets.Compute(spec, unitParents, assignable);
        var notes = result.Notes.Select(n => l[n.Format, n.Args].Value).ToList();
        if (result.AgentIds.Count == 0)
        {
            errors.Add(new("", notes.FirstOrDefault() ?? l["Tidak ada agen aktif pada sasaran yang dipilih."]));
            return new(AssignOutcome.Invalid, errors);
        }

        var existing = (await db.Assignments.AsNoTracking().Where(a => a.MessageId == messageId).Select(a => a.AgentId).ToListAsync(ct)).ToHashSet();
        var toCreate = result.AgentIds.Where(id => !existing.Contains(id)).ToList();
        var preview = new AssignPreview(result.AgentIds.Count, result.AgentIds.Count - toCreate.Count, toCreate.Count, notes);
        if (!form.Confirmed) return new(AssignOutcome.Preview, [], preview);
        if (toCreate.Count == 0)
        {
            errors.Add(new("", l["Semua agen pada sasaran ini sudah menerima pesan ini. Tidak ada penugasan baru."]));
            return new(AssignOutcome.Invalid, errors, preview);
        }

        var by = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var assignments = toCreate.Select(id => new Assignment { MessageId = messageId, AgentId = id, DueUtc = dueUtc, CreatedUtc = now, AssignedByUserId = by }).ToList();
        var text = Truncate(m.Title, 500);
        var notifications = toCreate.Select(id => new Notification { UserId = users[id], Kind = NotificationKind.NewAssignment, Text = text, Url = "/", CreatedUtc = now }).ToList();

        var wasApproved = m.Status == MessageStatus.Approved;
        if (wasApproved)
        {
            m.Status = MessageStatus.Published;
            m.PublishedUtc ??= now;
        }
        var key = m.Id.ToString(CultureInfo.InvariantCulture);
        var detail = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["allAgents"] = form.AllAgents,
            ["units"] = form.UnitIds.Count == 0 ? null : form.UnitIds,
            ["includeSubUnits"] = form.UnitIds.Count == 0 ? null : form.IncludeSubUnits,
            ["chosenAgents"] = chosenIds.Count == 0 ? null : chosenIds.Count,
            ["assigned"] = toCreate.Count,
            ["alreadyAssigned"] = preview.AlreadyAssigned,
            ["dueUtc"] = dueUtc,
        });

        var assignmentInserter = new BulkInserter<Assignment>(db);
        var notificationInserter = new BulkInserter<Notification>(db);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await assignmentInserter.InsertAsync(db, assignments, token);
            await notificationInserter.InsertAsync(db, notifications, token);
            if (wasApproved)
                await audit.WriteAsync(MessageAuditActions.Published, detail: """{"from":"Approved","to":"Published","by":"assignment"}""",
                    entityType: MessageAuditActions.EntityType, entityKey: key, ct: token);
            await audit.WriteAsync(MessageAuditActions.Assigned, detail: detail, entityType: MessageAuditActions.EntityType, entityKey: key, ct: token);
            await tx.CommitAsync(token);
        }, ct);
        resolver.Invalidate();
        return new(AssignOutcome.Done, [], preview);
    }

    private async Task<(List<int> AgentIds, List<FieldError> Errors)> ResolveNipsAsync(string? text, CancellationToken ct)
    {
        var ids = new List<int>();
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(text)) return (ids, errors);
        var tokens = text.Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (tokens.Count > MaxNipLines)
        {
            errors.Add(new(nameof(AssignForm.AgentNips), l["Paling banyak {0:N0} NIP sekali kirim. Untuk sasaran sebesar ini, pilih unit kerja atau semua agen.", MaxNipLines]));
            return (ids, errors);
        }
        var malformed = tokens.Where(t => t.Length != 18 || !t.All(char.IsAsciiDigit)).ToList();
        if (malformed.Count > 0)
        {
            errors.Add(new(nameof(AssignForm.AgentNips), l["NIP harus 18 digit angka, satu per baris. Periksa: {0}", string.Join(", ", malformed.Take(5))]));
            return (ids, errors);
        }
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in tokens.Chunk(500))
        {
            var rows = await db.Agents.AsNoTracking().Where(a => chunk.Contains(a.Employee.Nip))
                .Select(a => new { a.Employee.Nip, a.Id }).ToListAsync(ct);
            foreach (var r in rows) found[r.Nip] = r.Id;
        }
        var missing = tokens.Where(t => !found.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new(nameof(AssignForm.AgentNips), l["{0:N0} NIP bukan agen terdaftar: {1}. Hapus dari daftar atau daftarkan dulu sebagai agen.", missing.Count, string.Join(", ", missing.Take(5))]));
            return (ids, errors);
        }
        ids.AddRange(found.Values);
        return (ids, errors);
    }

    /// <summary>Open units in tree order (parents before children), for the unit picker.</summary>
    private async Task<IReadOnlyList<UnitChoice>> UnitChoicesAsync(CancellationToken ct) =>
        [.. (await Units.UnitTree.LoadAsync(db, ct)).Ordered.Where(p => !p.Unit.IsClosed).Select(p => new UnitChoice(p.Unit.Id, p.Unit.Name, p.Depth))];

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
