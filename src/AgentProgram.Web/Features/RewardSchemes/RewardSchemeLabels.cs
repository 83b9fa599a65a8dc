using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Features.RewardSchemes;

/// <summary>The Indonesian labels (localizer keys) of version states, engagement metrics and study kinds.</summary>
public static class RewardSchemeLabels
{
    public static string State(SchemeVersionState state) => state switch
    {
        SchemeVersionState.Draft => I18n.Key("Draf"),
        SchemeVersionState.Submitted => I18n.Key("Menunggu persetujuan"),
        SchemeVersionState.Approved => I18n.Key("Disetujui"),
        _ => state.ToString(),
    };

    public static string Metric(EngagementMetric metric) => metric switch
    {
        EngagementMetric.Views => I18n.Key("Tayangan"),
        EngagementMetric.Reach => I18n.Key("Jangkauan"),
        EngagementMetric.Likes => I18n.Key("Suka"),
        EngagementMetric.Comments => I18n.Key("Komentar"),
        EngagementMetric.Reposts => I18n.Key("Dibagikan ulang"),
        EngagementMetric.Saves => I18n.Key("Disimpan"),
        EngagementMetric.UniqueVisitors => I18n.Key("Pengunjung unik tautan"),
        EngagementMetric.PublicResponses => I18n.Key("Tanggapan publik"),
        _ => metric.ToString(),
    };

    public static string Study(StudyKind kind) => kind switch
    {
        StudyKind.TugasBelajar => I18n.Key("Tugas belajar"),
        StudyKind.IzinBelajar => I18n.Key("Izin belajar"),
        _ => kind.ToString(),
    };

    /// <summary>Where in the rules a <see cref="RuleProblem"/> sits, for the list on the version page.</summary>
    public static string Field(string path)
    {
        var head = path.Split('[')[0];
        return head switch
        {
            "PointsPerShare" => I18n.Key("Poin per bagikan terverifikasi"),
            "PlatformWeights" => I18n.Key("Bobot per platform"),
            "CapPerMessage" => I18n.Key("Batas bagikan dihitung per pesan"),
            "CapPerDay" => I18n.Key("Batas bagikan dihitung per hari"),
            "CapPerPeriod" => I18n.Key("Batas bagikan dihitung per periode"),
            "TimelyWithinHours" => I18n.Key("Tepat waktu bila dibagikan dalam (jam)"),
            "TimelyBonus" => I18n.Key("Bonus tepat waktu (poin)"),
            "RejectedDeduction" => I18n.Key("Pengurangan per laporan yang akhirnya ditolak (poin)"),
            "EngagementWeights" => I18n.Key("Keterlibatan"),
            "EngagementCapPerShare" => I18n.Key("Batas poin keterlibatan per bagikan"),
            "EvidenceFactors" => I18n.Key("Bobot sumber angka (%)"),
            "ParticipationWeightPercent" => I18n.Key("Bobot partisipasi dalam skor (%)"),
            _ when head.StartsWith("Recognition", StringComparison.Ordinal) => I18n.Key("Piagam Penghargaan"),
            _ when head.StartsWith("Incentive", StringComparison.Ordinal) => I18n.Key("Insentif uang"),
            _ when head.StartsWith("Promotion", StringComparison.Ordinal) => I18n.Key("Kenaikan pangkat (PNS)"),
            _ when head.StartsWith("Study", StringComparison.Ordinal) => I18n.Key("Tugas belajar atau izin belajar (PNS)"),
            _ when head.StartsWith("Development", StringComparison.Ordinal) => I18n.Key("Pengembangan kompetensi (PPPK)"),
            _ => path,
        };
    }
}
