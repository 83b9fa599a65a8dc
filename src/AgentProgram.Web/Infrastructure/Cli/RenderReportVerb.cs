using System.Globalization;
using System.Text;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Features.Documents;
using AgentProgram.Web.Infrastructure.Hosting;

namespace AgentProgram.Web.Infrastructure.Cli;

/// <summary>
/// <c>render-report &lt;kind&gt; --period &lt;id|name&gt; [--agent &lt;id&gt;] [--message &lt;id&gt;] --out &lt;file.pdf&gt;</c>:
/// writes a document with the same catalog as the pages. Kinds: summary, appendix, recommendations (every letter of
/// the period in one file), memo (the nota dinas), certificates, decree, agent (with --agent), message (with
/// --message, no period). Writes what the download button gives (<see cref="DocumentPagesHandler.FileAsync"/>): a
/// finalised document as stored, anything else drawn now, finalised letters of a batch with their own number and
/// code, the rest as drafts (KONSEP). Prints <c>pages N, bytes N</c>.
/// </summary>
public static class RenderReportVerb
{
    public const string Name = "render-report";

    private static readonly Dictionary<string, DocumentKind> Kinds = new(StringComparer.Ordinal)
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

    public static async Task<string> RunAsync(IServiceProvider services, CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        var usage = $"usage: {Name} <{string.Join('|', Kinds.Keys)}> --period <id|name> [--agent <id>] [--message <id>] --out <file.pdf>";
        if (args.Positional.FirstOrDefault() is not { } kindName || !Kinds.TryGetValue(kindName, out var kind)) throw new CliException(usage);
        var output = args.Optional("--out") ?? throw new CliException(usage);

        await DatabaseInitializer.MigrateAsync(services);
        var db = services.GetRequiredService<AppDbContext>();
        int? periodId = null, agentId = null, messageId = null;
        if (kind == DocumentKind.MessageReport)
        {
            messageId = Id(args.Optional("--message") ?? throw new CliException("the message report needs --message <id>."));
        }
        else
        {
            var key = args.Optional("--period") ?? throw new CliException(usage);
            periodId = (await RewardsVerb.FindAsync(db, key) ?? throw new CliException($"no reward period with id or name '{key}'.")).Id;
        }
        if (kind == DocumentKind.AgentStatement) agentId = Id(args.Optional("--agent") ?? throw new CliException("the agent statement needs --agent <id>."));

        // The same file a download gives: stored bytes when finalised, else drawn now (a batch with each letter's own stamp).
        var baseUrl = services.GetRequiredService<IConfiguration>()["App:PublicBaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5000";
        var file = await services.GetRequiredService<DocumentPagesHandler>().FileAsync(new DocumentSubject(kind, periodId, agentId, messageId), baseUrl)
            ?? throw new CliException("nothing to render: the subject does not exist or has no data yet (no calculated run, no recommendations).");
        await File.WriteAllBytesAsync(output, file.Bytes);
        return string.Create(CultureInfo.InvariantCulture, $"pages {CountPages(file.Bytes)}, bytes {file.Bytes.Length}");
    }

    /// <summary>Pages of a PDF written by Skia: its page objects are "/Type /Page" (the tree is "/Type /Pages").</summary>
    internal static int CountPages(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var count = 0;
        for (var i = text.IndexOf("/Type /Page", StringComparison.Ordinal); i >= 0; i = text.IndexOf("/Type /Page", i + 1, StringComparison.Ordinal))
        {
            var next = i + "/Type /Page".Length;
            if (next >= text.Length || text[next] != 's') count++;
        }
        return count;
    }

    private static int Id(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new CliException($"'{value}' is not an id.");
}
