using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Privacy;

public sealed class EraseForm
{
    public string? Reason { get; set; }

    /// <summary>The agent's version HR saw on the confirmation page.</summary>
    public int Version { get; set; }

    /// <summary>Erasure cannot be undone: HR ticks that they understand.</summary>
    public bool Confirm { get; set; }
}

public sealed record ErasePage(int AgentId, string Name, AgentStatus Status, bool AlreadyErased, ErasureCounts WillRemove, EraseForm Form);

/// <summary>
/// HR's handling of an agent's erasure request (UU 27/2022): a confirmation page that says what goes and what stays,
/// then <see cref="PersonalDataService.EraseAsync"/> with HR's reason, which also ends a running enrolment.
/// </summary>
public sealed class ErasePersonalDataHandler(AppDbContext db, PersonalDataService privacy, IStringLocalizer<SharedResource> l)
{
    public const int MaxReason = 500;

    public async Task<ErasePage?> LoadAsync(int agentId, EraseForm? form = null, CancellationToken ct = default)
    {
        var a = await db.Agents.AsNoTracking().Where(x => x.Id == agentId)
            .Select(x => new { x.Id, x.Status, x.StatusReason, x.Version, x.Employee.TitlePrefix, x.Employee.Name, x.Employee.TitleSuffix })
            .SingleOrDefaultAsync(ct);
        if (a is null) return null;
        var name = string.Join(" ", new[] { a.TitlePrefix, a.Name }.Where(s => !string.IsNullOrWhiteSpace(s)))
                   + (string.IsNullOrWhiteSpace(a.TitleSuffix) ? "" : ", " + a.TitleSuffix);
        var erased = ErasureTexts.IsErased(a.StatusReason);
        var counts = erased ? ErasureCounts.Zero : await privacy.PreviewAsync(agentId, ct);
        return new ErasePage(a.Id, name, a.Status, erased, counts, form ?? new EraseForm { Version = a.Version });
    }

    public async Task<(ErasureOutcome? Outcome, IReadOnlyList<FieldError> Errors)> EraseAsync(int agentId, EraseForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var reason = form.Reason?.Trim() ?? "";
        var errors = new List<FieldError>();
        if (reason.Length == 0) errors.Add(new(nameof(form.Reason), l["Alasan wajib diisi: sebutkan dasar permintaan penghapusan (misalnya tanggal surat permintaan agen)."]));
        else if (reason.Length > MaxReason) errors.Add(new(nameof(form.Reason), l["Alasan paling banyak {0:N0} karakter; saat ini {1:N0} karakter.", MaxReason, reason.Length]));
        if (!form.Confirm) errors.Add(new(nameof(form.Confirm), l["Centang pernyataan bahwa Anda memahami penghapusan tidak dapat dibatalkan."]));
        if (errors.Count > 0) return (null, errors);

        var (outcome, _) = await privacy.EraseAsync(agentId, ErasureMode.Request, reason, form.Version, ct);
        return outcome switch
        {
            ErasureOutcome.Conflict => (outcome, [new("", l["Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda."])]),
            ErasureOutcome.AlreadyErased => (outcome, [new("", l["Data pribadi agen ini sudah dihapus."])]),
            _ => (outcome, []),
        };
    }
}
