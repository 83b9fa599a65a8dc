using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardSchemes;

public static class SchemeAuditActions
{
    public const string EntityType = nameof(RewardSchemeVersion);
    public const string Submitted = "RewardSchemeVersionSubmitted";
    public const string Approved = "RewardSchemeVersionApproved";
    public const string Returned = "RewardSchemeVersionReturned";
    public const string Created = "RewardSchemeVersionCreated";
}

/// <summary>Humas sends a draft for approval with a note on what changed and why.</summary>
public sealed class SubmitForm
{
    [Required(ErrorMessage = "Catatan perubahan wajib diisi: apa yang berubah dan mengapa.")]
    [StringLength(1000, ErrorMessage = "Catatan perubahan paling banyak 1.000 karakter.")]
    public string? ChangeNote { get; set; }

    public int Version { get; set; }
}

/// <summary>A Pimpinan returns a submitted version to Humas as a draft, saying why.</summary>
public sealed class ReturnForm
{
    [Required(ErrorMessage = "Alasan pengembalian wajib diisi.")]
    [StringLength(500, ErrorMessage = "Alasan paling banyak 500 karakter.")]
    public string? Reason { get; set; }

    public int Version { get; set; }
}

public sealed class ApproveForm
{
    public int Version { get; set; }
}

public enum StepOutcome { Done, NotFound, Refused }

/// <summary>
/// Draft → Submitted (Humas) → Approved (Pimpinan), or back to Draft with a reason; and a new draft copied from the
/// newest approved version. Approved versions never change. Each step checks the version the page showed and is audited.
/// </summary>
public sealed class VersionWorkflowHandler(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public Task<(StepOutcome, IReadOnlyList<FieldError>)> SubmitAsync(int schemeId, int number, SubmitForm form, ClaimsPrincipal user, CancellationToken ct = default) =>
        StepAsync(schemeId, number, form.Version, SchemeVersionState.Draft,
            l["Aturan versi ini masih ada yang salah. Buka Ubah aturan, perbaiki yang ditandai, lalu ajukan lagi."], v =>
        {
            v.State = SchemeVersionState.Submitted;
            v.ChangeNote = form.ChangeNote!.Trim();
            v.SubmittedUtc = Now;
            return (SchemeAuditActions.Submitted, null);
        }, ct);

    public async Task<(StepOutcome, IReadOnlyList<FieldError>)> ApproveAsync(int schemeId, int number, ApproveForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        // Four eyes: the person who drafted a version (a Humas who is also a Pimpinan) does not approve it.
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var drafted = await db.RewardSchemeVersions.AsNoTracking().Where(x => x.SchemeId == schemeId && x.Number == number)
            .Select(x => new { x.CreatedByUserId, x.State }).SingleOrDefaultAsync(ct);
        if (drafted is { State: SchemeVersionState.Submitted } && userId is not null && drafted.CreatedByUserId == userId)
            return Refused(l["Anda yang membuat versi ini, sehingga tidak dapat menyetujuinya sendiri. Persetujuan harus diberikan oleh Pimpinan lain."]);
        return await ApproveStepAsync(schemeId, number, form, user, ct);
    }

    private Task<(StepOutcome, IReadOnlyList<FieldError>)> ApproveStepAsync(int schemeId, int number, ApproveForm form, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(schemeId, number, form.Version, SchemeVersionState.Submitted,
            l["Aturan versi ini masih ada yang salah. Kembalikan ke Humas untuk diperbaiki."], v =>
        {
            v.State = SchemeVersionState.Approved;
            v.ApprovedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            v.ApprovedUtc = Now;
            return (SchemeAuditActions.Approved, null);
        }, ct);

    public Task<(StepOutcome, IReadOnlyList<FieldError>)> ReturnAsync(int schemeId, int number, ReturnForm form, ClaimsPrincipal user, CancellationToken ct = default) =>
        StepAsync(schemeId, number, form.Version, SchemeVersionState.Submitted, null, v =>
        {
            v.State = SchemeVersionState.Draft;
            v.SubmittedUtc = null;
            return (SchemeAuditActions.Returned, form.Reason!.Trim());
        }, ct);

    /// <summary>Copies the newest approved version's rules into a new Draft numbered one higher; refused while a version waits.</summary>
    public async Task<(int? Number, IReadOnlyList<FieldError> Errors)> StartNewVersionAsync(int schemeId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!await db.RewardSchemes.AnyAsync(s => s.Id == schemeId, ct)) return (null, []);
        var newest = await db.RewardSchemeVersions.AsNoTracking().Where(v => v.SchemeId == schemeId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (newest is null || newest.State != SchemeVersionState.Approved)
            return (null, [new("", l["Versi {0} masih berstatus {1}. Selesaikan versi itu dulu; hanya boleh ada satu versi yang belum disetujui.", newest?.Number ?? 0, l[RewardSchemeLabels.State(newest?.State ?? SchemeVersionState.Draft)].Value])]);
        var v = new RewardSchemeVersion
        {
            SchemeId = schemeId,
            Number = newest.Number + 1,
            State = SchemeVersionState.Draft,
            RulesJson = newest.RulesJson,
            CreatedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            CreatedUtc = Now,
        };
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.RewardSchemeVersions.Add(v);
                await db.SaveChangesAsync(ct);
                await audit.WriteAsync(SchemeAuditActions.Created, detail: Detail(v, null, newest.Number), entityType: SchemeAuditActions.EntityType,
                    entityKey: v.Id.ToString(CultureInfo.InvariantCulture), ct: ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateException)
        {
            // The unique (scheme, number) index: another press made this version a moment ago.
            return (null, [new("", l["Versi baru skema ini baru saja dibuat oleh orang lain. Buka versi itu untuk mengubahnya."])]);
        }
        return (v.Number, []);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<(StepOutcome, IReadOnlyList<FieldError>)> StepAsync(int schemeId, int number, int expectedVersion, SchemeVersionState from,
        string? unsound, Func<RewardSchemeVersion, (string Action, string? Reason)> apply, CancellationToken ct)
    {
        var v = await db.RewardSchemeVersions.SingleOrDefaultAsync(x => x.SchemeId == schemeId && x.Number == number, ct);
        if (v is null) return (StepOutcome.NotFound, []);
        if (v.State != from)
        {
            return v.State == SchemeVersionState.Approved
                ? Refused(l["Versi ini sudah disetujui dan tidak dapat diubah lagi. Buat versi baru untuk perubahan."])
                : Refused(l["Langkah ini tidak berlaku untuk versi berstatus {0}.", l[RewardSchemeLabels.State(v.State)].Value]);
        }
        if (expectedVersion != v.Version) return Refused(Stale);
        if (unsound is not null && RewardRulesCheck.Check(v.Rules).Count > 0) return Refused(unsound);
        var (action, reason) = apply(v);
        db.Entry(v).Property(x => x.Version).OriginalValue = expectedVersion;
        try
        {
            await audit.WriteAsync(action, detail: Detail(v, reason, null), entityType: SchemeAuditActions.EntityType,
                entityKey: v.Id.ToString(CultureInfo.InvariantCulture), ct: ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused(Stale);
        }
        return (StepOutcome.Done, []);
    }

    private string Stale => l["Versi ini baru saja diubah oleh orang lain. Periksa isinya di bawah, lalu ulangi langkah Anda."];

    private static (StepOutcome, IReadOnlyList<FieldError>) Refused(string message) => (StepOutcome.Refused, [new FieldError("", message)]);

    private static string Detail(RewardSchemeVersion v, string? reason, int? copiedFrom) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["scheme"] = v.SchemeId,
        ["number"] = v.Number,
        ["state"] = v.State.ToString(),
        ["reason"] = reason,
        ["copiedFrom"] = copiedFrom,
    });
}
