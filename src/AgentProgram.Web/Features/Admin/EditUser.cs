using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Features.Shared.Conflicts;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Admin;

/// <summary>An account has no version column that only this form changes (a sign-in updates the row too), so the sealed
/// values the administrator started from (<see cref="ConflictGuardedForm.Snapshot"/>) are what a save is checked against.</summary>
public sealed class EditUserForm : ConflictGuardedForm
{
    [Required(ErrorMessage = "Nama tampilan wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama tampilan paling banyak 200 karakter.")]
    [Display(Name = "Nama tampilan")]
    public string DisplayName { get; set; } = "";

    [MinLength(1, ErrorMessage = "Pilih minimal satu peran.")]
    [Display(Name = "Peran")]
    public List<string> Roles { get; set; } = [];

    /// <summary>A Humas officer allowed to approve policy messages (never their own).</summary>
    public bool CanApproveMessages { get; set; }
}

public sealed record UserDetail(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsActive, DateTimeOffset? LockedOutUntil,
    bool MustChangePassword, bool TwoFactorEnabled, DateTime CreatedUtc, DateTime? LastSignInUtc, bool IsSelf);

/// <summary>The user's page: facts, the edit form (kept as typed after an error), and the account actions.</summary>
public sealed record UserDetailPage(UserDetail User, EditUserForm Form);

public enum UserOutcome { Done, Unchanged, NotFound, Refused, Conflict }

/// <summary>Shows one user and saves the administrator's changes to their name and roles.</summary>
public sealed class EditUserHandler(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, ConflictService conflicts, IStringLocalizer<SharedResource> l)
{
    /// <summary>Null when no user has this id. <paramref name="form"/> is the posted form to show again after an error.</summary>
    public async Task<UserDetailPage?> LoadAsync(string id, string? actorId, EditUserForm? form = null, CancellationToken ct = default)
    {
        var u = await db.Users.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Email, x.DisplayName, x.IsActive, x.LockoutEnd, x.MustChangePassword, x.TwoFactorEnabled, x.CreatedUtc, x.LastSignInUtc, x.CanApproveMessages })
            .SingleOrDefaultAsync(ct);
        if (u is null) return null;
        var names = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync(ct);
        var roles = Roles.All.Where(names.Contains).ToList();
        var lockedUntil = u.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : (DateTimeOffset?)null;
        var detail = new UserDetail(u.Id, u.Email ?? "", u.DisplayName, roles, u.IsActive, lockedUntil, u.MustChangePassword, u.TwoFactorEnabled,
            u.CreatedUtc, u.LastSignInUtc, IsSelf: u.Id == actorId);
        if (form is null)
        {
            form = new EditUserForm { DisplayName = u.DisplayName, Roles = [.. roles], CanApproveMessages = u.CanApproveMessages };
            conflicts.Start(form, UserConflictFields.Describe(form, l));
        }
        return new UserDetailPage(detail, form);
    }

    public async Task<(UserOutcome Outcome, IReadOnlyList<FieldError> Errors)> SaveAsync(string id, string actorId, EditUserForm form, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return (UserOutcome.NotFound, []);
        var wanted = form.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Any(r => !Roles.All.Contains(r)))
            return (UserOutcome.Refused, [new(nameof(form.Roles), l["Pilih peran dari daftar yang tersedia."])]);
        var current = (await users.GetRolesAsync(user)).ToList();
        // Another administrator changed this form's fields since the page was shown: show what changed, save nothing.
        // Without the values the page started from (missing or tampered) nobody can tell, so that is refused the same
        // way, with what is stored now; the page that comes back carries them, and saving it again goes through.
        var stored = new EditUserForm { DisplayName = user.DisplayName, Roles = [.. Roles.All.Where(current.Contains)], CanApproveMessages = user.CanApproveMessages };
        if (conflicts.ChangedSince(form.Snapshot, UserConflictFields.Describe(stored, l)))
        {
            conflicts.Resolve(form, stored, f => UserConflictFields.Describe(f, l));
            return (UserOutcome.Conflict, []);
        }
        if (user.Id == actorId && current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator))
            return (UserOutcome.Refused, [new(nameof(form.Roles), l["Anda tidak dapat mencabut peran Administrator dari akun Anda sendiri. Minta administrator lain melakukannya bila perlu."])]);

        var changes = new UserChanges()
            .Changed(nameof(AppUser.DisplayName), user.DisplayName, form.DisplayName.Trim())
            .Changed(UserChanges.RolesField, UserChanges.RoleList(current), UserChanges.RoleList(wanted))
            .Changed(nameof(AppUser.CanApproveMessages), user.CanApproveMessages, form.CanApproveMessages);
        if (changes.IsEmpty) return (UserOutcome.Unchanged, []);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (user.DisplayName != form.DisplayName.Trim() || user.CanApproveMessages != form.CanApproveMessages)
            {
                user.DisplayName = form.DisplayName.Trim();
                user.CanApproveMessages = form.CanApproveMessages;
                var updated = await users.UpdateAsync(user);
                if (!updated.Succeeded) return (UserOutcome.Refused, Errors(updated));
            }
            var removed = current.Except(wanted).ToList();
            if (removed.Count > 0 && await users.RemoveFromRolesAsync(user, removed) is { Succeeded: false } r) return (UserOutcome.Refused, Errors(r));
            var added = wanted.Except(current).ToList();
            if (added.Count > 0 && await users.AddToRolesAsync(user, added) is { Succeeded: false } a) return (UserOutcome.Refused, Errors(a));
            await audit.WriteAsync(AuditActions.Updated, detail: changes.ToJson(), entityType: nameof(AppUser), entityKey: user.Id, ct: ct);
            await tx.CommitAsync(ct);
            return (UserOutcome.Done, (IReadOnlyList<FieldError>)[]);
        });
    }

    private static List<FieldError> Errors(IdentityResult result) => result.Errors.Select(e => new FieldError("", e.Description)).ToList();
}

/// <summary>The account form's fields as a person reads them, for the "what changed" report.</summary>
internal static class UserConflictFields
{
    public static IReadOnlyList<ConflictField> Describe(EditUserForm f, IStringLocalizer l) =>
    [
        new(nameof(f.DisplayName), l["Nama tampilan"], string.IsNullOrWhiteSpace(f.DisplayName) ? null : f.DisplayName.Trim()),
        new(nameof(f.Roles), l["Peran"], string.Join(", ", Roles.All.Where(f.Roles.Contains).Select(r => l[Roles.Label(r)].Value))),
        new(nameof(f.CanApproveMessages), l["Boleh menyetujui pesan kebijakan"], f.CanApproveMessages ? l["Ya"].Value : l["Tidak"].Value),
    ];
}
