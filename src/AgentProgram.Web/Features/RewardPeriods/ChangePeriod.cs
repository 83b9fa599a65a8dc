using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Rewards;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardPeriods;

/// <summary>What a period's action button posts: the version the page showed, and the reason (reopen) or notes.</summary>
public sealed class PeriodChangeForm
{
    /// <summary>The period's Version when the page was shown; a period changed since then is refused, never overwritten.</summary>
    public int? Version { get; set; }
    public string? Reason { get; set; }
    public string? Notes { get; set; }

    /// <summary>Calculate only: recalculate with the scheme's newest approved version instead of the one the period already uses.</summary>
    public bool UseNewestVersion { get; set; }
}

public enum ChangeOutcome { Done, NotFound, Refused }

/// <summary>The result of an action on a period; the message is already in the reader's language.</summary>
public sealed record PeriodChange(ChangeOutcome Outcome, string? Message = null, string Field = "");

/// <summary>
/// Calculates, approves, closes and reopens periods and saves Humas's notes, each allowed by
/// <see cref="PeriodWorkflow"/>. The calculation itself is <see cref="RewardCalculationService"/>'s.
/// Every state change is written with an explicit audit entry in the same SaveChanges as the change
/// (the entity change is audited too); a period changed since the page showed it is refused.
/// </summary>
public sealed class ChangePeriodHandler(AppDbContext db, AuditLog audit, TimeProvider clock, RewardCalculationService calculation, IStringLocalizer<SharedResource> l)
{
    private string Stale => l["Periode ini sudah diubah orang lain setelah halaman Anda dimuat (mungkin baru saja dihitung, disetujui, atau ditutup). Periksa keadaannya sekarang, lalu ulangi bila masih perlu."];

    public async Task<PeriodChange> CalculateAsync(int id, PeriodChangeForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var period = await db.RewardPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (period is null) return new(ChangeOutcome.NotFound);
        if (form.Version != period.Version) return new(ChangeOutcome.Refused, Stale);
        var decision = PeriodWorkflow.Decide(PeriodAction.Calculate, PeriodDetailHandler.ActorOf(user), period.State);
        if (!decision.IsAllowed) return new(ChangeOutcome.Refused, l[decision.Refusal!]);

        var outcome = await calculation.CalculateAsync(id, period.Version, UserId(user), form.UseNewestVersion, ct);
        if (!outcome.Done)
        {
            return new(ChangeOutcome.Refused, outcome.Refusal is { } why
                ? l[why, outcome.RefusalArgs ?? []].Value
                : l["Perhitungan tidak dijalankan. Muat ulang halaman dan coba lagi."].Value);
        }
        // The service writes the run and its audit entry ("RewardPeriod.Calculated") in one transaction of its own.
        return new(ChangeOutcome.Done, l[PeriodLabels.Done(PeriodAction.Calculate)]);
    }

    public Task<PeriodChange> ApproveAsync(int id, PeriodChangeForm form, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, PeriodAction.Approve, form, user, ct);

    public Task<PeriodChange> CloseAsync(int id, PeriodChangeForm form, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, PeriodAction.Close, form, user, ct);

    public Task<PeriodChange> ReopenAsync(int id, PeriodChangeForm form, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, PeriodAction.Reopen, form, user, ct);

    public Task<PeriodChange> SaveNotesAsync(int id, PeriodChangeForm form, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, PeriodAction.EditNotes, form, user, ct);

    private async Task<PeriodChange> ChangeAsync(int id, PeriodAction action, PeriodChangeForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        try
        {
            var period = await db.RewardPeriods.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (period is null) return new(ChangeOutcome.NotFound);
            if (form.Version != period.Version) return new(ChangeOutcome.Refused, Stale);
            var run = period.CurrentRunId is { } runId ? await db.RewardRuns.SingleOrDefaultAsync(r => r.Id == runId && r.PeriodId == id, ct) : null;
            var decision = PeriodWorkflow.Decide(action, PeriodDetailHandler.ActorOf(user), period.State, run is not null, form.Reason);
            if (!decision.IsAllowed)
                return new(ChangeOutcome.Refused, l[decision.Refusal!], action == PeriodAction.Reopen && !decision.IsRoleRefusal && period.State == PeriodState.Closed ? nameof(form.Reason) : "");

            var now = clock.GetUtcNow().UtcDateTime;
            var userId = UserId(user);
            // Four eyes: whoever computed the results does not approve them (a Humas who is also a Pimpinan).
            if (action == PeriodAction.Approve && userId is not null && run!.ComputedByUserId == userId)
                return new(ChangeOutcome.Refused, l["Anda yang menjalankan perhitungan ini, sehingga tidak dapat menyetujuinya sendiri. Persetujuan harus diberikan oleh Pimpinan lain."]);
            switch (action)
            {
                case PeriodAction.Approve:
                    period.ApprovedUtc = now;
                    period.ApprovedByUserId = userId;
                    period.SchemeVersionId = run!.SchemeVersionId;
                    run.ApprovedUtc = now;
                    run.ApprovedByUserId = userId;
                    break;
                case PeriodAction.Close:
                    period.ClosedUtc = now;
                    period.ClosedByUserId = userId;
                    break;
                case PeriodAction.Reopen:
                    // The approved run keeps its approval and stays in RewardRuns as history; CurrentRunId
                    // and SchemeVersionId stay until the next calculation replaces them.
                    period.ReopenedUtc = now;
                    period.ReopenedByUserId = userId;
                    period.ReopenReason = decision.Reason;
                    period.ApprovedUtc = null;
                    period.ApprovedByUserId = null;
                    period.ClosedUtc = null;
                    period.ClosedByUserId = null;
                    break;
                case PeriodAction.EditNotes:
                    var notes = form.Notes?.Trim();
                    if (notes is { Length: > PeriodWorkflow.MaxNotes })
                        return new(ChangeOutcome.Refused, l["Catatan paling banyak {0} karakter; sekarang {1}.", PeriodWorkflow.MaxNotes, notes.Length], nameof(form.Notes));
                    period.Notes = string.IsNullOrEmpty(notes) ? null : notes;
                    await db.SaveChangesAsync(ct);
                    return new(ChangeOutcome.Done, l[PeriodLabels.Done(action)]);
            }
            period.State = decision.To!.Value;
            var detail = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["from"] = decision.From.ToString(),
                ["to"] = period.State.ToString(),
                ["run"] = run?.Number,
                ["schemeVersionId"] = period.SchemeVersionId,
                ["reason"] = decision.Reason,
            });
            // WriteAsync saves: the period, the run and the audit rows go in one transaction.
            await audit.WriteAsync(PeriodLabels.AuditAction(action), detail: detail, entityType: PeriodLabels.EntityType, entityKey: Key(id), ct: ct);
            return new(ChangeOutcome.Done, l[PeriodLabels.Done(action)]);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(ChangeOutcome.Refused, Stale);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
