using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace AgentProgram.Web.Infrastructure.Security;

/// <summary>Writes every refused request of a signed-in user to the audit trail, then answers as usual.</summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var audit = context.RequestServices.GetRequiredService<AuditLog>();
            await audit.WriteAsync(AuditActions.AccessDenied, detail: $"{context.Request.Method} {context.Request.Path}");
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
