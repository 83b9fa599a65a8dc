using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardSchemes;

public sealed class CreateSchemeForm
{
    [Required(ErrorMessage = "Nama skema wajib diisi.")]
    [StringLength(150, ErrorMessage = "Nama skema paling banyak 150 karakter.")]
    public string Name { get; set; } = "";

    [StringLength(1000, ErrorMessage = "Keterangan paling banyak 1.000 karakter.")]
    public string? Description { get; set; }
}

/// <summary>Creates a scheme with version 1 as a Draft holding <see cref="RewardRules.Default"/>, for Humas to adjust.</summary>
public sealed class CreateSchemeHandler(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<(int? Id, IReadOnlyList<FieldError> Errors)> HandleAsync(CreateSchemeForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var name = form.Name.Trim();
        if (await db.RewardSchemes.AnyAsync(s => s.Name == name, ct))
            return (null, [new(nameof(form.Name), l["Sudah ada skema dengan nama ini. Pakai nama lain, atau buka skema itu dan buat versi baru."])]);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().UtcDateTime;
        var scheme = new RewardScheme
        {
            Name = name,
            Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim(),
            CreatedUtc = now,
            CreatedByUserId = userId,
        };
        scheme.Versions.Add(new RewardSchemeVersion
        {
            Number = 1,
            State = SchemeVersionState.Draft,
            RulesJson = RewardRules.Default.ToJson(),
            CreatedByUserId = userId,
            CreatedUtc = now,
        });
        db.RewardSchemes.Add(scheme);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique name index: someone created a scheme with this name a moment ago.
            return (null, [new(nameof(form.Name), l["Sudah ada skema dengan nama ini. Pakai nama lain, atau buka skema itu dan buat versi baru."])]);
        }
        return (scheme.Id, []);
    }
}
