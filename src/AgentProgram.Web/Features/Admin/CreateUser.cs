using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Admin;

public sealed class CreateUserForm
{
    [Required(ErrorMessage = "Email wajib diisi.")]
    [EmailAddress(ErrorMessage = "Alamat email tidak valid.")]
    [StringLength(256, ErrorMessage = "Email paling banyak 256 karakter.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Nama tampilan wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama tampilan paling banyak 200 karakter.")]
    [Display(Name = "Nama tampilan")]
    public string DisplayName { get; set; } = "";

    [MinLength(1, ErrorMessage = "Pilih minimal satu peran.")]
    [Display(Name = "Peran")]
    public List<string> Roles { get; set; } = [];
}

/// <summary>
/// Creates an account with a one-time temporary password that the new user must change at
/// first sign-in. Account, roles and audit entry are saved together or not at all.
/// </summary>
public sealed class CreateUserHandler(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<(TemporaryPasswordPage? Created, IReadOnlyList<FieldError> Errors)> HandleAsync(CreateUserForm form, CancellationToken ct = default)
    {
        var email = form.Email.Trim();
        var roles = form.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (roles.Any(r => !Roles.All.Contains(r)))
            return (null, [new(nameof(form.Roles), l["Pilih peran dari daftar yang tersedia."])]);
        if (await users.FindByEmailAsync(email) is not null)
            return (null, [new(nameof(form.Email), l["Email {0} sudah dipakai akun lain.", email])]);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = form.DisplayName.Trim(),
                MustChangePassword = true,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            var password = await TemporaryPassword.GenerateValidAsync(users, user);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return (null, Errors(created));
            var added = await users.AddToRolesAsync(user, roles);
            if (!added.Succeeded) return (null, Errors(added));

            var changes = new UserChanges()
                .Set(nameof(AppUser.Email), user.Email)
                .Set(nameof(AppUser.DisplayName), user.DisplayName)
                .Set(UserChanges.RolesField, UserChanges.RoleList(roles))
                .Set(nameof(AppUser.MustChangePassword), true);
            await audit.WriteAsync(AuditActions.Created, detail: changes.ToJson(), entityType: nameof(AppUser), entityKey: user.Id, ct: ct);
            await tx.CommitAsync(ct);
            return ((TemporaryPasswordPage?)new TemporaryPasswordPage(user.Id, email, user.DisplayName, password, NewAccount: true), (IReadOnlyList<FieldError>)[]);
        });
    }

    private static List<FieldError> Errors(IdentityResult result) =>
        result.Errors.Select(e => new FieldError(
            e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)
                ? nameof(CreateUserForm.Email) : "",
            e.Description)).ToList();
}
