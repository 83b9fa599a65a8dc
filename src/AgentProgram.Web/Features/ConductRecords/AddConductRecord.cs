using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.ConductRecords;

/// <summary>
/// A new conduct record. The agent is found by name or NIP typed into <see cref="AgentSearch"/>
/// (posted, never in a URL) and chosen as <see cref="AgentId"/> from the matches.
/// </summary>
public sealed class ConductForm
{
    public string? AgentSearch { get; set; }
    public int? AgentId { get; set; }
    public ConductKind? Kind { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Note { get; set; }

    /// <summary>Set by the "Cari" button: only look agents up, do not save.</summary>
    public bool Find { get; set; }
}

public sealed record AgentChoice(int Id, string Name, string Nip, string? Unit)
{
    public string NipDisplay => Domain.Employees.Nip.FormatForDisplay(Nip);
}

/// <param name="Choices">Agents matching the search (at most <see cref="AddConductRecordHandler.MaxChoices"/>), or the one chosen.</param>
public sealed record ConductFormPage(ConductForm Form, IReadOnlyList<AgentChoice> Choices, bool Searched);

public enum AddConductOutcome { Done, Invalid }

/// <summary>Records a disciplinary or neutrality flag against an agent; it bars outcomes in every period it overlaps.</summary>
public sealed class AddConductRecordHandler(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxChoices = 20;
    public const int MaxNote = 1000;

    public async Task<ConductFormPage> LoadAsync(ConductForm? form = null, CancellationToken ct = default)
    {
        form ??= new ConductForm();
        var choices = new List<AgentChoice>();
        if (form.AgentId is { } id) choices.AddRange(await ChoicesAsync(db.Agents.Where(a => a.Id == id), ct));
        var searched = !string.IsNullOrWhiteSpace(form.AgentSearch);
        if (searched)
            choices.AddRange((await SearchAsync(form.AgentSearch!, ct)).Where(c => c.Id != form.AgentId));
        return new ConductFormPage(form, choices, searched);
    }

    public async Task<(AddConductOutcome Outcome, int Id, IReadOnlyList<FieldError> Errors)> SaveAsync(ConductForm form, string userId, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (form.AgentId is null && !string.IsNullOrWhiteSpace(form.AgentSearch))
        {
            // A full NIP names one person: take it without a second step.
            var matches = await SearchAsync(form.AgentSearch, ct);
            var nip = Nip.Normalize(form.AgentSearch);
            if (matches.Count == 1 && matches[0].Nip == nip) form.AgentId = matches[0].Id;
        }
        if (form.AgentId is not { } agentId || !await db.Agents.AnyAsync(a => a.Id == agentId, ct))
            errors.Add(new(nameof(form.AgentId), l["Pilih agen: cari dengan nama atau NIP, lalu pilih salah satu hasilnya."]));
        if (form.Kind is not { } kind || !Enum.IsDefined(kind))
            errors.Add(new(nameof(form.Kind), l["Pilih jenis catatan."]));
        if (form.StartDate is null)
            errors.Add(new(nameof(form.StartDate), l["Tanggal mulai wajib diisi."]));
        else if (form.EndDate is { } end && end < form.StartDate)
            errors.Add(new(nameof(form.EndDate), l["Tanggal selesai tidak boleh sebelum tanggal mulai."]));
        var note = form.Note?.Trim() ?? "";
        if (note.Length == 0)
            errors.Add(new(nameof(form.Note), l["Catatan wajib diisi: sebutkan dasar keputusannya (misalnya nomor SK hukuman disiplin)."]));
        else if (note.Length > MaxNote)
            errors.Add(new(nameof(form.Note), l["Catatan paling banyak {0:N0} karakter; saat ini {1:N0} karakter.", MaxNote, note.Length]));
        if (errors.Count > 0) return (AddConductOutcome.Invalid, 0, errors);

        var record = new ConductRecord
        {
            AgentId = form.AgentId!.Value, Kind = form.Kind!.Value, StartDate = form.StartDate!.Value, EndDate = form.EndDate,
            Note = note, RecordedByUserId = userId, RecordedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ConductRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return (AddConductOutcome.Done, record.Id, []);
    }

    /// <summary>Agents whose name contains the text, or whose NIP contains its digits.</summary>
    public async Task<IReadOnlyList<AgentChoice>> SearchAsync(string text, CancellationToken ct = default)
    {
        var search = text.Trim();
        if (search.Length == 0) return [];
        if (search.Length > 100) search = search[..100];
        var pattern = "%" + ListAgentsHandler.EscapeLike(search) + "%";
        var digits = ListAgentsHandler.DigitsOf(search);
        var agents = digits is null
            ? db.Agents.Where(a => EF.Functions.Like(a.Employee.Name, pattern, "\\"))
            : db.Agents.Where(a => EF.Functions.Like(a.Employee.Name, pattern, "\\") || a.Employee.Nip.Contains(digits));
        return await ChoicesAsync(agents.OrderBy(a => a.Employee.Name).ThenBy(a => a.Id).Take(MaxChoices), ct);
    }

    private static async Task<List<AgentChoice>> ChoicesAsync(IQueryable<Domain.Agents.Agent> agents, CancellationToken ct)
    {
        var rows = await agents.AsNoTracking()
            .Select(a => new { a.Id, a.Employee.TitlePrefix, a.Employee.Name, a.Employee.TitleSuffix, a.Employee.Nip, Unit = a.Employee.Unit!.Name })
            .ToListAsync(ct);
        return [.. rows.Select(r => new AgentChoice(r.Id, ConductRecordListHandler.FullName(r.TitlePrefix, r.Name, r.TitleSuffix), r.Nip, r.Unit))];
    }
}

public sealed class RevokeForm
{
    public string? Reason { get; set; }
    public int Version { get; set; }
}

public sealed record RevokePage(ConductRow Record, int Version, RevokeForm Form);

public enum RevokeOutcome { Done, NotFound, Invalid }

/// <summary>Revokes a record (it then bars nothing); the reason is kept and the change audited. Nothing is deleted.</summary>
public sealed class RevokeConductRecordHandler(AppDbContext db, TimeProvider clock, Display display, IStringLocalizer<SharedResource> l)
{
    public const int MaxReason = 500;

    public async Task<RevokePage?> LoadAsync(int id, RevokeForm? form = null, CancellationToken ct = default)
    {
        var r = await (from c in db.ConductRecords.AsNoTracking()
                       where c.Id == id
                       join a in db.Agents.AsNoTracking() on c.AgentId equals a.Id
                       select new
                       {
                           c.Id, c.AgentId, a.Employee.TitlePrefix, a.Employee.Name, a.Employee.TitleSuffix, Unit = a.Employee.Unit!.Name,
                           c.Kind, c.StartDate, c.EndDate, c.Note, c.RecordedUtc, c.RevokedUtc, c.RevokeReason, c.Version,
                       }).SingleOrDefaultAsync(ct);
        if (r is null) return null;
        var row = new ConductRow(r.Id, r.AgentId, ConductRecordListHandler.FullName(r.TitlePrefix, r.Name, r.TitleSuffix), r.Unit, r.Kind,
            r.StartDate, r.EndDate, r.Note, r.RecordedUtc, r.RevokedUtc, r.RevokeReason);
        return new RevokePage(row, r.Version, form ?? new RevokeForm { Version = r.Version });
    }

    public async Task<(RevokeOutcome Outcome, IReadOnlyList<FieldError> Errors)> RevokeAsync(int id, RevokeForm form, string userId, CancellationToken ct = default)
    {
        var record = await db.ConductRecords.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (record is null) return (RevokeOutcome.NotFound, []);
        if (record.RevokedUtc is not null) return (RevokeOutcome.Invalid, [await RevokedMeanwhileAsync(record.Id, ct)]);
        var reason = form.Reason?.Trim() ?? "";
        if (reason.Length == 0) return (RevokeOutcome.Invalid, [new(nameof(form.Reason), l["Alasan pencabutan wajib diisi."])]);
        if (reason.Length > MaxReason)
            return (RevokeOutcome.Invalid, [new(nameof(form.Reason), l["Alasan paling banyak {0:N0} karakter; saat ini {1:N0} karakter.", MaxReason, reason.Length])]);

        db.Entry(record).Property(c => c.Version).OriginalValue = form.Version;
        record.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        record.RevokedByUserId = userId;
        record.RevokeReason = reason;
        try
        {
            await db.SaveChangesAsync(ct);
            return (RevokeOutcome.Done, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (RevokeOutcome.Invalid, [await RevokedMeanwhileAsync(record.Id, ct)]);
        }
    }

    /// <summary>What another officer did to the record since the page was opened: who revoked it, when and why.</summary>
    private async Task<FieldError> RevokedMeanwhileAsync(int id, CancellationToken ct)
    {
        var stored = await (from c in db.ConductRecords.AsNoTracking()
                            where c.Id == id
                            join u in db.Users on c.RevokedByUserId equals u.Id into uj
                            from u in uj.DefaultIfEmpty()
                            select new { c.RevokedUtc, c.RevokeReason, By = u == null ? null : u.DisplayName }).SingleAsync(ct);
        if (stored.RevokedUtc is not { } when)
            return new("", l["Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda."]);
        return new("", l["Catatan ini sudah dicabut oleh {0} pada {1} dengan alasan: {2}. Alasan yang Anda tulis tidak disimpan.",
            stored.By ?? l["petugas lain"].Value, display.DateTimeShort(when), stored.RevokeReason ?? ""]);
    }
}
