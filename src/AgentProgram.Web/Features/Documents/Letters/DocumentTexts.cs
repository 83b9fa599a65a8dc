using System.Collections.Concurrent;
using System.Globalization;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Shared;

namespace AgentProgram.Web.Features.Documents.Letters;

/// <summary>
/// The Indonesian wording shared by the appendix, the letters, the certificate and the decree, and the small pure
/// helpers that format a person for them. Official documents are always Indonesian (DOMAIN.md §9), so these texts
/// are not localizer keys.
/// </summary>
public static class DocumentTexts
{
    public const string NoUnit = "Tanpa unit";
    public const string Blank = "-";
    public const string Placeholder = "....................";

    // Person fields (Surat Rekomendasi, DOMAIN.md §9).
    public const string LabelName = "Nama";
    public const string LabelNip = "NIP";
    public const string LabelRankAndGrade = "Pangkat/Golongan";
    public const string LabelRankAndGradeShort = "Pangkat/Gol.";
    public const string LabelGrade = "Golongan";
    public const string LabelPosition = "Jabatan";
    public const string LabelUnit = "Unit Kerja";

    // What a recommendation asks the authorised body to consider. "Direkomendasikan untuk dipertimbangkan " + each
    // phrase is exactly the outcome label in OutcomeExplanations (a test keeps them together).
    public const string ConsiderPrefix = "Direkomendasikan untuk dipertimbangkan ";
    public const string PhrasePromotion = "kenaikan pangkat/jabatan";
    public const string PhraseStudyTugas = "tugas belajar";
    public const string PhraseStudyIzin = "izin belajar";
    public const string PhraseDevelopment = "pengembangan kompetensi";

    public const RewardOutcomes RecommendationOutcomes =
        RewardOutcomes.PromotionRecommendation | RewardOutcomes.StudyRecommendation | RewardOutcomes.DevelopmentRecommendation;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly ConcurrentDictionary<string, Golongan?> Grades = new(StringComparer.Ordinal);

    /// <summary>Name with degrees, as <see cref="Employee.FullName"/>: "Dr. Siti Aminah, S.Sos., M.Si.".</summary>
    public static string FullName(string? prefix, string name, string? suffix)
    {
        var hasPrefix = !string.IsNullOrWhiteSpace(prefix);
        var hasSuffix = !string.IsNullOrWhiteSpace(suffix);
        if (!hasPrefix && !hasSuffix) return name;
        var core = hasPrefix ? (string.IsNullOrWhiteSpace(name) ? prefix! : prefix + " " + name) : name;
        return hasSuffix ? core + ", " + suffix : core;
    }

    /// <summary>The grade of a stored code ("31" or "IX"), parsed once per distinct code.</summary>
    public static Golongan? Grade(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : Grades.GetOrAdd(code, static c => Golongan.Parse(c));

    /// <summary>The grade for a table column: "III/a", "IX", the stored text when unreadable, "-" when none.</summary>
    public static string GradeName(string? code) =>
        Grade(code)?.Name ?? (string.IsNullOrWhiteSpace(code) ? Blank : code.Trim());

    /// <summary>
    /// The grade line of a person in a letter. PNS/CPNS: ("Pangkat/Gol.", "Penata Muda (III/a)"); PPPK: ("Golongan", "IX"),
    /// never a pangkat (DOMAIN.md §9).
    /// </summary>
    public static LetterField GradeField(EmploymentType type, string? code, string pnsLabel = LabelRankAndGradeShort)
    {
        var g = Grade(code);
        if (type.IsPppk()) return new LetterField(LabelGrade, g?.Name ?? Text(code));
        return new LetterField(pnsLabel, g?.Display ?? Text(code));
    }

    /// <summary>An Indonesian composite format filled in with id-ID number and date formatting.</summary>
    public static string Format(string format, params object?[] args) => string.Format(Indonesian, format, args);

    /// <summary>"1 Oktober 2026 s.d. 31 Oktober 2026".</summary>
    public static string PeriodDates(DateOnly start, DateOnly end) =>
        $"{OfficialPartsHandler.FormatDate(start)} s.d. {OfficialPartsHandler.FormatDate(end)}";

    /// <summary>"4 Desember 2026".</summary>
    public static string Date(DateOnly date) => OfficialPartsHandler.FormatDate(date);

    /// <summary>"Rp 1.250.000".</summary>
    public static string Rupiah(long amount) => "Rp " + amount.ToString("N0", Indonesian);

    /// <summary>"12,5" (at most two decimals, Indonesian separators).</summary>
    public static string Score(decimal score) => score.ToString("0.##", Indonesian);

    /// <summary>"1.234".</summary>
    public static string Count(int n) => n.ToString("N0", Indonesian);

    /// <summary>The phrases of the recommendations in <paramref name="outcomes"/>, in menu order.</summary>
    public static IReadOnlyList<string> RecommendationPhrases(RewardOutcomes outcomes, StudyKind studyKind)
    {
        var list = new List<string>(3);
        if (outcomes.HasFlag(RewardOutcomes.PromotionRecommendation)) list.Add(PhrasePromotion);
        if (outcomes.HasFlag(RewardOutcomes.StudyRecommendation)) list.Add(studyKind == StudyKind.TugasBelajar ? PhraseStudyTugas : PhraseStudyIzin);
        if (outcomes.HasFlag(RewardOutcomes.DevelopmentRecommendation)) list.Add(PhraseDevelopment);
        return list;
    }

    /// <summary>"a, b dan c".</summary>
    public static string JoinAnd(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " dan " + parts[^1],
    };

    /// <summary>The existing outcome labels (OutcomeExplanations) of <paramref name="outcomes"/>, joined by "; ".</summary>
    public static string OutcomeLabels(RewardOutcomes outcomes, StudyKind studyKind)
    {
        var list = new List<string>(5);
        if (outcomes.HasFlag(RewardOutcomes.Recognition)) list.Add(OutcomeExplanations.Recognition);
        if (outcomes.HasFlag(RewardOutcomes.Incentive)) list.Add(OutcomeExplanations.Incentive);
        if (outcomes.HasFlag(RewardOutcomes.PromotionRecommendation)) list.Add(OutcomeExplanations.Promotion);
        if (outcomes.HasFlag(RewardOutcomes.StudyRecommendation))
            list.Add(studyKind == StudyKind.TugasBelajar ? OutcomeExplanations.StudyTugas : OutcomeExplanations.StudyIzin);
        if (outcomes.HasFlag(RewardOutcomes.DevelopmentRecommendation)) list.Add(OutcomeExplanations.Development);
        return string.Join("; ", list);
    }

    /// <summary>The study kind of the run's scheme version (izin belajar when the rules cannot be read).</summary>
    public static StudyKind StudyKindOf(string? rulesJson)
    {
        if (string.IsNullOrWhiteSpace(rulesJson)) return StudyKind.IzinBelajar;
        try
        {
            return RewardRules.FromJson(rulesJson).Study.Kind;
        }
        catch (System.Text.Json.JsonException)
        {
            return StudyKind.IzinBelajar;
        }
    }

    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? Blank : value.Trim();
}

/// <summary>A labelled line of a letter ("Nama", "Dr. Siti Aminah, S.Sos."). A null value is left blank (the Nomor a stamp fills in).</summary>
public sealed record LetterField(string Label, string? Value);
