using System.Globalization;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardSchemes;

public sealed class PlatformWeightInput
{
    public Platform Platform { get; set; }
    public string? Weight { get; set; }
}

public sealed class EngagementWeightInput
{
    public MissionTag Mission { get; set; }
    public EngagementMetric Metric { get; set; }
    public string? PointsPerUnit { get; set; }
}

public sealed class EvidenceFactorInput
{
    public MetricSource Source { get; set; }
    public string? Percent { get; set; }
}

public sealed class TierInput
{
    public string? FromRank { get; set; }
    public string? ToRank { get; set; }
    public string? Amount { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(FromRank) && string.IsNullOrWhiteSpace(ToRank) && string.IsNullOrWhiteSpace(Amount);
}

public sealed class RecognitionInput
{
    public string? TopN { get; set; }
    public string? MinScore { get; set; }
}

public sealed class IncentiveInput
{
    public bool Enabled { get; set; }
    public string? LegalBasis { get; set; }
    public string? BudgetLine { get; set; }
    public string? Budget { get; set; }
    public List<TierInput> Tiers { get; set; } = [];
}

public sealed class PromotionInput
{
    public bool Enabled { get; set; }
    public string? TopPercent { get; set; }
    public string? ConsecutivePeriods { get; set; }
    public string? MinParticipationPercent { get; set; }
}

public sealed class StudyInput
{
    public bool Enabled { get; set; }
    public StudyKind Kind { get; set; } = StudyKind.IzinBelajar;
    public string? TopPercent { get; set; }
    public string? MinParticipationPercent { get; set; }
}

public sealed class DevelopmentInput
{
    public bool Enabled { get; set; }
    public string? TopPercent { get; set; }
    public string? MinParticipationPercent { get; set; }
}

/// <summary>
/// Every rule of a draft version as typed. Numbers are kept as text so a wrong entry comes back as typed;
/// field names follow <see cref="RewardRules"/> so <see cref="RewardRulesCheck"/> problems land beside their input.
/// Fixed rows: every platform, every mission × metric, every evidence source, <see cref="TierRows"/> tiers.
/// </summary>
public sealed class RulesForm : Shared.Conflicts.ConflictGuardedForm
{
    public const int TierRows = 5;

    public string? PointsPerShare { get; set; }
    public List<PlatformWeightInput> PlatformWeights { get; set; } = [];
    public string? CapPerMessage { get; set; }
    public string? CapPerDay { get; set; }
    public string? CapPerPeriod { get; set; }
    public string? TimelyWithinHours { get; set; }
    public string? TimelyBonus { get; set; }
    public string? RejectedDeduction { get; set; }
    public List<EngagementWeightInput> EngagementWeights { get; set; } = [];
    public string? EngagementCapPerShare { get; set; }
    public List<EvidenceFactorInput> EvidenceFactors { get; set; } = [];
    public string? ParticipationWeightPercent { get; set; }
    public RecognitionInput Recognition { get; set; } = new();
    public IncentiveInput Incentive { get; set; } = new();
    public PromotionInput Promotion { get; set; } = new();
    public StudyInput Study { get; set; } = new();
    public DevelopmentInput Development { get; set; } = new();

    /// <summary>The version's concurrency token as the page showed it.</summary>
    public int Version { get; set; }

    public static IEnumerable<(MissionTag Mission, EngagementMetric Metric)> EngagementCombinations =>
        from mission in Enum.GetValues<MissionTag>()
        from metric in Enum.GetValues<EngagementMetric>()
        select (mission, metric);

    public static RulesForm From(RewardRules r, int version) => new RulesForm
    {
        PointsPerShare = Dec(r.PointsPerShare),
        PlatformWeights = [.. Enum.GetValues<Platform>().Select(p => new PlatformWeightInput { Platform = p, Weight = Dec(r.PlatformWeightOf(p)) })],
        CapPerMessage = Int(r.CapPerMessage),
        CapPerDay = Int(r.CapPerDay),
        CapPerPeriod = Int(r.CapPerPeriod),
        TimelyWithinHours = Int(r.TimelyWithinHours),
        TimelyBonus = Dec(r.TimelyBonus),
        RejectedDeduction = Dec(r.RejectedDeduction),
        EngagementWeights = [.. EngagementCombinations.Select(c => new EngagementWeightInput { Mission = c.Mission, Metric = c.Metric, PointsPerUnit = Dec(r.PointsPer(c.Mission, c.Metric)) })],
        EngagementCapPerShare = Dec(r.EngagementCapPerShare),
        EvidenceFactors = [.. Enum.GetValues<MetricSource>().Select(s => new EvidenceFactorInput { Source = s, Percent = Int(r.EvidencePercent(s)) })],
        ParticipationWeightPercent = Int(r.ParticipationWeightPercent),
        Recognition = new() { TopN = Int(r.Recognition.TopN), MinScore = r.Recognition.MinScore is { } min ? Dec(min) : null },
        Incentive = new()
        {
            Enabled = r.Incentive.Enabled,
            LegalBasis = r.Incentive.LegalBasis,
            BudgetLine = r.Incentive.BudgetLine,
            Budget = r.Incentive.Budget == 0 ? null : Rupiah(r.Incentive.Budget),
            Tiers = [.. r.Incentive.TierList.Select(t => new TierInput { FromRank = Int(t.FromRank), ToRank = Int(t.ToRank), Amount = Rupiah(t.Amount) })],
        },
        Promotion = new() { Enabled = r.Promotion.Enabled, TopPercent = Dec(r.Promotion.TopPercent), ConsecutivePeriods = Int(r.Promotion.ConsecutivePeriods), MinParticipationPercent = Int(r.Promotion.MinParticipationPercent) },
        Study = new() { Enabled = r.Study.Enabled, Kind = r.Study.Kind, TopPercent = Dec(r.Study.TopPercent), MinParticipationPercent = Int(r.Study.MinParticipationPercent) },
        Development = new() { Enabled = r.Development.Enabled, TopPercent = Dec(r.Development.TopPercent), MinParticipationPercent = Int(r.Development.MinParticipationPercent) },
        Version = version,
    }.Normalized();

    /// <summary>One row per platform, mission × metric and source, in enum order, keeping what was typed; tiers padded to <see cref="TierRows"/>.</summary>
    public RulesForm Normalized()
    {
        var platforms = PlatformWeights.Where(w => Enum.IsDefined(w.Platform)).GroupBy(w => w.Platform).ToDictionary(g => g.Key, g => g.First().Weight);
        PlatformWeights = [.. Enum.GetValues<Platform>().Select(p => new PlatformWeightInput { Platform = p, Weight = platforms.GetValueOrDefault(p) })];
        var weights = EngagementWeights.Where(w => Enum.IsDefined(w.Mission) && Enum.IsDefined(w.Metric))
            .GroupBy(w => (w.Mission, w.Metric)).ToDictionary(g => g.Key, g => g.First().PointsPerUnit);
        EngagementWeights = [.. EngagementCombinations.Select(c => new EngagementWeightInput { Mission = c.Mission, Metric = c.Metric, PointsPerUnit = weights.GetValueOrDefault(c) })];
        var sources = EvidenceFactors.Where(f => Enum.IsDefined(f.Source)).GroupBy(f => f.Source).ToDictionary(g => g.Key, g => g.First().Percent);
        EvidenceFactors = [.. Enum.GetValues<MetricSource>().Select(s => new EvidenceFactorInput { Source = s, Percent = sources.GetValueOrDefault(s) })];
        var tiers = Incentive.Tiers.Take(TierRows).ToList();
        while (tiers.Count < TierRows) tiers.Add(new TierInput());
        Incentive.Tiers = tiers;
        return this;
    }

    /// <summary>
    /// The rules the form describes, or the fields that are not numbers. Blank platform weights count 1, blank
    /// engagement weights 0, blank evidence the default percent; blank caps mean no cap; blank tier rows are skipped.
    /// </summary>
    public (RewardRules? Rules, List<FieldError> Errors, IReadOnlyList<int> TierRowsUsed) ToRules(IStringLocalizer l)
    {
        Normalized();
        var p = new Parser(l);
        var tierRows = new List<int>();
        var tiers = new List<IncentiveTier>();
        for (var i = 0; i < Incentive.Tiers.Count; i++)
        {
            var t = Incentive.Tiers[i];
            if (t.IsBlank) continue;
            tierRows.Add(i);
            tiers.Add(new IncentiveTier(
                p.Int($"Incentive.Tiers[{i}].FromRank", t.FromRank, required: true) ?? 0,
                p.Int($"Incentive.Tiers[{i}].ToRank", t.ToRank, required: true) ?? 0,
                p.Rupiah($"Incentive.Tiers[{i}].Amount", t.Amount, required: true) ?? 0));
        }
        var rules = new RewardRules
        {
            PointsPerShare = p.Dec(nameof(PointsPerShare), PointsPerShare, required: true) ?? 0,
            PlatformWeights = [.. PlatformWeights.Select((w, i) => new PlatformWeight(w.Platform, p.Dec($"PlatformWeights[{i}].Weight", w.Weight) ?? 1m))],
            CapPerMessage = p.Int(nameof(CapPerMessage), CapPerMessage),
            CapPerDay = p.Int(nameof(CapPerDay), CapPerDay),
            CapPerPeriod = p.Int(nameof(CapPerPeriod), CapPerPeriod),
            TimelyWithinHours = p.Int(nameof(TimelyWithinHours), TimelyWithinHours, required: true) ?? 0,
            TimelyBonus = p.Dec(nameof(TimelyBonus), TimelyBonus) ?? 0,
            RejectedDeduction = p.Dec(nameof(RejectedDeduction), RejectedDeduction) ?? 0,
            EngagementWeights = [.. EngagementWeights.Select((w, i) => new EngagementWeight(w.Mission, w.Metric, p.Dec($"EngagementWeights[{i}].PointsPerUnit", w.PointsPerUnit) ?? 0))],
            EngagementCapPerShare = p.Dec(nameof(EngagementCapPerShare), EngagementCapPerShare, required: true) ?? 0,
            EvidenceFactors = [.. EvidenceFactors.Select((f, i) => new EvidenceFactor(f.Source, p.Int($"EvidenceFactors[{i}].Percent", f.Percent) ?? RewardRules.DefaultEvidence(f.Source)))],
            ParticipationWeightPercent = p.Int(nameof(ParticipationWeightPercent), ParticipationWeightPercent, required: true) ?? 0,
            Recognition = new RecognitionRule(p.Int("Recognition.TopN", Recognition.TopN), p.Dec("Recognition.MinScore", Recognition.MinScore)),
            Incentive = new IncentiveRule(Incentive.Enabled, Trim(Incentive.LegalBasis), Trim(Incentive.BudgetLine), p.Rupiah("Incentive.Budget", Incentive.Budget) ?? 0, tiers),
            Promotion = new PromotionRule(Promotion.Enabled, p.Dec("Promotion.TopPercent", Promotion.TopPercent, required: true) ?? 0,
                p.Int("Promotion.ConsecutivePeriods", Promotion.ConsecutivePeriods, required: true) ?? 0, p.Int("Promotion.MinParticipationPercent", Promotion.MinParticipationPercent, required: true) ?? 0),
            Study = new StudyRule(Study.Enabled, Study.Kind, p.Dec("Study.TopPercent", Study.TopPercent, required: true) ?? 0,
                p.Int("Study.MinParticipationPercent", Study.MinParticipationPercent, required: true) ?? 0),
            Development = new DevelopmentRule(Development.Enabled, p.Dec("Development.TopPercent", Development.TopPercent, required: true) ?? 0,
                p.Int("Development.MinParticipationPercent", Development.MinParticipationPercent, required: true) ?? 0),
        };
        return (p.Errors.Count == 0 ? rules : null, p.Errors, tierRows);
    }

    /// <summary>A <see cref="RewardRulesCheck"/> field path as the form names it (tier indices count filled rows only).</summary>
    public static string FormField(string field, IReadOnlyList<int> tierRowsUsed)
    {
        const string prefix = "Incentive.Tiers[";
        if (!field.StartsWith(prefix, StringComparison.Ordinal)) return field;
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(field.AsSpan(prefix.Length, close - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < tierRowsUsed.Count
            ? prefix + tierRowsUsed[i].ToString(CultureInfo.InvariantCulture) + field[close..]
            : field;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // Shown the way the parser reads it (Indonesian: "," decimal mark), whatever the interface language.
    private static string Dec(decimal d) => d.ToString("0.####", CultureInfo.GetCultureInfo("id-ID"));

    private static string? Int(int? i) => i?.ToString(CultureInfo.InvariantCulture);

    private static string Rupiah(long amount) => amount.ToString("#,0", CultureInfo.GetCultureInfo("id-ID"));

    private sealed class Parser(IStringLocalizer l)
    {
        public List<FieldError> Errors { get; } = [];

        /// <summary>
        /// A decimal in the Indonesian way: "," is the decimal mark and "." groups thousands ("1.000,5" is 1000.5).
        /// Because people also type "0.5", a single "." followed by one or two digits is read as a decimal point.
        /// Anything else with a "." must be proper thousands grouping ("1.000" is 1000, never 1); what cannot be read
        /// one way only ("0.001", "1.0000", "1,2,3") is refused rather than guessed.
        /// </summary>
        public decimal? Dec(string field, string? text, bool required = false)
        {
            if (Blank(field, text, required)) return null;
            if (ReadDecimal(text!.Trim()) is { } d) return d;
            Errors.Add(new(field, l[I18n.Key("Isi angka dengan koma sebagai tanda desimal, misalnya 0,5; titik hanya untuk ribuan, misalnya 1.000.")]));
            return null;
        }

        internal static decimal? ReadDecimal(string s)
        {
            var negative = s.StartsWith('-');
            if (negative) s = s[1..];
            string whole, fraction;
            var comma = s.IndexOf(',', StringComparison.Ordinal);
            if (comma >= 0)
            {
                (whole, fraction) = (s[..comma], s[(comma + 1)..]);
                if (fraction.Length == 0 || !AllDigits(fraction)) return null;
            }
            else if (s.Count(c => c == '.') == 1 && s.Length - s.IndexOf('.', StringComparison.Ordinal) - 1 is 1 or 2)
            {
                var dot = s.IndexOf('.', StringComparison.Ordinal);
                (whole, fraction) = (s[..dot], s[(dot + 1)..]);
                if (!AllDigits(fraction)) return null;
            }
            else (whole, fraction) = (s, "");
            if (WholeNumber(whole) is not { } digits) return null;
            var text = fraction.Length == 0 ? digits : digits + "." + fraction;
            return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? (negative ? -d : d) : null;
        }

        public int? Int(string field, string? text, bool required = false)
        {
            if (Blank(field, text, required)) return null;
            if (int.TryParse(text!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
            Errors.Add(new(field, l[I18n.Key("Isi bilangan bulat, misalnya 10.")]));
            return null;
        }

        /// <summary>
        /// Whole rupiah written the Indonesian way: optional "Rp", "." between thousands, and optionally ",00" (zero sen):
        /// "Rp1.000.000,00", "1.000.000" and "1000000" are all one million. Non-zero sen ("1.000,50") and anything that
        /// could be read two ways ("1,000,000", "1.000.00") are refused with a message, never silently inflated.
        /// </summary>
        public long? Rupiah(string field, string? text, bool required = false)
        {
            if (Blank(field, text, required)) return null;
            var (value, problem) = ReadRupiah(text!);
            if (value is { } v) return v;
            Errors.Add(new(field, l[problem!]));
            return null;
        }

        internal const string RupiahSen = "Nominal rupiah tidak memakai sen. Tulis tanpa sen, misalnya 1.000.000 (atau 1.000.000,00).";
        internal const string RupiahUnclear = "Isi nominal rupiah dengan titik sebagai pemisah ribuan, misalnya 1.000.000 atau Rp1.000.000,00.";

        internal static (long? Value, string? Problem) ReadRupiah(string text)
        {
            var s = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
            if (s.StartsWith("Rp", StringComparison.OrdinalIgnoreCase)) s = s[2..].TrimStart('.');
            var negative = s.StartsWith('-');
            if (negative) s = s[1..];
            var comma = s.IndexOf(',', StringComparison.Ordinal);
            if (comma >= 0)
            {
                var sen = s[(comma + 1)..];
                s = s[..comma];
                if (sen.Length is < 1 or > 2 || !AllDigits(sen)) return (null, I18n.Key(RupiahUnclear));
                if (sen.Any(c => c != '0')) return (null, I18n.Key(RupiahSen));
            }
            if (WholeNumber(s) is not { } digits) return (null, I18n.Key(RupiahUnclear));
            return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? (negative ? -v : v, null) : (null, I18n.Key(RupiahUnclear));
        }

        /// <summary>Plain digits, or digits grouped by "." in threes with a first group of 1–3 digits not starting with 0 ("12.345.678"); the digits without dots.</summary>
        private static string? WholeNumber(string s)
        {
            if (s.Length == 0) return null;
            if (!s.Contains('.', StringComparison.Ordinal)) return AllDigits(s) ? s : null;
            var groups = s.Split('.');
            if (groups[0].Length is < 1 or > 3 || groups[0][0] == '0' || !AllDigits(groups[0])) return null;
            return groups.Skip(1).All(g => g.Length == 3 && AllDigits(g)) ? string.Concat(groups) : null;
        }

        private static bool AllDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

        private bool Blank(string field, string? text, bool required)
        {
            if (!string.IsNullOrWhiteSpace(text)) return false;
            if (required) Errors.Add(new(field, l[I18n.Key("Wajib diisi.")]));
            return true;
        }
    }
}
