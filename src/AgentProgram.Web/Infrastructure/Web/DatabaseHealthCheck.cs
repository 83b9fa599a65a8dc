using AgentProgram.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentProgram.Web.Infrastructure.Web;

/// <summary>Ready means the database answers; the load balancer takes an instance out otherwise.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
