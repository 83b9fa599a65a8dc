using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Features.Documents;

namespace AgentProgram.Web.Infrastructure.Cli;

/// <summary>The document kinds and subjects as render-report and finalise-document read them from the command line.</summary>
internal static class DocumentVerbArgs
{
    public static readonly IReadOnlyDictionary<string, DocumentKind> Kinds = new Dictionary<string, DocumentKind>(StringComparer.Ordinal)
    {
        ["summary"] = DocumentKind.Summary,
        ["appendix"] = DocumentKind.Appendix,
        ["recommendations"] = DocumentKind.RecommendationLetter,
        ["memo"] = DocumentKind.RecommendationMemo,
        ["certificates"] = DocumentKind.Certificate,
        ["decree"] = DocumentKind.Decree,
        ["agent"] = DocumentKind.AgentStatement,
        ["message"] = DocumentKind.MessageReport,
    };

    public static string KindList => string.Join('|', Kinds.Keys);

    public static DocumentKind Kind(CliArgs args, string usage) =>
        args.Positional.FirstOrDefault() is { } name && Kinds.TryGetValue(name, out var kind) ? kind : throw new CliException(usage);

    /// <summary>
    /// The message report takes --message; every other kind --period (id or exact name), the agent statement also
    /// --agent. With <paramref name="agentNarrows"/> an --agent narrows any period kind to one agent (one letter).
    /// </summary>
    public static async Task<DocumentSubject> SubjectAsync(AppDbContext db, DocumentKind kind, CliArgs args, string usage, bool agentNarrows)
    {
        if (kind == DocumentKind.MessageReport)
            return new DocumentSubject(kind, MessageId: Id(args.Optional("--message") ?? throw new CliException("the message report needs --message <id>.")));
        var key = args.Optional("--period") ?? throw new CliException(usage);
        var periodId = (await RewardsVerb.FindAsync(db, key) ?? throw new CliException($"no reward period with id or name '{key}'.")).Id;
        int? agentId = kind == DocumentKind.AgentStatement || agentNarrows ? args.Optional("--agent") is { } agent ? Id(agent) : null : null;
        if (kind == DocumentKind.AgentStatement && agentId is null) throw new CliException("the agent statement needs --agent <id>.");
        return new DocumentSubject(kind, periodId, agentId);
    }

    private static int Id(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new CliException($"'{value}' is not an id.");
}
