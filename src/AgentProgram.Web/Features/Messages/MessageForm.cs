using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Messages;

public sealed class CaptionInput
{
    public Platform Platform { get; set; }

    [StringLength(5000, ErrorMessage = "Keterangan paling banyak 5.000 karakter.")]
    public string? Text { get; set; }
}

public sealed class GlossaryInput
{
    [StringLength(100, ErrorMessage = "Istilah paling banyak 100 karakter.")]
    public string? Term { get; set; }

    [StringLength(500, ErrorMessage = "Penjelasan istilah paling banyak 500 karakter.")]
    public string? Meaning { get; set; }
}

/// <summary>The message and its current revision as typed (create and edit share it).</summary>
public sealed class MessageForm : Shared.Conflicts.ConflictGuardedForm
{
    public const int BlankGlossaryRows = 3;

    [Required(ErrorMessage = "Judul wajib diisi.")]
    [StringLength(200, ErrorMessage = "Judul paling banyak 200 karakter.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Kebijakan atau program yang didukung wajib diisi.")]
    [StringLength(300, ErrorMessage = "Kebijakan atau program paling banyak 300 karakter.")]
    public string PolicyReference { get; set; } = "";

    public MessageSource Source { get; set; } = MessageSource.OwnUnit;

    [StringLength(300, ErrorMessage = "Keterangan sumber paling banyak 300 karakter.")]
    public string? SourceNote { get; set; }

    /// <summary>The unit the message comes from, when the source is another unit of the institution.</summary>
    public int? SourceUnitId { get; set; }

    public MissionTag Mission { get; set; } = MissionTag.Transparansi;

    [Required(ErrorMessage = "Pesan utama wajib diisi.")]
    [StringLength(2000, ErrorMessage = "Pesan utama paling banyak 2.000 karakter.")]
    public string KeyMessage { get; set; } = "";

    [StringLength(1000, ErrorMessage = "Manfaat bagi masyarakat paling banyak 1.000 karakter.")]
    public string? PublicBenefit { get; set; }

    [Required(ErrorMessage = "Tautan laman resmi wajib diisi.")]
    [StringLength(500, ErrorMessage = "Tautan laman resmi paling banyak 500 karakter.")]
    public string CanonicalUrl { get; set; } = "";

    [StringLength(300, ErrorMessage = "Tagar paling banyak 300 karakter.")]
    public string? Hashtags { get; set; }

    [Required(ErrorMessage = "Awal masa aktif wajib diisi.")]
    public DateTime? ActiveFrom { get; set; }

    [Required(ErrorMessage = "Akhir masa aktif wajib diisi.")]
    public DateTime? ActiveUntil { get; set; }

    public List<CaptionInput> Captions { get; set; } = [];
    public List<GlossaryInput> Glossary { get; set; } = [];

    /// <summary>Needed only when editing an approved or published message (the new revision is submitted at once).</summary>
    public bool ChecklistSources { get; set; }
    public bool ChecklistNoHoax { get; set; }
    public bool ChecklistNoPartisan { get; set; }

    public int Version { get; set; }

    public MessageChecklist Checklist => new(ChecklistSources, ChecklistNoHoax, ChecklistNoPartisan);

    /// <summary>One caption row per platform, in the platform order, keeping what was typed.</summary>
    public MessageForm Normalized()
    {
        var typed = Captions.Where(c => Enum.IsDefined(c.Platform)).GroupBy(c => c.Platform).ToDictionary(g => g.Key, g => g.First().Text);
        Captions = [.. Enum.GetValues<Platform>().Select(p => new CaptionInput { Platform = p, Text = typed.GetValueOrDefault(p) })];
        var rows = Glossary.Where(g => !string.IsNullOrWhiteSpace(g.Term) || !string.IsNullOrWhiteSpace(g.Meaning)).ToList();
        for (var i = 0; i < BlankGlossaryRows; i++) rows.Add(new GlossaryInput());
        Glossary = rows;
        return this;
    }

    public IEnumerable<(Platform Platform, string Text)> FilledCaptions =>
        Captions.Where(c => Enum.IsDefined(c.Platform) && !string.IsNullOrWhiteSpace(c.Text)).GroupBy(c => c.Platform).Select(g => (g.Key, g.First().Text!.Trim()));

    public IEnumerable<(string Term, string Meaning)> FilledGlossary =>
        Glossary.Where(g => !string.IsNullOrWhiteSpace(g.Term) || !string.IsNullOrWhiteSpace(g.Meaning)).Select(g => ((g.Term ?? "").Trim(), (g.Meaning ?? "").Trim()));

    /// <summary>Hashtags as stored: space-separated, without '#', each once.</summary>
    public string? NormalizedHashtags
    {
        get
        {
            var tags = (Hashtags ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .Select(t => t.TrimStart('#')).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return tags.Count == 0 ? null : string.Join(' ', tags);
        }
    }

    public static MessageForm From(PolicyMessage m, MessageRevision r, Display display) => new MessageForm
    {
        Title = m.Title,
        PolicyReference = m.PolicyReference,
        Source = m.Source,
        SourceNote = m.SourceNote,
        SourceUnitId = m.SourceUnitId,
        Mission = m.Mission,
        KeyMessage = r.KeyMessage,
        PublicBenefit = r.PublicBenefit,
        CanonicalUrl = r.CanonicalUrl,
        Hashtags = r.Hashtags is null ? null : string.Join(' ', r.Hashtags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => "#" + t)),
        ActiveFrom = display.ToLocal(m.ActiveFromUtc),
        ActiveUntil = display.ToLocal(m.ActiveUntilUtc),
        Captions = [.. r.Captions.Select(c => new CaptionInput { Platform = c.Platform, Text = c.Text })],
        Glossary = [.. r.Glossary.OrderBy(g => g.Id).Select(g => new GlossaryInput { Term = g.Term, Meaning = g.Meaning })],
        Version = m.Version,
    }.Normalized();
}

/// <summary>The checks data annotations cannot express: https link, window order, caption limits, glossary rows.</summary>
public static class MessageFormRules
{
    /// <summary>Stands in for an agent's tracked link (the real ones are this long) when a caption is measured.</summary>
    public const string LinkPlaceholder = "https://www.instansi.go.id/s/AAAAAAAAAAAAAAAAAAAAAA";

    /// <summary>A caption counted as posted: with the tracked link and the hashtags the share action adds (X counts any link as 23).</summary>
    public static CaptionCheck MeasureAsShared(Platform platform, string? caption, IEnumerable<string>? hashtags)
    {
        var text = (caption ?? "").Trim();
        return CaptionRules.Measure(platform, text, ShareIntents.AppendsLink(platform) ? LinkPlaceholder : null, ShareIntents.MissingHashtags(text, hashtags));
    }

    public static List<FieldError> Check(MessageForm form, IStringLocalizer l)
    {
        var errors = new List<FieldError>();
        if (!string.IsNullOrWhiteSpace(form.CanonicalUrl)
            && !(Uri.TryCreate(form.CanonicalUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host)))
            errors.Add(new(nameof(form.CanonicalUrl), l["Tautan laman resmi harus alamat lengkap yang diawali https://, misalnya https://www.instansi.go.id/berita/program."]));

        if (form.ActiveFrom is { } from && form.ActiveUntil is { } until && until <= from)
            errors.Add(new(nameof(form.ActiveUntil), l[PolicyMessageTexts.WindowEndBeforeStart,
                from.ToString("d MMMM yyyy HH.mm", CultureInfo.CurrentCulture), until.ToString("d MMMM yyyy HH.mm", CultureInfo.CurrentCulture)]));

        var hashtags = (form.Hashtags ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < form.Captions.Count; i++)
        {
            var c = form.Captions[i];
            if (!Enum.IsDefined(c.Platform) || string.IsNullOrWhiteSpace(c.Text)) continue;
            var check = MeasureAsShared(c.Platform, c.Text, hashtags);
            // Keyed by the platform's row in the re-rendered form (one row per platform, in enum order), not by the posted index.
            var row = Array.IndexOf(Enum.GetValues<Platform>(), c.Platform);
            if (!check.IsWithinLimit) errors.Add(new($"Captions[{row}].Text", l[check.Format, check.FormatArgs]));
        }

        for (var i = 0; i < form.Glossary.Count; i++)
        {
            var g = form.Glossary[i];
            var hasTerm = !string.IsNullOrWhiteSpace(g.Term);
            var hasMeaning = !string.IsNullOrWhiteSpace(g.Meaning);
            if (hasTerm != hasMeaning)
                errors.Add(new($"Glossary[{i}].Term", l["Isi istilah dan penjelasannya sekaligus, atau kosongkan keduanya."]));
        }
        return errors;
    }
}
