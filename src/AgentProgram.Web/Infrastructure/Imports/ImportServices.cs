using Microsoft.Extensions.DependencyInjection.Extensions;

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
