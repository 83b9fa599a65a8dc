using System.Globalization;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Cli;
using AgentProgram.Web.Infrastructure.Hosting;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>
/// <c>dotnet run --project src/AgentProgram.Web -- import-employees &lt;file&gt; [--units &lt;file&gt;]</c>:
/// the browser's import engine, run now, in this process. The unit file goes first, so employees
/// attach to the units it creates. Prints <c>imported N, updated N, unchanged N, warned N, rejected N</c>
/// for the employee file (the unit file's counts go to stderr); an unreadable or unusable file ends
/// with exit code 1 and the reason.
/// </summary>
public static class ImportVerb
{
    public const string Name = "import-employees";

    public static async Task<string> RunAsync(IServiceProvider services, CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        var employees = args.Positional.FirstOrDefault()
            ?? throw new CliException($"usage: {Name} <employee file.csv|.xlsx> [--units <unit file.csv|.xlsx>]");
        var unitsFile = args.Optional("--units");

        await DatabaseInitializer.MigrateAsync(services);
        var runner = services.GetRequiredService<ImportRunner>();
        try
        {
            if (unitsFile is not null)
            {
                var (_, units) = await runner.RunFileAsync(unitsFile, ImportKind.Units);
                await Console.Error.WriteLineAsync($"units: imported {units.New}, updated {units.Updated}, unchanged {units.Unchanged}, rejected {units.Rejected}");
            }
            var (_, counts) = await runner.RunFileAsync(employees, ImportKind.Employees);
            return counts.ToCliLine();
        }
        catch (ImportFileException e)
        {
            throw new CliException(English(e));
        }
    }

    /// <summary>Operator output is English, like the other verbs.</summary>
    private static string English(ImportFileException e)
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            return JsonStringLocalizerFactory.Shared[e.Format, e.Args].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
