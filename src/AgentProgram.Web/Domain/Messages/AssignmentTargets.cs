using AgentProgram.Web.Domain.Agents;

namespace AgentProgram.Web.Domain.Messages;

/// <summary>A unit chosen as a target, with or without the units below it.</summary>
public readonly record struct UnitTarget(int UnitId, bool IncludeSubUnits);

/// <summary>Who a message is assigned to: all agents, and/or units, and/or chosen agents (the union).</summary>
public sealed record AssignmentTargetSpec(bool AllAgents, IReadOnlyCollection<UnitTarget> Units, IReadOnlyCollection<int> AgentIds)
{
    public static AssignmentTargetSpec Everyone { get; } = new(true, [], []);

    public static AssignmentTargetSpec ForUnits(params UnitTarget[] units) => new(false, units, []);

    public static AssignmentTargetSpec ForAgents(params int[] agentIds) => new(false, [], agentIds);

    public bool IsEmpty => !AllAgents && Units.Count == 0 && AgentIds.Count == 0;
}

/// <summary>
/// An agent as the assignment rule needs it. <paramref name="Eligible"/> is the employee side
/// (kedudukan hukum Aktif, no sanction, PPPK contract valid: DOMAIN.md §4); only agents that are
/// <see cref="AgentStatus.Active"/> and eligible are assigned.
/// </summary>
public readonly record struct AssignableAgent(int AgentId, int? UnitId, AgentStatus Status, bool Eligible = true)
{
    public bool CanBeAssigned => Status == AgentStatus.Active && Eligible;
}

/// <summary>
/// The agents to assign (ascending ids, each once however many targets include them) and what was
/// left out, with Indonesian notes (localizer keys) for the officer.
/// </summary>
public sealed record AssignmentResult(
    IReadOnlyList<int> AgentIds,
    int InactiveChosenSkipped,
    IReadOnlyList<int> UnknownUnitIds,
    IReadOnlyList<int> UnknownAgentIds,
    bool SpecEmpty)
{
    /// <summary>Notes to show, each as (format, args) with int counts (formatted per culture); the first is a blocking problem when <see cref="AgentIds"/> is empty.</summary>
    public IReadOnlyList<(string Format, object[] Args)> Notes
    {
        get
        {
            var notes = new List<(string, object[])>();
            if (SpecEmpty) notes.Add((PolicyMessageTexts.TargetsEmpty, []));
            else if (AgentIds.Count == 0) notes.Add((PolicyMessageTexts.TargetsNoActiveAgent, []));
            if (InactiveChosenSkipped > 0) notes.Add((PolicyMessageTexts.TargetsInactiveSkipped, [InactiveChosenSkipped]));
            if (UnknownUnitIds.Count > 0) notes.Add((PolicyMessageTexts.TargetsUnknownUnits, [UnknownUnitIds.Count]));
            if (UnknownAgentIds.Count > 0) notes.Add((PolicyMessageTexts.TargetsUnknownAgents, [UnknownAgentIds.Count]));
            return notes;
        }
    }
}

/// <summary>
/// Turns a target spec into the set of agents to assign. One pass over the agents with hash sets:
/// linear in agents + units (80,000 agents in a few milliseconds). A unit with sub-units takes the
/// whole subtree (any depth; a cycle in bad data is walked once). Only active, eligible agents are
/// assigned; agents with no unit are reached by "all agents" or by choosing them.
/// </summary>
public static class AssignmentTargets
{
    /// <param name="unitParents">Every unit id mapped to its parent id (null for a top unit).</param>
    public static AssignmentResult Compute(AssignmentTargetSpec spec, IReadOnlyDictionary<int, int?> unitParents, IEnumerable<AssignableAgent> agents)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(unitParents);
        ArgumentNullException.ThrowIfNull(agents);
        if (spec.IsEmpty) return new AssignmentResult([], 0, [], [], SpecEmpty: true);

        var unknownUnits = spec.Units.Select(u => u.UnitId).Where(id => !unitParents.ContainsKey(id)).Distinct().Order().ToList();
        var units = spec.AllAgents ? [] : TargetUnits(spec.Units, unitParents);
        var chosen = spec.AgentIds.ToHashSet();
        var seenChosen = new HashSet<int>();

        var result = new List<int>();
        var added = new HashSet<int>();
        var inactiveChosen = 0;
        foreach (var a in agents)
        {
            var isChosen = chosen.Contains(a.AgentId);
            if (isChosen && !seenChosen.Add(a.AgentId)) continue; // the same agent listed twice in the input
            var targeted = spec.AllAgents || isChosen || (a.UnitId is int unit && units.Contains(unit));
            if (!targeted) continue;
            if (!a.CanBeAssigned)
            {
                if (isChosen) inactiveChosen++;
                continue;
            }
            if (added.Add(a.AgentId)) result.Add(a.AgentId);
        }
        result.Sort();

        var unknownAgents = chosen.Count == seenChosen.Count ? [] : chosen.Where(id => !seenChosen.Contains(id)).Order().ToList();
        return new AssignmentResult(result, inactiveChosen, unknownUnits, unknownAgents, SpecEmpty: false);
    }

    /// <summary>The unit ids the unit targets cover, sub-units included where asked.</summary>
    public static HashSet<int> TargetUnits(IEnumerable<UnitTarget> targets, IReadOnlyDictionary<int, int?> unitParents)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(unitParents);
        var set = new HashSet<int>();
        var walked = new HashSet<int>(); // units whose subtree is taken: each walked once, cycles included
        Dictionary<int, List<int>>? children = null;
        var stack = new Stack<int>();
        foreach (var t in targets)
        {
            if (!unitParents.ContainsKey(t.UnitId)) continue;
            set.Add(t.UnitId);
            if (!t.IncludeSubUnits) continue;
            children ??= ChildrenOf(unitParents);
            stack.Push(t.UnitId);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (!walked.Add(id)) continue;
                set.Add(id);
                if (!children.TryGetValue(id, out var kids)) continue;
                foreach (var k in kids)
                {
                    if (!walked.Contains(k)) stack.Push(k);
                }
            }
        }
        return set;
    }

    private static Dictionary<int, List<int>> ChildrenOf(IReadOnlyDictionary<int, int?> unitParents)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var (id, parent) in unitParents)
        {
            if (parent is not int p) continue;
            if (!children.TryGetValue(p, out var list)) children[p] = list = [];
            list.Add(id);
        }
        return children;
    }
}
