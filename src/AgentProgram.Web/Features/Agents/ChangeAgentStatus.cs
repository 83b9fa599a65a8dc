using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Agents;

public enum StatusChange
{
    Suspend,
    Reactivate,
    End,
}

public sealed class StatusChangeForm
{
    [Required(ErrorMessage = "Alasan wajib diisi.")]
    [StringLength(500, ErrorMessage = "Alasan paling banyak 500 karakter.")]
    [Display(Name = "Alasan")]
    public string Reason { get; set; } = "";

    /// <summary>The version the officer saw: a change made meanwhile by someone else is not overwritten.</summary>
    public int Version { get; set; }

    /// <summary>Ending is irreversible: the officer ticks that they understand.</summary>
    public bool Confirm { get; set; }
}

public enum StatusOutcome
{
    Done,
    NotFound,
    Refused,
    Conflict,
}

/// <summary>
/// HR suspends, reactivates or ends an enrolment, always with a reason. Agent is audited, so the
/// old and new status and the reason land in the trail with who changed them. Nothing changes in
/// Identity: the agent can still sign in and see their data, but assignments check the status.
/// </summary>
public sealed class ChangeAgentStatusHandler(AppDbContext db, TimeProvider clock, Display display, IStringLocalizer<SharedResource> l)
{
    public async Task<(StatusOutcome Outcome, string? Message)> HandleAsync(int id, StatusChange change, StatusChangeForm form, CancellationToken ct = default)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null) return (StatusOutcome.NotFound, null);
        if (agent.Version != form.Version) return (StatusOutcome.Conflict, l["Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda."]);
        if (agent.Status == AgentStatus.Ended)
            return (StatusOutcome.Refused, l["Keikutsertaan agen ini sudah berakhir dan tidak dapat diubah lagi. Bila pegawai ini perlu menjadi agen lagi, hubungi administrator."]);

        AgentStatus target;
        switch (change)
        {
            case StatusChange.Suspend:
                // A suspension from the agent's own withdrawal may be taken over by HR (with HR's reason), so that consenting again does not lift it.
                if (agent.Status == AgentStatus.Suspended && agent.StatusReason != AgentStatusReasons.ConsentWithdrawn)
                    return (StatusOutcome.Refused, l["Agen ini sudah ditangguhkan."]);
                target = AgentStatus.Suspended;
                break;
            case StatusChange.Reactivate:
                if (agent.Status == AgentStatus.Active) return (StatusOutcome.Refused, l["Agen ini sudah aktif."]);
                if (agent.ConsentWithdrawnUtc is { } withdrawn)
                    return (StatusOutcome.Refused, l["Agen ini menarik persetujuan pemrosesan data pada {0}. Keikutsertaannya hanya dapat aktif kembali setelah agen sendiri memberikan persetujuan lagi saat masuk ke aplikasi.", display.DateTimeShort(withdrawn)]);
                target = AgentStatus.Active;
                break;
            default:
                if (!form.Confirm) return (StatusOutcome.Refused, l["Centang pernyataan bahwa Anda memahami pengakhiran tidak dapat dibatalkan."]);
                target = AgentStatus.Ended;
                break;
        }

        agent.Status = target;
        agent.StatusReason = form.Reason.Trim();
        agent.StatusChangedUtc = clock.GetUtcNow().UtcDateTime;
        db.Entry(agent).Property(a => a.Version).OriginalValue = form.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (StatusOutcome.Conflict, l["Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda."]);
        }
        return (StatusOutcome.Done, change switch
        {
            StatusChange.Suspend => l["Keikutsertaan agen ditangguhkan."],
            StatusChange.Reactivate => l["Keikutsertaan agen diaktifkan kembali."],
            _ => l["Keikutsertaan agen diakhiri."],
        });
    }
}
