using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Features.ShareVerification;

/// <summary>URL slugs, badges and history labels of the verification pages (labels are Indonesian localizer keys).</summary>
public static class ReportLabels
{
    public const string EntityType = nameof(ShareReport);
    public const string Verified = "ReportVerified";
    public const string Rejected = "ReportRejected";
    public const string Reversed = "ReportReversed";

    public static string AuditAction(ReportAction action) => action switch
    {
        ReportAction.Verify => Verified,
        ReportAction.Reject => Rejected,
        ReportAction.Reverse => Reversed,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The state as it sits in a URL (?status=ditolak).</summary>
    public static string StateSlug(ReportState state) => state switch
    {
        ReportState.Verified => "terverifikasi",
        ReportState.Rejected => "ditolak",
        _ => "menunggu",
    };

    public static ReportState? StateFromSlug(string? slug) =>
        Enum.GetValues<ReportState>().Cast<ReportState?>().FirstOrDefault(s => StateSlug(s!.Value) == slug);

    public static string StateBadge(ReportState state) => state switch
    {
        ReportState.Verified => "text-bg-success",
        ReportState.Rejected => "text-bg-danger",
        _ => "text-bg-warning",
    };

    /// <summary>A decision in the report's history; other report events keep their stored name.</summary>
    public static string History(string action) => action switch
    {
        Verified => I18n.Key("Diverifikasi"),
        Rejected => I18n.Key("Ditolak"),
        Reversed => I18n.Key("Keputusan dibalik"),
        _ => action,
    };
}
