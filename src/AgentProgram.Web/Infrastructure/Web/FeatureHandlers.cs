namespace AgentProgram.Web.Infrastructure.Web;

public static class FeatureHandlers
{
    /// <summary>
    /// Every use-case handler (a class in Features/ named *Handler) is a scoped service, and so is every
    /// *Service there (logic that several handlers share, such as the report flags).
    /// </summary>
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        var handlers = typeof(FeatureHandlers).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && (t.Name.EndsWith("Handler", StringComparison.Ordinal) || t.Name.EndsWith("Service", StringComparison.Ordinal))
                        && t.Namespace?.StartsWith("AgentProgram.Web.Features", StringComparison.Ordinal) == true);
        foreach (var t in handlers) services.AddScoped(t);
        return services;
    }
}
