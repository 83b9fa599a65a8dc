using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Web.Domain.Rewards;

/// <summary>
/// The reward computation (pure, deterministic). Feed it every agent once with that agent's shares
/// (<see cref="AddAgent"/>, any order), then <see cref="Finish"/>: scores, ranks, outcomes and the
/// incentive budget are settled over all agents at the end. Decimal arithmetic throughout; every
/// share's points are rounded to hundredths (half away from zero) before they are summed, so a
/// statement's lines add up exactly to its totals.
/// <list type="number">
/// <item>Shares are taken in posting order (then report id). A share counts if it was posted inside the period,
/// is verified, and no cap is reached (per message, per local day, per period, checked in that order).</item>
/// <item>A counted share earns PointsPerShare × platform weight, the timeliness bonus when posted within N hours
/// of publication, and engagement: Σ metric × evidence% × points for the message's mission tag, plus the
/// tracked link's unique visitors (credited once per assignment and platform, to the first counted share)
/// and public responses; capped per share.</item>
/// <item>A finally rejected report (correction used) inside the period costs the deduction.</item>
/// <item>Participation = shares + timely − deductions (≥ 0); engagement is kept apart. Score =
/// w × participation ÷ best participation × 100 + (1 − w) × engagement ÷ best engagement × 100, the bests
/// taken over eligible agents, so a small account that shares everything is not beaten by one big account.</item>
/// <item>Eligible agents are ranked by score (ties share a rank: 1, 2, 2, 4); top percent = the tie group's last place ÷ ranked × 100.</item>
/// </list>
/// </summary>
public sealed class RewardEngine
{
    private readonly RewardRules _rules;
    private readonly PeriodWindow _window;
    private readonly IReadOnlyDictionary<(int AssignmentId, Platform Platform), int> _visitors;
    private readonly List<RewardResult> _results = [];
    private readonly HashSet<int> _seen = [];

    public RewardEngine(RewardRules rules, PeriodWindow window, IReadOnlyDictionary<(int AssignmentId, Platform Platform), int>? visitors = null)
    {
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _window = window ?? throw new ArgumentNullException(nameof(window));
        _visitors = visitors ?? new Dictionary<(int, Platform), int>();
        // Points per unit for each mission tag and metric, looked up once: per counted (weighted) unit for
        // the six post metrics (the weighting is in hundredths), per visitor or response for the other two.
        var missions = Enum.GetValues<MissionTag>();
        _perUnit = new decimal[missions.Max(m => (int)m) + 1, (int)EngagementMetric.PublicResponses + 1];
        foreach (var mission in missions)
            foreach (var metric in Enum.GetValues<EngagementMetric>())
                _perUnit[(int)mission, (int)metric] = metric is EngagementMetric.UniqueVisitors or EngagementMetric.PublicResponses
                    ? rules.PointsPer(mission, metric)
                    : rules.PointsPer(mission, metric) / 100m;
    }

    private readonly decimal[,] _perUnit;

    /// <summary>Computes one agent's lines and sub-scores. <paramref name="shares"/> must all be this agent's.</summary>
    public void AddAgent(AgentFacts agent, IEnumerable<ShareFacts> shares)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(shares);
        if (!_seen.Add(agent.AgentId)) throw new InvalidOperationException($"Agent {agent.AgentId} added twice.");

        var ordered = shares.ToList();
        ordered.Sort(static (a, b) => a.PostedUtc != b.PostedUtc ? a.PostedUtc.CompareTo(b.PostedUtc) : a.ReportId.CompareTo(b.ReportId));

        var perMessage = new Dictionary<int, int>();
        var perDay = new Dictionary<DateOnly, int>();
        var credited = new HashSet<(int, Platform)>();
        var counted = 0;
        var sharedAssignments = new HashSet<int>();
        decimal sharePts = 0, timelyPts = 0, deductions = 0, engagement = 0;
        var lines = new StringBuilder();
        var uncounted = 0;

        foreach (var s in ordered)
        {
            if (s.AgentId != agent.AgentId) throw new InvalidOperationException($"Report {s.ReportId} is not agent {agent.AgentId}'s.");
            StatementLine line;
            if (!_window.Contains(s.PostedUtc))
                line = new(s.ReportId, LineStatus.OutsidePeriod, 0, 0, 0, 0);
            else if (s.State == ReportState.Pending)
                line = new(s.ReportId, LineStatus.NotVerified, 0, 0, 0, 0);
            else if (s.State == ReportState.Rejected)
                line = s.CorrectionCount >= ReportWorkflow.MaxCorrections
                    ? new(s.ReportId, LineStatus.RejectedFinal, 0, 0, 0, Round(_rules.RejectedDeduction))
                    : new(s.ReportId, LineStatus.Rejected, 0, 0, 0, 0);
            else
            {
                var day = _window.LocalDay(s.PostedUtc);
                perMessage.TryGetValue(s.MessageId, out var onMessage);
                perDay.TryGetValue(day, out var onDay);
                if (_rules.CapPerMessage is { } cm && onMessage >= cm)
                    line = new(s.ReportId, LineStatus.CapPerMessage, 0, 0, 0, 0);
                else if (_rules.CapPerDay is { } cd && onDay >= cd)
                    line = new(s.ReportId, LineStatus.CapPerDay, 0, 0, 0, 0);
                else if (_rules.CapPerPeriod is { } cp && counted >= cp)
                    line = new(s.ReportId, LineStatus.CapPerPeriod, 0, 0, 0, 0);
                else
                {
                    perMessage[s.MessageId] = onMessage + 1;
                    perDay[day] = onDay + 1;
                    counted++;
                    sharedAssignments.Add(s.AssignmentId);
                    var visitors = credited.Add((s.AssignmentId, s.Platform)) && _visitors.TryGetValue((s.AssignmentId, s.Platform), out var v) ? v : 0;
                    line = new(s.ReportId, LineStatus.Counted,
                        Round(_rules.PointsPerShare * _rules.PlatformWeightOf(s.Platform)),
                        IsTimely(s) ? Round(_rules.TimelyBonus) : 0,
                        EngagementOf(s, visitors),
                        0,
                        visitors);
                }
            }
            if (line.Counted) { sharePts += line.SharePoints; timelyPts += line.TimelyPoints; engagement += line.EngagementPoints; }
            else uncounted++;
            deductions += line.Deduction;
            StatementLines.Append(lines, line);
        }

        _results.Add(new RewardResult
        {
            AgentId = agent.AgentId,
            UnitId = agent.UnitId,
            EmploymentType = agent.Type,
            Ineligible = IneligibilityOf(agent),
            SharePoints = sharePts,
            TimelyPoints = timelyPts,
            DeductionPoints = deductions,
            Participation = Math.Max(0, sharePts + timelyPts - deductions),
            Engagement = engagement,
            CountedShares = counted,
            UncountedShares = uncounted,
            Assignments = agent.Assignments,
            AssignmentsShared = Math.Min(sharedAssignments.Count, agent.Assignments),
            Lines = lines.ToString(),
        });
        _previous[agent.AgentId] = agent.PreviousTopPercents ?? [];
    }

    private readonly Dictionary<int, IReadOnlyList<decimal?>> _previous = [];

    private bool IsTimely(in ShareFacts s)
    {
        var after = s.PostedUtc - s.PublishedUtc;
        return _rules.TimelyBonus > 0 && after >= TimeSpan.Zero && after <= TimeSpan.FromHours(_rules.TimelyWithinHours);
    }

    private decimal EngagementOf(in ShareFacts s, int visitors)
    {
        decimal sum = 0;
        var m = (int)s.Mission;
        foreach (var kind in MetricValues.Kinds)
        {
            var weighted = s.Metrics[kind];
            if (weighted == 0) continue;
            var per = _perUnit[m, (int)kind];
            if (per != 0) sum += weighted * per;
        }
        if (visitors > 0) sum += visitors * _perUnit[m, (int)EngagementMetric.UniqueVisitors];
        if (s.Responses > 0) sum += s.Responses * _perUnit[m, (int)EngagementMetric.PublicResponses];
        return Round(Math.Min(sum, _rules.EngagementCapPerShare));
    }

    private IneligibleReasons IneligibilityOf(AgentFacts a)
    {
        var r = IneligibleReasons.None;
        if (a.LegalStatus != LegalStatus.Aktif) r |= IneligibleReasons.LegalStatusNotActive;
        if (a.DisciplinarySanction) r |= IneligibleReasons.DisciplinarySanction;
        if (a.NeutralityBreach) r |= IneligibleReasons.NeutralityBreach;
        if (IsPppk(a.Type) && (a.ContractEnd is not { } end || end < _window.End)) r |= IneligibleReasons.ContractNotCurrent;
        if (a.ConsentWithdrawn) r |= IneligibleReasons.ConsentWithdrawn;
        return r;
    }

    public static bool IsPppk(EmploymentType t) => t is EmploymentType.Pppk or EmploymentType.PppkParuhWaktu;

    /// <summary>Settles scores, ranks, outcomes and incentives over every agent added. Results are ordered by agent id.</summary>
    public IReadOnlyList<RewardResult> Finish()
    {
        _results.Sort(static (a, b) => a.AgentId.CompareTo(b.AgentId));
        var eligible = _results.Where(r => r.IsEligible).ToList();
        var basis = eligible.Count > 0 ? eligible : _results;
        var bestP = basis.Count == 0 ? 0 : basis.Max(r => r.Participation);
        var bestE = basis.Count == 0 ? 0 : basis.Max(r => r.Engagement);
        var wP = _rules.ParticipationWeightPercent / 100m;
        foreach (var r in _results)
        {
            var p = bestP == 0 ? 0 : r.Participation / bestP * 100m;
            var e = bestE == 0 ? 0 : r.Engagement / bestE * 100m;
            r.Score = Round(wP * p + (1 - wP) * e);
        }

        Rank(eligible, (r, rank) => r.Rank = rank);
        foreach (var unit in eligible.GroupBy(r => r.UnitId))
            Rank([.. unit], (r, rank) => r.UnitRank = rank);
        // Top percent counts a tie group at its last place: five agents tied for first of 100 are each in
        // the top 5%, not the top 1%, so a percentage gate is never met by a tie that straddles it.
        for (var i = 0; i < eligible.Count;)
        {
            var j = i;
            while (j + 1 < eligible.Count && eligible[j + 1].Score == eligible[i].Score) j++;
            var top = Math.Round((j + 1) * 100m / eligible.Count, 4, MidpointRounding.AwayFromZero);
            for (var k = i; k <= j; k++) eligible[k].TopPercent = top;
            i = j + 1;
        }

        foreach (var r in _results) Outcomes(r);
        ApplyIncentives(eligible);
        return _results;
    }

    private static void Rank(List<RewardResult> list, Action<RewardResult, int> set)
    {
        list.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.AgentId.CompareTo(b.AgentId));
        var rank = 0;
        for (var i = 0; i < list.Count; i++)
        {
            if (i == 0 || list[i].Score != list[i - 1].Score) rank = i + 1;
            set(list[i], rank);
        }
    }

    private void Outcomes(RewardResult r)
    {
        r.PromotionStreak = 0;
        if (!r.IsEligible || r.TopPercent is not { } top) return;
        var rules = _rules;
        var outcomes = RewardOutcomes.None;

        var rec = rules.Recognition;
        if (r.Score > 0 && ((rec.TopN is { } n && r.Rank <= n) || (rec.MinScore is { } min && r.Score >= min)))
            outcomes |= RewardOutcomes.Recognition;

        var rate = ParticipationPercent(r);
        if (r.EmploymentType == EmploymentType.Pns)
        {
            var streak = top <= rules.Promotion.TopPercent && r.Score > 0 ? 1 : 0;
            if (streak == 1)
                foreach (var previous in _previous[r.AgentId])
                {
                    if (previous is { } p && p <= rules.Promotion.TopPercent) streak++;
                    else break;
                }
            r.PromotionStreak = streak;
            if (rules.Promotion.Enabled && streak >= rules.Promotion.ConsecutivePeriods && rate >= rules.Promotion.MinParticipationPercent)
                outcomes |= RewardOutcomes.PromotionRecommendation;
            if (rules.Study.Enabled && r.Score > 0 && top <= rules.Study.TopPercent && rate >= rules.Study.MinParticipationPercent)
                outcomes |= RewardOutcomes.StudyRecommendation;
        }
        else if (IsPppk(r.EmploymentType) && rules.Development.Enabled && r.Score > 0 && top <= rules.Development.TopPercent && rate >= rules.Development.MinParticipationPercent)
            outcomes |= RewardOutcomes.DevelopmentRecommendation;

        r.Outcomes = outcomes;
    }

    /// <summary>Assignments with at least one counted share, in percent of the period's assignments (0 when none).</summary>
    public static decimal ParticipationPercent(RewardResult r) =>
        r.Assignments == 0 ? 0 : Math.Round(r.AssignmentsShared * 100m / r.Assignments, 2, MidpointRounding.AwayFromZero);

    private void ApplyIncentives(List<RewardResult> eligible)
    {
        var rule = _rules.Incentive;
        if (!rule.IsLawful) return;
        var paid = new List<RewardResult>();
        foreach (var r in eligible)
        {
            if (r.Score <= 0) continue;
            var tier = rule.TierList.FirstOrDefault(t => r.Rank >= t.FromRank && r.Rank <= t.ToRank);
            if (tier is null || tier.Amount <= 0) continue;
            r.IncentiveTierAmount = tier.Amount;
            r.IncentiveAmount = tier.Amount;
            r.Outcomes |= RewardOutcomes.Incentive;
            paid.Add(r);
        }
        var total = paid.Sum(r => r.IncentiveTierAmount);
        if (total <= rule.Budget) return;

        // Pro rata to whole rupiah: floor every share, then hand the remaining rupiah one each to the
        // largest remainders (ties: better rank, then agent id). The total is then exactly the budget.
        var remainders = new List<(RewardResult R, long Remainder)>(paid.Count);
        long given = 0;
        foreach (var r in paid)
        {
            var numerator = (System.Numerics.BigInteger)r.IncentiveTierAmount * rule.Budget;
            var amount = (long)System.Numerics.BigInteger.DivRem(numerator, total, out var rem);
            r.IncentiveAmount = amount;
            given += amount;
            remainders.Add((r, (long)rem));
        }
        remainders.Sort(static (a, b) => a.Remainder != b.Remainder ? b.Remainder.CompareTo(a.Remainder)
            : a.R.Rank != b.R.Rank ? a.R.Rank!.Value.CompareTo(b.R.Rank!.Value) : a.R.AgentId.CompareTo(b.R.AgentId));
        for (var i = 0; given < rule.Budget && i < remainders.Count; i++, given++)
            remainders[i].R.IncentiveAmount++;
        foreach (var r in paid)
            if (r.IncentiveAmount == 0) r.Outcomes &= ~RewardOutcomes.Incentive;
    }

    private static decimal Round(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);

    /// <summary>SHA-256 over the results in a canonical text form (agent order, invariant numbers).</summary>
    public static string HashOf(IEnumerable<RewardResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var c = CultureInfo.InvariantCulture;
        foreach (var r in results.OrderBy(r => r.AgentId))
        {
            var row = string.Join('|', r.AgentId.ToString(c), ((int)r.Ineligible).ToString(c), r.Participation.ToString(c), r.Engagement.ToString(c),
                r.Score.ToString(c), r.Rank?.ToString(c), r.UnitRank?.ToString(c), r.TopPercent?.ToString(c), ((int)r.Outcomes).ToString(c),
                r.IncentiveAmount.ToString(c), r.PromotionStreak.ToString(c), r.Lines) + "\n";
            sha.AppendData(Encoding.UTF8.GetBytes(row));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>Convenience for tests and small runs: every agent with its shares, then <see cref="Finish"/>.</summary>
    public static IReadOnlyList<RewardResult> Compute(RewardRules rules, PeriodWindow window, IEnumerable<AgentFacts> agents, IEnumerable<ShareFacts> shares,
        IReadOnlyDictionary<(int AssignmentId, Platform Platform), int>? visitors = null)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(shares);
        var engine = new RewardEngine(rules, window, visitors);
        var byAgent = shares.ToLookup(s => s.AgentId);
        foreach (var a in agents) engine.AddAgent(a, byAgent[a.AgentId]);
        return engine.Finish();
    }
}
