using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Features.Agents;

/// <summary>
/// Reasons the system itself writes into <see cref="Agent.StatusReason"/>. They are localizer keys,
/// so a view shows them in the reader's language; a reason typed by HR is shown as typed.
/// </summary>
public static class AgentStatusReasons
{
    /// <summary>
    /// The one reason a suspension may be lifted by the agent: giving consent again reactivates only an
    /// enrolment suspended with exactly this reason, never one suspended by HR.
    /// </summary>
    public const string ConsentWithdrawn = "Agen menarik persetujuan pemrosesan data pribadi.";

    public const string ConsentRenewed = "Agen memberikan kembali persetujuan pemrosesan data pribadi.";
}

/// <summary>Whether the agent has accepted the code of conduct and data consent, as HR filters it.</summary>
public enum ConsentState
{
    Complete,
    Missing,
    Withdrawn,
}

/// <summary>Labels and URL slugs for the agent enums (Indonesian keys; English in Resources/Agents.en.json).</summary>
public static class AgentLabels
{
    public static string Status(AgentStatus status) => status switch
    {
        AgentStatus.Active => I18n.Key("Aktif"),
        AgentStatus.Suspended => I18n.Key("Ditangguhkan"),
        AgentStatus.Ended => I18n.Key("Berakhir"),
        _ => status.ToString(),
    };

    public static string StatusBadge(AgentStatus status) => status switch
    {
        AgentStatus.Active => "text-bg-success",
        AgentStatus.Suspended => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    /// <summary>The status as it sits in a URL (?status=ditangguhkan).</summary>
    public static string StatusSlug(AgentStatus status) => status switch
    {
        AgentStatus.Active => "aktif",
        AgentStatus.Suspended => "ditangguhkan",
        _ => "berakhir",
    };

    public static AgentStatus? StatusFromSlug(string? slug) =>
        Enum.GetValues<AgentStatus>().Cast<AgentStatus?>().FirstOrDefault(s => StatusSlug(s!.Value) == slug);

    public static string Consent(ConsentState state) => state switch
    {
        ConsentState.Complete => I18n.Key("Sudah disetujui"),
        ConsentState.Missing => I18n.Key("Belum disetujui"),
        _ => I18n.Key("Ditarik"),
    };

    public static string ConsentBadge(ConsentState state) => state switch
    {
        ConsentState.Complete => "text-bg-success",
        ConsentState.Missing => "text-bg-light border",
        _ => "text-bg-danger",
    };

    public static string ConsentSlug(ConsentState state) => state switch
    {
        ConsentState.Complete => "lengkap",
        ConsentState.Missing => "belum",
        _ => "ditarik",
    };

    public static ConsentState? ConsentFromSlug(string? slug) =>
        Enum.GetValues<ConsentState>().Cast<ConsentState?>().FirstOrDefault(s => ConsentSlug(s!.Value) == slug);

    public static ConsentState ConsentOf(DateTime? codeAccepted, DateTime? dataConsent, DateTime? withdrawn) =>
        withdrawn is not null ? ConsentState.Withdrawn
        : codeAccepted is not null && dataConsent is not null ? ConsentState.Complete
        : ConsentState.Missing;

    public static string Verification(VerificationState state) => state switch
    {
        VerificationState.Pending => I18n.Key("Menunggu"),
        VerificationState.Verified => I18n.Key("Terverifikasi"),
        _ => I18n.Key("Ditolak"),
    };

    public static string VerificationBadge(VerificationState state) => state switch
    {
        VerificationState.Pending => "text-bg-warning",
        VerificationState.Verified => "text-bg-success",
        _ => "text-bg-danger",
    };

    public static string Kind(AccountKind kind) => kind switch
    {
        AccountKind.Personal => I18n.Key("Pribadi"),
        _ => I18n.Key("Profesional (bisnis atau kreator)"),
    };

    /// <summary>Brand names are not translated.</summary>
    public static string Platform(Platform platform) => platform.ToString();
}
