using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Features.RewardPeriods;

/// <summary>URL slugs, badges, outcome labels and audit action names of the reward period pages (labels are Indonesian localizer keys).</summary>
public static class PeriodLabels
{
    public const string BasePath = "/periode-penghargaan";
    public const string EntityType = nameof(RewardPeriod);

    public const string Created = "RewardPeriod.Created";
    public const string Calculated = "RewardPeriod.Calculated";
    public const string Approved = "RewardPeriod.Approved";
    public const string Closed = "RewardPeriod.Closed";
    public const string Reopened = "RewardPeriod.Reopened";
    public const string NotesEdited = "RewardPeriod.NotesEdited";

    public static string AuditAction(PeriodAction action) => action switch
    {
        PeriodAction.Calculate => Calculated,
        PeriodAction.Approve => Approved,
        PeriodAction.Close => Closed,
        PeriodAction.Reopen => Reopened,
        PeriodAction.EditNotes => NotesEdited,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static string StateSlug(PeriodState state) => state switch
    {
        PeriodState.Open => "terbuka",
        PeriodState.Calculated => "dihitung",
        PeriodState.Approved => "disetujui",
        PeriodState.Closed => "ditutup",
        _ => state.ToString(),
    };

    public static PeriodState? StateFromSlug(string? slug) =>
        Enum.GetValues<PeriodState>().Cast<PeriodState?>().FirstOrDefault(s => StateSlug(s!.Value) == slug);

    public static string StateBadge(PeriodState state) => state switch
    {
        PeriodState.Open => "text-bg-secondary",
        PeriodState.Calculated => "text-bg-info",
        PeriodState.Approved => "text-bg-success",
        _ => "text-bg-dark",
    };

    /// <summary>The single outcomes a result can be filtered by, in the order they are shown.</summary>
    public static readonly IReadOnlyList<RewardOutcomes> OutcomeKinds =
    [
        RewardOutcomes.Recognition, RewardOutcomes.Incentive, RewardOutcomes.PromotionRecommendation,
        RewardOutcomes.StudyRecommendation, RewardOutcomes.DevelopmentRecommendation,
    ];

    public static string OutcomeSlug(RewardOutcomes outcome) => outcome switch
    {
        RewardOutcomes.Recognition => "penghargaan",
        RewardOutcomes.Incentive => "insentif",
        RewardOutcomes.PromotionRecommendation => "promosi",
        RewardOutcomes.StudyRecommendation => "studi",
        RewardOutcomes.DevelopmentRecommendation => "pengembangan",
        _ => "",
    };

    public static RewardOutcomes? OutcomeFromSlug(string? slug) =>
        OutcomeKinds.Cast<RewardOutcomes?>().FirstOrDefault(o => OutcomeSlug(o!.Value) == slug);

    /// <summary>
    /// An outcome's label. Recommendations are for the authorised body to consider, never decisions, so they read
    /// "Direkomendasikan untuk dipertimbangkan: …"; the study one names tugas belajar or izin belajar as the
    /// run's scheme version says (<paramref name="study"/>).
    /// </summary>
    public static string Outcome(RewardOutcomes outcome, StudyKind study) => outcome switch
    {
        RewardOutcomes.Recognition => I18n.Key("Penghargaan"),
        RewardOutcomes.Incentive => I18n.Key("Insentif"),
        RewardOutcomes.PromotionRecommendation => I18n.Key("Direkomendasikan untuk dipertimbangkan: kenaikan pangkat/jabatan"),
        RewardOutcomes.StudyRecommendation => study == StudyKind.TugasBelajar
            ? I18n.Key("Direkomendasikan untuk dipertimbangkan: tugas belajar")
            : I18n.Key("Direkomendasikan untuk dipertimbangkan: izin belajar"),
        RewardOutcomes.DevelopmentRecommendation => I18n.Key("Direkomendasikan untuk dipertimbangkan: pengembangan kompetensi"),
        _ => outcome.ToString(),
    };

    /// <summary>The outcomes in a result's bit set, in display order.</summary>
    public static IEnumerable<RewardOutcomes> Outcomes(RewardOutcomes set) => OutcomeKinds.Where(o => (set & o) == o);

    /// <summary>Employment groups of the results filter: PNS (with CPNS) and PPPK (with part-time PPPK).</summary>
    public const string PnsGroup = "pns";
    public const string PppkGroup = "pppk";

    /// <summary>How the action's success is announced (Indonesian localizer key).</summary>
    public static string Done(PeriodAction action) => action switch
    {
        PeriodAction.Calculate => I18n.Key("Perhitungan selesai. Hasil di bawah ini adalah hasil terbaru."),
        PeriodAction.Approve => I18n.Key("Periode disetujui. Hasil dan versi skema kini dibekukan."),
        PeriodAction.Close => I18n.Key("Periode ditutup."),
        PeriodAction.Reopen => I18n.Key("Periode dibuka kembali. Hasil yang disetujui sebelumnya tetap tersimpan dalam riwayat perhitungan."),
        PeriodAction.EditNotes => I18n.Key("Catatan interpretasi disimpan."),
        _ => "",
    };
}
