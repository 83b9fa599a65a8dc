using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Admin;

/// <summary>
/// Issues a new temporary password (shown once), requires a change at next sign-in, lifts a
/// lockout, and renews the security stamp so sessions opened with the old password end.
/// </summary>
public sealed class ResetPasswordHandler(AppDbContext db, UserManager<AppUser> users, AuditLog audit)
{
    public async Task<(UserOutcome Outcome, TemporaryPasswordPage? Page)> HandleAsync(string id, string actorId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return (UserOutcome.NotFound, null);
        // Administrators change their own password like everyone else, knowing the current one.
        if (user.Id == actorId) return (UserOutcome.Refused, null);

        var password = await TemporaryPassword.GenerateValidAsync(users, user);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var changes = new UserChanges()
                .Changed(nameof(AppUser.MustChangePassword), user.MustChangePassword, true)
                .Changed(nameof(AppUser.AccessFailedCount), user.AccessFailedCount, 0)
                .Changed(nameof(AppUser.LockoutEnd), user.LockoutEnd?.UtcDateTime, null);
            user.MustChangePassword = true;
            user.AccessFailedCount = 0;
            user.LockoutEnd = null;
            // Both calls renew the security stamp; AddPasswordAsync checks the password policy again.
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password));
            await audit.WriteAsync(AuditActions.PasswordReset, detail: changes.ToJson(), entityType: nameof(AppUser), entityKey: user.Id, ct: ct);
            await tx.CommitAsync(ct);
            return (UserOutcome.Done, (TemporaryPasswordPage?)new TemporaryPasswordPage(user.Id, user.Email ?? "", user.DisplayName, password, NewAccount: false));
        });
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
