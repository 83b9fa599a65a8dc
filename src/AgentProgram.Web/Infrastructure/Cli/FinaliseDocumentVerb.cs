using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Features.Documents;
using AgentProgram.Web.Infrastructure.Hosting;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Infrastructure.Cli;

/// <summary>
/// <c>finalise-document &lt;kind&gt; (--period &lt;id|name&gt; [--agent &lt;id&gt;] | --message &lt;id&gt;) [--base-url &lt;https://…&gt;] [--signature electronic|wet]</c>:
/// finalises a document as the "Finalkan" button does (<see cref="DocumentPagesHandler.FinaliseAsync"/>: the next number,
/// a verification code, the PDF stored once; letters and certificates without --agent: every one of the period). The
/// verification address printed in the PDF starts with --base-url, else App:PublicBaseUrl; one of them is required.
/// --signature electronic marks the document as signed electronically (default: a wet-ink signature).
/// Prints <c>finalised N, already finalised N, number X</c>; a refusal (results not approved…) ends with exit code 1.
/// </summary>
public static class FinaliseDocumentVerb
{
    public const string Name = "finalise-document";

    public static async Task<string> RunAsync(IServiceProvider services, CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        var usage = $"usage: {Name} <{DocumentVerbArgs.KindList}> (--period <id|name> [--agent <id>] | --message <id>) [--base-url <https://...>] [--signature electronic|wet]";
        var kind = DocumentVerbArgs.Kind(args, usage);
        var baseUrl = args.Optional("--base-url") ?? services.GetRequiredService<IConfiguration>()["App:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl) || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            throw new CliException("the verification address needs --base-url <https://...> or App:PublicBaseUrl.");
        var electronic = args.Optional("--signature") switch
        {
            null or "wet" => false,
            "electronic" => true,
            _ => throw new CliException(usage),
        };

        await DatabaseInitializer.MigrateAsync(services);
        var db = services.GetRequiredService<AppDbContext>();
        var subject = await DocumentVerbArgs.SubjectAsync(db, kind, args, usage, agentNarrows: true);

        var outcome = await services.GetRequiredService<DocumentPagesHandler>()
            .FinaliseAsync(subject, electronic, baseUrl.TrimEnd('/'), userId: null);
        if (!outcome.Found) throw new CliException("nothing to finalise: the subject does not exist or has no data yet.");
        if (outcome.Refusal is { } refusal) throw new CliException(English(refusal));
        return string.Create(CultureInfo.InvariantCulture, $"finalised {outcome.Finalised}, already finalised {outcome.AlreadyFinalised}, number {outcome.Number}");
    }

    /// <summary>Operator output is English, like the other verbs.</summary>
    private static string English(string key)
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            return JsonStringLocalizerFactory.Shared[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
