using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.ElectionGuard;

/// <summary>A period as typed: first and last day in WIB (inclusive).</summary>
public sealed class PeriodForm
{
    [Required(ErrorMessage = "Nama masa pemilu wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama masa pemilu paling banyak 200 karakter.")]
    public string Name { get; set; } = "";

    public ElectionPeriodKind Kind { get; set; } = ElectionPeriodKind.Campaign;

    [Required(ErrorMessage = "Tanggal mulai wajib diisi.")]
    public DateOnly? Start { get; set; }

    [Required(ErrorMessage = "Tanggal selesai wajib diisi.")]
    public DateOnly? End { get; set; }

    /// <summary>The stored version the form was loaded from: a save over someone else's later change is refused.</summary>
    public int Version { get; set; }
}

public sealed class CandidateForm
{
    [Required(ErrorMessage = "Nama calon wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama calon paling banyak 200 karakter.")]
    public string Name { get; set; } = "";
}

public sealed record PeriodRow(int Id, string Name, ElectionPeriodKind Kind, DateOnly Start, DateOnly End);

public sealed record CandidateRow(int Id, string Name, string Matched);

public sealed record ElectionSettingsPage(IReadOnlyList<PeriodRow> Periods, IReadOnlyList<CandidateRow> Candidates, PeriodForm Period, CandidateForm Candidate, int? EditingId);

public enum SettingOutcome { Done, NotFound, Invalid }

/// <summary>The election guard's settings: campaign, quiet and voting periods (whole days in WIB, stored as UTC instants) and candidate names.</summary>
public sealed class ElectionSettingsHandler(AppDbContext db, Display display, IStringLocalizer<SharedResource> l)
{
    public static string KindLabel(ElectionPeriodKind kind) => kind switch
    {
        ElectionPeriodKind.Campaign => "Masa kampanye",
        ElectionPeriodKind.QuietPeriod => "Masa tenang",
        ElectionPeriodKind.Voting => "Hari pemungutan suara",
        _ => kind.ToString(),
    };

    public async Task<ElectionSettingsPage> LoadAsync(PeriodForm? period = null, CandidateForm? candidate = null, int? editingId = null, CancellationToken ct = default)
    {
        var periods = await db.ElectionPeriods.AsNoTracking().OrderBy(p => p.StartUtc).ToListAsync(ct);
        var names = await db.ElectionCandidates.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        return new ElectionSettingsPage(
            [.. periods.Select(p => new PeriodRow(p.Id, p.Name, p.Kind, LocalDay(p.StartUtc), LocalDay(p.EndUtc).AddDays(-1)))],
            [.. names.Select(c => new CandidateRow(c.Id, c.Name, Matched(c.Name)))],
            period ?? new PeriodForm(), candidate ?? new CandidateForm(), editingId);
    }

    public async Task<PeriodForm?> PeriodFormAsync(int id, CancellationToken ct = default) =>
        await db.ElectionPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p
            ? new PeriodForm { Name = p.Name, Kind = p.Kind, Start = LocalDay(p.StartUtc), End = LocalDay(p.EndUtc).AddDays(-1), Version = p.Version }
            : null;

    public async Task<(SettingOutcome, IReadOnlyList<FieldError>)> SavePeriodAsync(int? id, PeriodForm form, CancellationToken ct = default)
    {
        if (form.End < form.Start) return (SettingOutcome.Invalid, [new(nameof(form.End), l["Tanggal selesai tidak boleh sebelum tanggal mulai."])]);
        ElectionPeriodSetting? p;
        if (id is int existing)
        {
            p = await db.ElectionPeriods.SingleOrDefaultAsync(x => x.Id == existing, ct);
            if (p is null) return (SettingOutcome.NotFound, []);
            db.Entry(p).Property(x => x.Version).OriginalValue = form.Version;
        }
        else
        {
            p = new ElectionPeriodSetting();
            db.ElectionPeriods.Add(p);
        }
        p.Name = form.Name.Trim();
        p.Kind = Enum.IsDefined(form.Kind) ? form.Kind : ElectionPeriodKind.Campaign;
        p.StartUtc = StartOfDayUtc(form.Start!.Value);
        p.EndUtc = StartOfDayUtc(form.End!.Value.AddDays(1));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (id is int changedId)
        {
            // Another administrator saved this period first: say what is stored now, keep the entries, and base the
            // form on the stored version so saving again applies them knowingly.
            db.ChangeTracker.Clear();
            if (await db.ElectionPeriods.AsNoTracking().SingleOrDefaultAsync(x => x.Id == changedId, ct) is not { } now) return (SettingOutcome.NotFound, []);
            form.Version = now.Version;
            return (SettingOutcome.Invalid, [new(nameof(form.Name), l["Masa pemilu ini baru saja diubah orang lain. Sekarang tersimpan: {0}, {1}, {2} s.d. {3}. Isian Anda tetap di formulir; periksa lalu simpan lagi untuk menerapkannya.",
                now.Name, l[KindLabel(now.Kind)].Value, LocalDay(now.StartUtc).ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture), LocalDay(now.EndUtc).AddDays(-1).ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)])]);
        }
        return (SettingOutcome.Done, []);
    }

    public async Task<SettingOutcome> DeletePeriodAsync(int id, CancellationToken ct = default)
    {
        var p = await db.ElectionPeriods.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return SettingOutcome.NotFound;
        db.ElectionPeriods.Remove(p);
        await db.SaveChangesAsync(ct);
        return SettingOutcome.Done;
    }

    public async Task<(SettingOutcome, IReadOnlyList<FieldError>)> AddCandidateAsync(CandidateForm form, CancellationToken ct = default)
    {
        var name = string.Join(' ', form.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var matched = Matched(name);
        if (matched.Length == 0 || matched.Split(' ').All(Domain.Messages.ElectionGuard.Honorifics.Contains))
            return (SettingOutcome.Invalid, [new("Candidate.Name", l["Nama calon harus memuat nama, bukan hanya gelar."])]);
        if (await db.ElectionCandidates.AnyAsync(c => c.Name == name, ct))
            return (SettingOutcome.Invalid, [new("Candidate.Name", l["Nama calon ini sudah ada di daftar."])]);
        db.ElectionCandidates.Add(new ElectionCandidate { Name = name });
        await db.SaveChangesAsync(ct);
        return (SettingOutcome.Done, []);
    }

    public async Task<SettingOutcome> DeleteCandidateAsync(int id, CancellationToken ct = default)
    {
        var c = await db.ElectionCandidates.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return SettingOutcome.NotFound;
        db.ElectionCandidates.Remove(c);
        await db.SaveChangesAsync(ct);
        return SettingOutcome.Done;
    }

    private static string Matched(string name) => new Domain.Messages.ElectionGuard([], [name]).MatchedNames is { Count: > 0 } m ? m[0] : "";

    private DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(display.ToLocal(utc));

    private DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), display.Zone);
}
