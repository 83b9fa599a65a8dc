using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.Extensions.DependencyInjection.Extensions;

[assembly: HostingStartup(typeof(ImportsHostingStartup))]

namespace AgentProgram.Web.Infrastructure.Imports;

public static class ImportServices
{
    /// <summary>The import engine (scoped), its background worker and its settings. Safe to call more than once.</summary>
    public static IServiceCollection AddAppImports(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
        services.TryAddScoped<EmployeeImporter>();
        services.TryAddScoped<UnitImporter>();
        services.TryAddScoped<ImportRunner>();
        services.TryAddSingleton<ImportSignal>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}

/// <summary>
/// Registers <see cref="ImportServices.AddAppImports"/> for the web host without touching Program.cs:
/// ASP.NET runs the hosting startups of the application's own assembly. (If Program.cs calls
/// AddAppImports itself, this attribute can go; the registration is idempotent either way.)
/// </summary>
public sealed class ImportsHostingStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(s => s.AddAppImports());
}
