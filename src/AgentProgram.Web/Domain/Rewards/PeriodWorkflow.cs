using System.Globalization;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Domain.Rewards;

/// <summary>What a person can do to a reward period.</summary>
public enum PeriodAction
{
    Calculate = 1,
    Approve = 2,
    Close = 3,
    Reopen = 4,
    EditNotes = 5,
}

/// <summary>The roles of the person acting, as the period workflow needs them.</summary>
public sealed record PeriodActor(bool IsHumas, bool IsPimpinan, bool IsAdministrator);

/// <summary>The workflow's answer: allowed (with the state it leads to) or refused with an Indonesian localizer key.</summary>
public sealed record PeriodDecision(PeriodAction Action, PeriodState From, PeriodState? To, string? Refusal, string? Reason = null)
{
    public bool IsAllowed => Refusal is null;

    /// <summary>True when the refusal is about who is acting, not about the period's state.</summary>
    public bool IsRoleRefusal { get; init; }
}

/// <summary>
/// Open → Calculated → Approved → Closed. Humas calculates (again and again while Calculated); a Pimpinan
/// approves, which freezes the results and the scheme version; Humas or a Pimpinan closes; only an
/// administrator reopens a closed period, with a reason, back to Open (the approved run stays in history).
/// </summary>
public static class PeriodWorkflow
{
    public const int MinReopenReason = 10;
    public const int MaxReopenReason = 500;
    public const int MaxNotes = 4000;

    public static readonly string NotYourRole = I18n.Key("Peran Anda tidak dapat melakukan tindakan ini pada periode penghargaan.");
    public static readonly string CalculateFrozen = I18n.Key("Periode ini sudah disetujui atau ditutup: hasilnya dibekukan dan tidak dapat dihitung ulang.");
    public static readonly string ApproveNeedsCalculated = I18n.Key("Hanya periode yang sudah dihitung dan belum disetujui yang dapat disetujui.");
    public static readonly string ApproveNeedsRun = I18n.Key("Periode ini belum memiliki hasil perhitungan untuk disetujui.");
    public static readonly string CloseNeedsApproved = I18n.Key("Hanya periode yang sudah disetujui yang dapat ditutup.");
    public static readonly string ReopenNeedsClosed = I18n.Key("Hanya periode yang sudah ditutup yang dapat dibuka kembali.");
    public static readonly string ReopenReasonRequired = I18n.Key("Tuliskan alasan membuka kembali periode ini (minimal 10 karakter).");
    public static readonly string ReopenReasonTooLong = I18n.Key("Alasan paling banyak 500 karakter.");
    public static readonly string NotesFrozen = I18n.Key("Catatan tidak dapat diubah lagi: periode ini sudah disetujui atau ditutup.");

    public static PeriodDecision Decide(PeriodAction action, PeriodActor actor, PeriodState state, bool hasCurrentRun = false, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayAct(action, actor)) return new(action, state, null, NotYourRole) { IsRoleRefusal = true };
        switch (action)
        {
            case PeriodAction.Calculate:
                return state is PeriodState.Open or PeriodState.Calculated
                    ? new(action, state, PeriodState.Calculated, null)
                    : new(action, state, null, CalculateFrozen);
            case PeriodAction.Approve:
                if (state != PeriodState.Calculated) return new(action, state, null, ApproveNeedsCalculated);
                return hasCurrentRun ? new(action, state, PeriodState.Approved, null) : new(action, state, null, ApproveNeedsRun);
            case PeriodAction.Close:
                return state == PeriodState.Approved
                    ? new(action, state, PeriodState.Closed, null)
                    : new(action, state, null, CloseNeedsApproved);
            case PeriodAction.Reopen:
                if (state != PeriodState.Closed) return new(action, state, null, ReopenNeedsClosed);
                var why = reason?.Trim() ?? "";
                if (why.Length < MinReopenReason) return new(action, state, null, ReopenReasonRequired);
                if (why.Length > MaxReopenReason) return new(action, state, null, ReopenReasonTooLong);
                return new(action, state, PeriodState.Open, null, why);
            case PeriodAction.EditNotes:
                return state is PeriodState.Open or PeriodState.Calculated
                    ? new(action, state, state, null)
                    : new(action, state, null, NotesFrozen);
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    /// <summary>Whether the person's roles allow the action at all (the state decides the rest).</summary>
    public static bool MayAct(PeriodAction action, PeriodActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return action switch
        {
            PeriodAction.Calculate or PeriodAction.EditNotes => actor.IsHumas,
            PeriodAction.Approve => actor.IsPimpinan,
            PeriodAction.Close => actor.IsHumas || actor.IsPimpinan,
            PeriodAction.Reopen => actor.IsAdministrator,
            _ => false,
        };
    }

    /// <summary>The actions offered on the period page to this person now.</summary>
    public static IReadOnlyList<PeriodAction> Available(PeriodActor actor, PeriodState state, bool hasCurrentRun) =>
        [.. Enum.GetValues<PeriodAction>().Where(a => a != PeriodAction.Reopen
            ? Decide(a, actor, state, hasCurrentRun).IsAllowed
            : MayAct(a, actor) && state == PeriodState.Closed)];

    /// <summary>The Indonesian label of a state (a localizer key).</summary>
    public static string Label(PeriodState state) => state switch
    {
        PeriodState.Open => I18n.Key("Terbuka"),
        PeriodState.Calculated => I18n.Key("Sudah dihitung"),
        PeriodState.Approved => I18n.Key("Disetujui"),
        PeriodState.Closed => I18n.Key("Ditutup"),
        _ => state.ToString(),
    };

    public static string Label(PeriodKind kind) => kind switch
    {
        PeriodKind.Monthly => I18n.Key("Bulanan"),
        PeriodKind.Quarterly => I18n.Key("Triwulanan"),
        PeriodKind.Semester => I18n.Key("Semesteran"),
        PeriodKind.Custom => I18n.Key("Rentang khusus"),
        _ => kind.ToString(),
    };
}

/// <summary>A period's inclusive dates and the default name it is given.</summary>
public sealed record PeriodRange(DateOnly Start, DateOnly End, string Name)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;
}

/// <summary>
/// Dates of monthly, quarterly, semester and custom periods, with default names in Indonesian
/// ("Oktober 2026", "Triwulan IV 2026", "Semester II 2026"). Names are data, stored with the period.
/// </summary>
public static class PeriodDates
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxCustomDays = 366;

    public static readonly string YearOutOfRange = I18n.Key("Tahun harus antara 2000 dan 2100.");
    public static readonly string EndBeforeStart = I18n.Key("Tanggal selesai tidak boleh sebelum tanggal mulai.");
    public static readonly string TooLong = I18n.Key("Rentang khusus paling panjang 366 hari.");

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static string MonthName(int month) => month is >= 1 and <= 12 ? Months[month - 1] : throw new ArgumentOutOfRangeException(nameof(month));

    public static PeriodRange Monthly(int year, int month)
    {
        CheckYear(year);
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        var start = new DateOnly(year, month, 1);
        return new(start, start.AddMonths(1).AddDays(-1), $"{Months[month - 1]} {Year(year)}");
    }

    public static PeriodRange Quarterly(int year, int quarter)
    {
        CheckYear(year);
        if (quarter is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(quarter));
        var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(start, start.AddMonths(3).AddDays(-1), $"Triwulan {Roman[quarter - 1]} {Year(year)}");
    }

    public static PeriodRange Semester(int year, int semester)
    {
        CheckYear(year);
        if (semester is < 1 or > 2) throw new ArgumentOutOfRangeException(nameof(semester));
        var start = new DateOnly(year, (semester - 1) * 6 + 1, 1);
        return new(start, start.AddMonths(6).AddDays(-1), $"Semester {Roman[semester - 1]} {Year(year)}");
    }

    /// <summary>A custom range, or the Indonesian localizer key of why it is not valid.</summary>
    public static (PeriodRange? Range, string? Error) Custom(DateOnly start, DateOnly end)
    {
        if (start.Year is < MinYear or > MaxYear || end.Year is < MinYear or > MaxYear) return (null, YearOutOfRange);
        if (end < start) return (null, EndBeforeStart);
        if (end.DayNumber - start.DayNumber + 1 > MaxCustomDays) return (null, TooLong);
        var from = start.Year == end.Year ? DayMonth(start) : $"{DayMonth(start)} {Year(start.Year)}";
        return (new(start, end, $"{from} – {DayMonth(end)} {Year(end.Year)}"), null);
    }

    public static bool IsValidYear(int year) => year is >= MinYear and <= MaxYear;

    private static string DayMonth(DateOnly d) => $"{d.Day.ToString(CultureInfo.InvariantCulture)} {Months[d.Month - 1]}";

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static void CheckYear(int year)
    {
        if (!IsValidYear(year)) throw new ArgumentOutOfRangeException(nameof(year));
    }
}
