using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardSchemes;

public sealed record EditRulesPage(int SchemeId, string SchemeName, int Number, RulesForm Form);

public enum EditOutcome { Saved, NotFound, Invalid, NotDraft }

/// <summary>Loads and saves the rules of a Draft version; any other state is read-only (an approved version forever).</summary>
public sealed class EditRulesHandler(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    /// <summary>The edit page, or null when the scheme or version does not exist; <c>Draft</c> false when it may not be edited.</summary>
    public async Task<(EditRulesPage? Page, bool Draft)> LoadAsync(int schemeId, int number, RulesForm? typed = null, CancellationToken ct = default)
    {
        var name = await db.RewardSchemes.AsNoTracking().Where(s => s.Id == schemeId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (name is null) return (null, false);
        var v = await db.RewardSchemeVersions.AsNoTracking().SingleOrDefaultAsync(x => x.SchemeId == schemeId && x.Number == number, ct);
        if (v is null) return (null, false);
        var form = typed?.Normalized() ?? RulesForm.From(v.Rules, v.Version);
        return (new EditRulesPage(schemeId, name, number, form), v.State == SchemeVersionState.Draft);
    }

    public async Task<(EditOutcome Outcome, IReadOnlyList<FieldError> Errors)> SaveAsync(int schemeId, int number, RulesForm form, CancellationToken ct = default)
    {
        var v = await db.RewardSchemeVersions.SingleOrDefaultAsync(x => x.SchemeId == schemeId && x.Number == number, ct);
        if (v is null) return (EditOutcome.NotFound, []);
        if (v.State != SchemeVersionState.Draft) return (EditOutcome.NotDraft, [new("", NotDraftMessage(v.State))]);

        var (rules, errors, tierRows) = form.ToRules(l);
        if (rules is not null)
        {
            errors.AddRange(RewardRulesCheck.Check(rules)
                .Select(p => new FieldError(RulesForm.FormField(p.Field, tierRows), l[p.Message, p.FormatArgs(k => l[k])])));
        }
        if (errors.Count > 0) return (EditOutcome.Invalid, errors);

        if (form.Version != v.Version) return (EditOutcome.Invalid, [new("", Stale)]);
        db.Entry(v).Property(x => x.Version).OriginalValue = form.Version;
        v.RulesJson = rules!.ToJson();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (EditOutcome.Invalid, [new("", Stale)]);
        }
        return (EditOutcome.Saved, []);
    }

    public string NotDraftMessage(SchemeVersionState state) => state == SchemeVersionState.Approved
        ? l["Versi ini sudah disetujui dan tidak dapat diubah lagi. Buat versi baru untuk perubahan."]
        : l["Versi ini sedang menunggu persetujuan Pimpinan dan tidak dapat diubah. Bila perlu diubah, minta Pimpinan mengembalikannya ke draf."];

    private string Stale => l["Aturan ini baru saja diubah oleh orang lain, jadi perubahan Anda belum disimpan. Muat ulang halaman untuk melihat isi terbaru, lalu ulangi perubahan Anda."];
}
