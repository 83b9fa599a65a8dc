using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Features.Shared.Conflicts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardSchemes;

public sealed record EditRulesPage(int SchemeId, string SchemeName, int Number, RulesForm Form);

public enum EditOutcome { Saved, NotFound, Invalid, NotDraft, Conflict }

/// <summary>Loads and saves the rules of a Draft version; any other state is read-only (an approved version forever).</summary>
public sealed class EditRulesHandler(AppDbContext db, ConflictService conflicts, IStringLocalizer<SharedResource> l)
{
    /// <summary>The edit page, or null when the scheme or version does not exist; <c>Draft</c> false when it may not be edited.</summary>
    public async Task<(EditRulesPage? Page, bool Draft)> LoadAsync(int schemeId, int number, RulesForm? typed = null, CancellationToken ct = default)
    {
        var name = await db.RewardSchemes.AsNoTracking().Where(s => s.Id == schemeId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (name is null) return (null, false);
        var v = await db.RewardSchemeVersions.AsNoTracking().SingleOrDefaultAsync(x => x.SchemeId == schemeId && x.Number == number, ct);
        if (v is null) return (null, false);
        var form = typed?.Normalized();
        if (form is null)
        {
            form = RulesForm.From(v.Rules, v.Version);
            conflicts.Start(form, RulesConflictFields.Describe(form, l));
        }
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

        if (form.Version != v.Version) return (Conflict(form, v), []);
        db.Entry(v).Property(x => x.Version).OriginalValue = form.Version;
        v.RulesJson = rules!.ToJson();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.RewardSchemeVersions.AsNoTracking().SingleOrDefaultAsync(x => x.SchemeId == schemeId && x.Number == number, ct);
            if (current is null) return (EditOutcome.NotFound, []);
            if (current.State != SchemeVersionState.Draft) return (EditOutcome.NotDraft, [new("", NotDraftMessage(current.State))]);
            return (Conflict(form, current), []);
        }
        return (EditOutcome.Saved, []);
    }

    /// <summary>Another officer saved these rules first: show what changed and keep the entries on top of the stored version.</summary>
    private EditOutcome Conflict(RulesForm form, RewardSchemeVersion stored)
    {
        conflicts.Resolve(form.Normalized(), RulesForm.From(stored.Rules, stored.Version), f => RulesConflictFields.Describe(f, l));
        form.Version = stored.Version;
        return EditOutcome.Conflict;
    }

    public string NotDraftMessage(SchemeVersionState state) => state == SchemeVersionState.Approved
        ? l["Versi ini sudah disetujui dan tidak dapat diubah lagi. Buat versi baru untuk perubahan."]
        : l["Versi ini sedang menunggu persetujuan Pimpinan dan tidak dapat diubah. Bila perlu diubah, minta Pimpinan mengembalikannya ke draf."];

}

/// <summary>The rules form's inputs as a person reads them, named by their form paths, for the "what changed" report.</summary>
internal static class RulesConflictFields
{
    public static IReadOnlyList<ConflictField> Describe(RulesForm f, IStringLocalizer l)
    {
        var fields = new List<ConflictField>
        {
            Field("PointsPerShare", l["Poin per bagikan terverifikasi"], f.PointsPerShare),
            Field("TimelyWithinHours", l["Tepat waktu bila dibagikan dalam (jam)"], f.TimelyWithinHours),
            Field("TimelyBonus", l["Bonus tepat waktu (poin)"], f.TimelyBonus),
            Field("CapPerMessage", l["Batas bagikan dihitung per pesan"], f.CapPerMessage),
            Field("CapPerDay", l["Batas bagikan dihitung per hari"], f.CapPerDay),
            Field("CapPerPeriod", l["Batas bagikan dihitung per periode"], f.CapPerPeriod),
            Field("RejectedDeduction", l["Pengurangan per laporan yang akhirnya ditolak (poin)"], f.RejectedDeduction),
        };
        for (var i = 0; i < f.PlatformWeights.Count; i++)
            fields.Add(Field($"PlatformWeights[{i}].Weight", l["{0}, {1}", l["Bobot per platform"].Value, CaptionRules.PlatformName(f.PlatformWeights[i].Platform)], f.PlatformWeights[i].Weight));
        for (var i = 0; i < f.EngagementWeights.Count; i++)
        {
            var w = f.EngagementWeights[i];
            fields.Add(Field($"EngagementWeights[{i}].PointsPerUnit", l["{0}, {1}", l[w.Mission.Label()].Value, l[RewardSchemeLabels.Metric(w.Metric)].Value], w.PointsPerUnit));
        }
        fields.Add(Field("EngagementCapPerShare", l["Batas poin keterlibatan per bagikan"], f.EngagementCapPerShare));
        for (var i = 0; i < f.EvidenceFactors.Count; i++)
            fields.Add(Field($"EvidenceFactors[{i}].Percent", l["{0}, {1}", l["Bobot sumber angka (%)"].Value, l[MetricLabels.Label(f.EvidenceFactors[i].Source)].Value], f.EvidenceFactors[i].Percent));
        fields.Add(Field("ParticipationWeightPercent", l["Bobot partisipasi dalam skor (%)"], f.ParticipationWeightPercent));
        fields.Add(Field("Recognition.TopN", l["Piagam untuk sekian agen teratas"], f.Recognition.TopN));
        fields.Add(Field("Recognition.MinScore", l["Piagam juga untuk skor minimal (0–100)"], f.Recognition.MinScore));
        fields.Add(Field("Incentive.Enabled", l["Aktifkan insentif uang"], YesNo(f.Incentive.Enabled, l)));
        fields.Add(Field("Incentive.LegalBasis", l["Dasar hukum"], f.Incentive.LegalBasis));
        fields.Add(Field("Incentive.BudgetLine", l["Mata anggaran (DIPA/DPA)"], f.Incentive.BudgetLine));
        fields.Add(Field("Incentive.Budget", l["Pagu anggaran per periode (Rp)"], f.Incentive.Budget));
        for (var i = 0; i < f.Incentive.Tiers.Count; i++)
        {
            var t = f.Incentive.Tiers[i];
            var row = l["Tingkat insentif"].Value + " " + (i + 1).ToString(System.Globalization.CultureInfo.CurrentCulture);
            fields.Add(Field($"Incentive.Tiers[{i}].FromRank", l["{0}, {1}", row, l["Dari peringkat"].Value], t.FromRank));
            fields.Add(Field($"Incentive.Tiers[{i}].ToRank", l["{0}, {1}", row, l["Sampai peringkat"].Value], t.ToRank));
            fields.Add(Field($"Incentive.Tiers[{i}].Amount", l["{0}, {1}", row, l["Nominal (Rp)"].Value], t.Amount));
        }
        fields.Add(Field("Promotion.Enabled", l["Aktifkan rekomendasi kenaikan pangkat"], YesNo(f.Promotion.Enabled, l)));
        fields.Add(Field("Promotion.TopPercent", l["{0}, {1}", l["Kenaikan pangkat (PNS)"].Value, l["Masuk persen teratas (%)"].Value], f.Promotion.TopPercent));
        fields.Add(Field("Promotion.ConsecutivePeriods", l["{0}, {1}", l["Kenaikan pangkat (PNS)"].Value, l["Periode berturut-turut"].Value], f.Promotion.ConsecutivePeriods));
        fields.Add(Field("Promotion.MinParticipationPercent", l["{0}, {1}", l["Kenaikan pangkat (PNS)"].Value, l["Partisipasi minimal (%)"].Value], f.Promotion.MinParticipationPercent));
        fields.Add(Field("Study.Enabled", l["Aktifkan rekomendasi belajar"], YesNo(f.Study.Enabled, l)));
        fields.Add(Field("Study.Kind", l["{0}, {1}", l["Tugas belajar atau izin belajar (PNS)"].Value, l["Jenis"].Value], l[RewardSchemeLabels.Study(f.Study.Kind)].Value));
        fields.Add(Field("Study.TopPercent", l["{0}, {1}", l["Tugas belajar atau izin belajar (PNS)"].Value, l["Masuk persen teratas (%)"].Value], f.Study.TopPercent));
        fields.Add(Field("Study.MinParticipationPercent", l["{0}, {1}", l["Tugas belajar atau izin belajar (PNS)"].Value, l["Partisipasi minimal (%)"].Value], f.Study.MinParticipationPercent));
        fields.Add(Field("Development.Enabled", l["Aktifkan rekomendasi pengembangan kompetensi"], YesNo(f.Development.Enabled, l)));
        fields.Add(Field("Development.TopPercent", l["{0}, {1}", l["Pengembangan kompetensi (PPPK)"].Value, l["Masuk persen teratas (%)"].Value], f.Development.TopPercent));
        fields.Add(Field("Development.MinParticipationPercent", l["{0}, {1}", l["Pengembangan kompetensi (PPPK)"].Value, l["Partisipasi minimal (%)"].Value], f.Development.MinParticipationPercent));
        return fields;
    }

    private static ConflictField Field(string path, string label, string? value) => new(path, label, string.IsNullOrWhiteSpace(value) ? null : value.Trim());

    private static string YesNo(bool value, IStringLocalizer l) => value ? l["Ya"] : l["Tidak"];
}
