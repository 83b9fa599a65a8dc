using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardPeriods;

/// <summary>What the "new period" form posts: the kind and its year and month/quarter/semester, or custom dates.</summary>
public sealed class CreatePeriodForm
{
    public const int MaxName = 100;

    public PeriodKind? Kind { get; set; }
    public int? Year { get; set; }
    public int? Month { get; set; }
    public int? Quarter { get; set; }
    public int? Semester { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>Optional: empty gives the default name ("Oktober 2026", "Triwulan IV 2026").</summary>
    public string? Name { get; set; }
    public int? SchemeId { get; set; }
}

public sealed record SchemeChoice(int Id, string Name);

public sealed record CreatePeriodPage(CreatePeriodForm Form, IReadOnlyList<SchemeChoice> Schemes);

/// <summary>Creates a reward period (state Open) on a scheme that has an approved version; the name is unique.</summary>
public sealed class CreatePeriodHandler(AppDbContext db, AuditLog audit, TimeProvider clock, Display display, IStringLocalizer<SharedResource> l)
{
    public async Task<CreatePeriodPage> LoadAsync(CreatePeriodForm? form = null, CancellationToken ct = default)
    {
        // Default: the current month in the institution's time zone.
        var today = display.ToLocal(clock.GetUtcNow().UtcDateTime);
        form ??= new CreatePeriodForm { Kind = PeriodKind.Monthly, Year = today.Year, Month = today.Month };
        var schemes = await SchemesAsync(ct);
        if (form.SchemeId is null && schemes.Count == 1) form.SchemeId = schemes[0].Id;
        return new CreatePeriodPage(form, schemes);
    }

    /// <summary>Schemes with at least one approved version: only those can be calculated.</summary>
    public Task<List<SchemeChoice>> SchemesAsync(CancellationToken ct = default) =>
        db.RewardSchemes.AsNoTracking()
            .Where(s => db.RewardSchemeVersions.Any(v => v.SchemeId == s.Id && v.State == SchemeVersionState.Approved))
            .OrderBy(s => s.Name)
            .Select(s => new SchemeChoice(s.Id, s.Name))
            .ToListAsync(ct);

    public async Task<(int? Id, IReadOnlyList<FieldError> Errors)> CreateAsync(CreatePeriodForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        var range = Range(form, errors);

        if (form.SchemeId is not { } schemeId)
            errors.Add(new(nameof(form.SchemeId), l["Pilih skema penghargaan."]));
        else if (!await db.RewardSchemeVersions.AnyAsync(v => v.SchemeId == schemeId && v.State == SchemeVersionState.Approved, ct))
            errors.Add(new(nameof(form.SchemeId), l["Skema itu belum memiliki versi yang disetujui Pimpinan. Pilih skema lain."]));

        var name = string.IsNullOrWhiteSpace(form.Name) ? range?.Name : form.Name.Trim();
        if (name is { Length: > CreatePeriodForm.MaxName })
            errors.Add(new(nameof(form.Name), l["Nama periode paling banyak {0} karakter.", CreatePeriodForm.MaxName]));
        else if (name is not null && await db.RewardPeriods.AnyAsync(p => p.Name == name, ct))
            errors.Add(new(nameof(form.Name), l["Nama periode {0} sudah dipakai. Gunakan nama lain.", name]));
        if (range is not null && form.SchemeId is { } sid)
        {
            // The same shares would be rewarded (and paid) twice: periods of one scheme never overlap.
            var overlap = await db.RewardPeriods.AsNoTracking()
                .Where(p => p.SchemeId == sid && p.StartDate <= range.End && range.Start <= p.EndDate)
                .OrderBy(p => p.StartDate).Select(p => new { p.Name, p.StartDate, p.EndDate }).FirstOrDefaultAsync(ct);
            if (overlap is not null)
                errors.Add(new(DatesField(form), l["Tanggal periode ini tumpang tindih dengan periode {0} ({1} – {2}) pada skema yang sama. Sebaran yang sama akan dihargai dan dibayar dua kali; pilih tanggal lain.",
                    overlap.Name, Day(overlap.StartDate), Day(overlap.EndDate)]));
        }
        if (errors.Count > 0 || range is null || name is null) return (null, errors);

        var period = new RewardPeriod
        {
            Name = name, Kind = form.Kind!.Value, StartDate = range.Start, EndDate = range.End, SchemeId = form.SchemeId!.Value,
            State = PeriodState.Open, CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        db.RewardPeriods.Add(period);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another person created a period with this name a moment ago (the unique index).
            db.ChangeTracker.Clear();
            return (null, [new(nameof(form.Name), l["Nama periode {0} sudah dipakai. Gunakan nama lain.", name])]);
        }
        await audit.WriteAsync(PeriodLabels.Created, detail: $"{{\"kind\":\"{period.Kind}\"}}", entityType: PeriodLabels.EntityType,
            entityKey: period.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct: ct);
        return (period.Id, []);
    }

    /// <summary>The input beside which a problem with the period's dates is shown.</summary>
    private static string DatesField(CreatePeriodForm form) => form.Kind switch
    {
        PeriodKind.Custom => nameof(form.StartDate),
        PeriodKind.Monthly => nameof(form.Month),
        PeriodKind.Quarterly => nameof(form.Quarter),
        PeriodKind.Semester => nameof(form.Semester),
        _ => nameof(form.Kind),
    };

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    private PeriodRange? Range(CreatePeriodForm form, List<FieldError> errors)
    {
        if (form.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new(nameof(form.Kind), l["Pilih jenis periode."]));
            return null;
        }
        if (kind == PeriodKind.Custom)
        {
            if (form.StartDate is null) errors.Add(new(nameof(form.StartDate), l["Isi tanggal mulai."]));
            if (form.EndDate is null) errors.Add(new(nameof(form.EndDate), l["Isi tanggal selesai."]));
            if (form.StartDate is null || form.EndDate is null) return null;
            var (range, error) = PeriodDates.Custom(form.StartDate.Value, form.EndDate.Value);
            if (error is not null) errors.Add(new(nameof(form.EndDate), l[error]));
            return range;
        }
        if (form.Year is not { } year || !PeriodDates.IsValidYear(year))
        {
            errors.Add(new(nameof(form.Year), l[PeriodDates.YearOutOfRange]));
            return null;
        }
        switch (kind)
        {
            case PeriodKind.Monthly when form.Month is { } m and >= 1 and <= 12:
                return PeriodDates.Monthly(year, m);
            case PeriodKind.Monthly:
                errors.Add(new(nameof(form.Month), l["Pilih bulan."]));
                return null;
            case PeriodKind.Quarterly when form.Quarter is { } q and >= 1 and <= 4:
                return PeriodDates.Quarterly(year, q);
            case PeriodKind.Quarterly:
                errors.Add(new(nameof(form.Quarter), l["Pilih triwulan."]));
                return null;
            case PeriodKind.Semester when form.Semester is { } s and >= 1 and <= 2:
                return PeriodDates.Semester(year, s);
            default:
                errors.Add(new(nameof(form.Semester), l["Pilih semester."]));
                return null;
        }
    }
}
