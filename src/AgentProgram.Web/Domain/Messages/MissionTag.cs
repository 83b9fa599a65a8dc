namespace AgentProgram.Web.Domain.Messages;

/// <summary>
/// Mergel (2013): each message carries exactly one mission tag, and the tag selects the KPIs the
/// message is judged by (DOMAIN.md §10). Stored by name.
/// </summary>
public enum MissionTag
{
    /// <summary>Inform: push.</summary>
    Transparansi,

    /// <summary>Call to act: pull.</summary>
    Partisipasi,

    /// <summary>Co-create: networking.</summary>
    Kolaborasi,
}

public enum MissionTactic
{
    Push,
    Pull,
    Networking,
}

/// <summary>The metrics a mission tag emphasises. Stored by name: never rename.</summary>
public enum MissionKpi
{
    AgentsSharing,
    Views,
    Reach,
    ClicksToOfficialPage,
    Comments,
    Reposts,
    Saves,
    FormSignUps,
    QuestionsRouted,
    HashtagPostsByOthers,
    PartnerReposts,
    Ideas,
    Attendance,
}

/// <summary>The §10 table as data: tactic and KPIs per tag, plus Indonesian labels (localizer keys).</summary>
public static class MissionTags
{
    public const string TagTransparansi = "Transparansi (menginformasikan)";
    public const string TagPartisipasi = "Partisipasi (mengajak bertindak)";
    public const string TagKolaborasi = "Kolaborasi (berkarya bersama)";

    public const string KpiAgentsSharing = "Agen yang membagikan";
    public const string KpiViews = "Tayangan";
    public const string KpiReach = "Jangkauan";
    public const string KpiClicksToOfficialPage = "Klik ke laman resmi";
    public const string KpiComments = "Komentar";
    public const string KpiReposts = "Repost";
    public const string KpiSaves = "Disimpan";
    public const string KpiFormSignUps = "Pendaftaran formulir lewat tautan terlacak";
    public const string KpiQuestionsRouted = "Pertanyaan yang dirujuk ke kanal resmi";
    public const string KpiHashtagPostsByOthers = "Unggahan tagar oleh pihak lain";
    public const string KpiPartnerReposts = "Repost oleh mitra";
    public const string KpiIdeas = "Gagasan yang masuk";
    public const string KpiAttendance = "Kehadiran";

    private static readonly IReadOnlyList<MissionKpi> TransparansiKpis =
        [MissionKpi.AgentsSharing, MissionKpi.Views, MissionKpi.Reach, MissionKpi.ClicksToOfficialPage];

    private static readonly IReadOnlyList<MissionKpi> PartisipasiKpis =
        [MissionKpi.Comments, MissionKpi.Reposts, MissionKpi.Saves, MissionKpi.FormSignUps, MissionKpi.QuestionsRouted];

    private static readonly IReadOnlyList<MissionKpi> KolaborasiKpis =
        [MissionKpi.HashtagPostsByOthers, MissionKpi.PartnerReposts, MissionKpi.Ideas, MissionKpi.Attendance];

    /// <summary>The KPIs the tag emphasises, in the order of the §10 table.</summary>
    public static IReadOnlyList<MissionKpi> Kpis(this MissionTag tag) => tag switch
    {
        MissionTag.Transparansi => TransparansiKpis,
        MissionTag.Partisipasi => PartisipasiKpis,
        MissionTag.Kolaborasi => KolaborasiKpis,
        _ => throw new ArgumentOutOfRangeException(nameof(tag), tag, null),
    };

    public static bool Emphasises(this MissionTag tag, MissionKpi kpi) => tag.Kpis().Contains(kpi);

    public static MissionTactic Tactic(this MissionTag tag) => tag switch
    {
        MissionTag.Transparansi => MissionTactic.Push,
        MissionTag.Partisipasi => MissionTactic.Pull,
        MissionTag.Kolaborasi => MissionTactic.Networking,
        _ => throw new ArgumentOutOfRangeException(nameof(tag), tag, null),
    };

    public static string Label(this MissionTag tag) => tag switch
    {
        MissionTag.Transparansi => TagTransparansi,
        MissionTag.Partisipasi => TagPartisipasi,
        MissionTag.Kolaborasi => TagKolaborasi,
        _ => throw new ArgumentOutOfRangeException(nameof(tag), tag, null),
    };

    public static string Label(this MissionKpi kpi) => kpi switch
    {
        MissionKpi.AgentsSharing => KpiAgentsSharing,
        MissionKpi.Views => KpiViews,
        MissionKpi.Reach => KpiReach,
        MissionKpi.ClicksToOfficialPage => KpiClicksToOfficialPage,
        MissionKpi.Comments => KpiComments,
        MissionKpi.Reposts => KpiReposts,
        MissionKpi.Saves => KpiSaves,
        MissionKpi.FormSignUps => KpiFormSignUps,
        MissionKpi.QuestionsRouted => KpiQuestionsRouted,
        MissionKpi.HashtagPostsByOthers => KpiHashtagPostsByOthers,
        MissionKpi.PartnerReposts => KpiPartnerReposts,
        MissionKpi.Ideas => KpiIdeas,
        MissionKpi.Attendance => KpiAttendance,
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, null),
    };
}
