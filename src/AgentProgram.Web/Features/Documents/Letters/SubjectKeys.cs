using System.Globalization;

namespace AgentProgram.Web.Features.Documents.Letters;

/// <summary>
/// Stable keys of what a document is about, for one finalised document per subject. The document kind is part of
/// the key, so an agent's recommendation letter and certificate of the same period never collide.
/// </summary>
public static class SubjectKeys
{
    public static string Appendix(int periodId) => Key("appendix", periodId);
    public static string NotaDinas(int periodId) => Key("nota-dinas", periodId);
    public static string Decree(int periodId) => Key("decree", periodId);
    public static string Recommendation(int periodId, int agentId) => Key("recommendation", periodId, agentId);
    public static string Certificate(int periodId, int agentId) => Key("certificate", periodId, agentId);

    private static string Key(string kind, int periodId) => string.Create(CultureInfo.InvariantCulture, $"{kind}:period:{periodId}");

    private static string Key(string kind, int periodId, int agentId) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:period:{periodId}:agent:{agentId}");
}
