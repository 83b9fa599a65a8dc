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

    public static async Task<string> RunAsync(IServiceProvider services, CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        var usage = $"usage: {Name} <{DocumentVerbArgs.KindList}> --period <id|name> [--agent <id>] [--message <id>] --out <file.pdf>";
        var kind = DocumentVerbArgs.Kind(args, usage);
        var output = args.Optional("--out") ?? throw new CliException(usage);

        await DatabaseInitializer.MigrateAsync(services);
        var db = services.GetRequiredService<AppDbContext>();
        var subject = await DocumentVerbArgs.SubjectAsync(db, kind, args, usage, agentNarrows: false);

        // The same file a download gives: stored bytes when finalised, else drawn now (a batch with each letter's own stamp).
        var baseUrl = services.GetRequiredService<IConfiguration>()["App:PublicBaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5000";
        var file = await services.GetRequiredService<DocumentPagesHandler>().FileAsync(subject, baseUrl)
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
}
