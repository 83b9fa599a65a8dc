namespace AgentProgram.Web.Infrastructure.Localization;

/// <summary>Marks a literal as a UI text that is translated later (looked up by a view), so the translation test finds it.</summary>
public static class I18n
{
    public static string Key(string indonesian) => indonesian;
}
