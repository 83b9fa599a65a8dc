using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Admin;

public sealed class ReasonForm
{
    [Required(ErrorMessage = "Alasan wajib diisi.")]
    [StringLength(500, ErrorMessage = "Alasan paling banyak 500 karakter.")]
    [Display(Name = "Alasan")]
    public string Reason { get; set; } = "";
}

/// <summary>
/// Deactivates or reactivates an account. Deactivation also renews the security stamp, so the
/// person's open sessions end at the next revalidation (at most five minutes). The reason is
/// kept in the audit entry.
/// </summary>
public sealed class SetUserActiveHandler(AppDbContext db, UserManager<AppUser> users, AuditLog audit)
{
    public async Task<UserOutcome> HandleAsync(string id, string actorId, bool active, ReasonForm form, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return UserOutcome.NotFound;
        if (!active && user.Id == actorId) return UserOutcome.Refused;
        if (user.IsActive == active) return UserOutcome.Unchanged;

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            user.IsActive = active;
            var saved = active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user);
            if (!saved.Succeeded) throw new InvalidOperationException(string.Join(" ", saved.Errors.Select(e => e.Description)));
            var changes = new UserChanges().Changed(nameof(AppUser.IsActive), !active, active).Set(UserChanges.ReasonField, form.Reason.Trim());
            await audit.WriteAsync(AuditActions.Updated, detail: changes.ToJson(), entityType: nameof(AppUser), entityKey: user.Id, ct: ct);
            await tx.CommitAsync(ct);
            return UserOutcome.Done;
        });
    }
}
