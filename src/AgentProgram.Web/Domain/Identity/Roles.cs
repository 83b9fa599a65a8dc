using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Domain.Identity;

/// <summary>Role names are stored in the database and used in policies: never rename one without a migration.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Kepegawaian = "Kepegawaian";
    public const string Humas = "Humas";
    public const string Pimpinan = "Pimpinan";
    public const string Agen = "Agen";

    public static readonly IReadOnlyList<string> All = [Administrator, Kepegawaian, Humas, Pimpinan, Agen];

    /// <summary>Roles that act on other people's data; they must use a second factor when configured.</summary>
    public static readonly IReadOnlyList<string> Staff = [Administrator, Kepegawaian, Humas, Pimpinan];

    /// <summary>The label shown in the UI (Indonesian key; translated by the localizer).</summary>
    public static string Label(string role) => role switch
    {
        Administrator => I18n.Key("Administrator"),
        Kepegawaian => I18n.Key("Kepegawaian"),
        Humas => I18n.Key("Humas"),
        Pimpinan => I18n.Key("Pimpinan"),
        Agen => I18n.Key("Agen Komunikasi"),
        _ => role,
    };
}
