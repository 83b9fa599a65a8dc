using AgentProgram.Web.Domain.Aggregates;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.Documents.Summary;

namespace AgentProgram.Web.Infrastructure.Aggregates;

/// <summary>
/// The daily share rows, the agents' day bits and the heat-map cells of a rebuild from nothing, totalled in memory
/// from one pass over every report plus the clicks per local day. Reading the reports once in key order is what makes
/// the rebuild scale: a day's reports read through the posting-time index sit all over the table, so a day at a time
/// visits every page of it in random order, once per day. Memory grows with what is written (cells, agents' rows,
/// agent-weeks), not with the reports read.
/// </summary>
internal sealed class RebuildTotals(Func<DateTime, DateOnly> localDay, IReadOnlyDictionary<int, MissionTag> missions)
{
    private readonly Dictionary<(DateOnly Day, int Unit, int Message, Platform Platform), ShareFigures.Group> _shares = [];
    private readonly Dictionary<(DateOnly Day, int Unit, int Message, Platform Platform), (int Clicks, int Visitors)> _clicks = [];
    private readonly Dictionary<(int Agent, int Year, int Unit, MissionTag Mission, Platform Platform), AgentActivity> _activity = [];
    private readonly HashSet<(DateOnly Week, int Unit, int Agent)> _weeks = [];

    /// <summary>Counts one report into its day's cell; a verified one also sets its agent's day bit and marks the agent active in its unit's week.</summary>
    public void Add(ShareFigures.ReportFact f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var day = localDay(f.PostedUtc);
        var unit = f.UnitId ?? 0;
        var key = (day, unit, f.MessageId, f.Platform);
        if (!_shares.TryGetValue(key, out var cell)) _shares.Add(key, cell = new ShareFigures.Group());
        cell.Add(f);
        if (f.State != ReportState.Verified) return;

        var mission = missions[f.MessageId];
        var agentKey = (f.AgentId, day.Year, unit, mission, f.Platform);
        if (!_activity.TryGetValue(agentKey, out var row))
            _activity.Add(agentKey, row = new AgentActivity { AgentId = f.AgentId, Year = day.Year, UnitId = unit, Mission = mission, Platform = f.Platform });
        DayBits.Set(row, day);
        _weeks.Add((DayBits.WeekStart(day), unit, f.AgentId));
    }

    /// <summary>Adds one day cell's clicks and daily-unique visitors.</summary>
    public void Add(AggregateRefresher.ClickCell c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var key = (DateOnly.FromDateTime(c.Day), c.UnitId, c.MessageId, c.Platform);
        var (clicks, visitors) = _clicks.GetValueOrDefault(key);
        _clicks[key] = (clicks + c.Clicks, visitors + c.Visitors);
    }

    /// <summary>One row per day cell with reports or clicks, made as it is enumerated.</summary>
    public IEnumerable<DailyShareFigure> DailyShares()
    {
        foreach (var (key, cell) in _shares)
        {
            var row = AggregateRefresher.Daily(key.Day, key.Unit, key.Message, key.Platform, cell);
            (row.Clicks, row.Visitors) = _clicks.GetValueOrDefault(key);
            yield return row;
        }
        foreach (var (key, (clicks, visitors)) in _clicks)
        {
            if (_shares.ContainsKey(key)) continue;
            yield return new DailyShareFigure { Day = key.Day, UnitId = key.Unit, MessageId = key.Message, Platform = key.Platform, Clicks = clicks, Visitors = visitors };
        }
    }

    public IReadOnlyCollection<AgentActivity> Activity() => _activity.Values;

    /// <summary>Each agent's year: the OR of its activity rows of that year.</summary>
    public IEnumerable<AgentYearActivity> Years()
    {
        var years = new Dictionary<(int Agent, int Year), AgentYearActivity>();
        foreach (var a in _activity.Values)
        {
            if (!years.TryGetValue((a.AgentId, a.Year), out var y)) years.Add((a.AgentId, a.Year), y = new AgentYearActivity { AgentId = a.AgentId, Year = a.Year });
            y.Include(a);
        }
        return years.Values;
    }

    /// <summary>The heat-map cells: distinct agents with a verified share per (week, unit).</summary>
    public IEnumerable<UnitWeekActivity> Weeks() =>
        _weeks.CountBy(w => (w.Week, w.Unit)).Select(c => new UnitWeekActivity { WeekStart = c.Key.Week, UnitId = c.Key.Unit, ActiveAgents = c.Value });
}
