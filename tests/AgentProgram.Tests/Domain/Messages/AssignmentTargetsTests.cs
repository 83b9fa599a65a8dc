using System.Diagnostics;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Messages;

namespace AgentProgram.Tests.Domain.Messages;

public class AssignmentTargetsTests
{
    // 1 Sekretariat Daerah
    // ├─ 2 Bagian Umum
    // │  └─ 4 Subbagian Rumah Tangga
    // │     └─ 6 Tim Protokol
    // └─ 3 Bagian Humas
    // 5 Dinas Kesehatan
    // └─ 7 Bidang P2P
    private static readonly Dictionary<int, int?> Tree = new()
    {
        [1] = null, [2] = 1, [3] = 1, [4] = 2, [5] = null, [6] = 4, [7] = 5,
    };

    private static readonly AssignableAgent[] Agents =
    [
        new(101, 1, AgentStatus.Active),
        new(102, 2, AgentStatus.Active),
        new(103, 3, AgentStatus.Active),
        new(104, 4, AgentStatus.Active),
        new(105, 5, AgentStatus.Active),
        new(106, 6, AgentStatus.Active),
        new(107, 7, AgentStatus.Active),
        new(108, 2, AgentStatus.Suspended),
        new(109, 4, AgentStatus.Ended),
        new(110, 3, AgentStatus.Active, Eligible: false),
        new(111, null, AgentStatus.Active),
    ];

    private static AssignmentResult Compute(AssignmentTargetSpec spec) => AssignmentTargets.Compute(spec, Tree, Agents);

    [Fact]
    public void All_agents_means_every_active_eligible_agent_including_those_without_a_unit()
    {
        var result = Compute(AssignmentTargetSpec.Everyone);

        Assert.Equal([101, 102, 103, 104, 105, 106, 107, 111], result.AgentIds);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void A_unit_without_sub_units_takes_only_its_own_agents()
    {
        Assert.Equal([102], Compute(AssignmentTargetSpec.ForUnits(new UnitTarget(2, IncludeSubUnits: false))).AgentIds);
    }

    [Fact]
    public void A_unit_with_sub_units_takes_its_whole_subtree_at_any_depth()
    {
        Assert.Equal([102, 104, 106], Compute(AssignmentTargetSpec.ForUnits(new UnitTarget(2, IncludeSubUnits: true))).AgentIds);
        Assert.Equal([101, 102, 103, 104, 106], Compute(AssignmentTargetSpec.ForUnits(new UnitTarget(1, IncludeSubUnits: true))).AgentIds);
    }

    [Fact]
    public void Overlapping_targets_assign_each_agent_once()
    {
        var spec = new AssignmentTargetSpec(false,
            [new UnitTarget(1, true), new UnitTarget(2, true), new UnitTarget(4, false), new UnitTarget(4, true)],
            [102, 104, 104, 107]);

        var result = Compute(spec);

        Assert.Equal([101, 102, 103, 104, 106, 107], result.AgentIds);
        Assert.Equal(result.AgentIds.Count, result.AgentIds.Distinct().Count());
    }

    [Fact]
    public void A_unit_taken_alone_first_and_then_inside_a_subtree_still_brings_its_own_sub_units()
    {
        // Unit 4 alone first, then its ancestor 2 with sub-units: 4's child 6 must still be included.
        var result = Compute(AssignmentTargetSpec.ForUnits(new UnitTarget(4, false), new UnitTarget(2, true)));

        Assert.Equal([102, 104, 106], result.AgentIds);
    }

    [Fact]
    public void All_agents_with_other_targets_is_still_everyone_once()
    {
        var spec = new AssignmentTargetSpec(true, [new UnitTarget(2, true)], [101, 102]);

        Assert.Equal(Compute(AssignmentTargetSpec.Everyone).AgentIds, Compute(spec).AgentIds);
    }

    [Fact]
    public void Inactive_or_ineligible_chosen_agents_are_skipped_and_counted()
    {
        var result = Compute(AssignmentTargetSpec.ForAgents(101, 108, 109, 110));

        Assert.Equal([101], result.AgentIds);
        Assert.Equal(3, result.InactiveChosenSkipped);
        var note = Assert.Single(result.Notes);
        Assert.Equal(PolicyMessageTexts.TargetsInactiveSkipped, note.Format);
        Assert.Equal([3], note.Args);
    }

    [Fact]
    public void Inactive_agents_in_a_chosen_unit_are_left_out_silently()
    {
        var result = Compute(AssignmentTargetSpec.ForUnits(new UnitTarget(2, true)));

        Assert.DoesNotContain(108, result.AgentIds);
        Assert.DoesNotContain(109, result.AgentIds);
        Assert.Equal(0, result.InactiveChosenSkipped);
    }

    [Fact]
    public void Unknown_units_and_agents_are_reported()
    {
        var spec = new AssignmentTargetSpec(false, [new UnitTarget(99, true), new UnitTarget(3, false)], [500, 103]);

        var result = Compute(spec);

        Assert.Equal([103], result.AgentIds);
        Assert.Equal([99], result.UnknownUnitIds);
        Assert.Equal([500], result.UnknownAgentIds);
        Assert.Equal([PolicyMessageTexts.TargetsUnknownUnits, PolicyMessageTexts.TargetsUnknownAgents], result.Notes.Select(n => n.Format));
    }

    [Fact]
    public void An_empty_spec_is_a_problem_not_an_empty_assignment()
    {
        var result = Compute(new AssignmentTargetSpec(false, [], []));

        Assert.True(result.SpecEmpty);
        Assert.Empty(result.AgentIds);
        Assert.Equal(PolicyMessageTexts.TargetsEmpty, result.Notes[0].Format);
    }

    [Fact]
    public void Targets_with_no_active_agent_say_so()
    {
        var result = Compute(AssignmentTargetSpec.ForAgents(108));

        Assert.Empty(result.AgentIds);
        Assert.Equal(PolicyMessageTexts.TargetsNoActiveAgent, result.Notes[0].Format);
    }

    [Fact]
    public void A_cycle_in_the_unit_tree_does_not_hang()
    {
        var cyclic = new Dictionary<int, int?> { [1] = 3, [2] = 1, [3] = 2 };
        var agents = new AssignableAgent[] { new(1, 1, AgentStatus.Active), new(2, 2, AgentStatus.Active), new(3, 3, AgentStatus.Active) };

        var result = AssignmentTargets.Compute(AssignmentTargetSpec.ForUnits(new UnitTarget(2, true)), cyclic, agents);

        Assert.Equal([1, 2, 3], result.AgentIds);
    }

    [Fact]
    public void Eighty_thousand_agents_with_overlapping_unit_and_agent_targets_are_computed_fast_and_exactly()
    {
        // 1 root → 20 directorates → 10 sub-directorates each → 5 sections each: 1 + 20 + 200 + 1,000 units.
        var tree = new Dictionary<int, int?> { [1] = null };
        var next = 2;
        var sectionsOfDirectorate = new Dictionary<int, List<int>>();
        var directorates = new List<int>();
        for (var d = 0; d < 20; d++)
        {
            var dir = next++;
            tree[dir] = 1;
            directorates.Add(dir);
            sectionsOfDirectorate[dir] = [dir];
            for (var s = 0; s < 10; s++)
            {
                var sub = next++;
                tree[sub] = dir;
                sectionsOfDirectorate[dir].Add(sub);
                for (var x = 0; x < 5; x++)
                {
                    var sec = next++;
                    tree[sec] = sub;
                    sectionsOfDirectorate[dir].Add(sec);
                }
            }
        }
        var units = tree.Keys.Order().ToArray();
        // Agents spread over all units; every 10th suspended.
        var agents = Enumerable.Range(1, 80_000)
            .Select(i => new AssignableAgent(i, units[i % units.Length], i % 10 == 0 ? AgentStatus.Suspended : AgentStatus.Active))
            .ToArray();

        var targetDirs = directorates.Take(5).ToList();
        var chosen = Enumerable.Range(1, 80_000).Where(i => i % 7 == 0).ToArray();
        var spec = new AssignmentTargetSpec(false,
            [.. targetDirs.Select(d => new UnitTarget(d, true)), new UnitTarget(targetDirs[0], false), new UnitTarget(sectionsOfDirectorate[targetDirs[1]][3], true)],
            chosen);

        var sw = Stopwatch.StartNew();
        var result = AssignmentTargets.Compute(spec, tree, agents);
        sw.Stop();

        var inScope = targetDirs.SelectMany(d => sectionsOfDirectorate[d]).ToHashSet();
        var expected = agents.Where(a => a.Status == AgentStatus.Active && (inScope.Contains(a.UnitId!.Value) || a.AgentId % 7 == 0)).Select(a => a.AgentId).Order().ToList();
        Assert.Equal(expected, result.AgentIds);
        Assert.Equal(result.AgentIds.Count, result.AgentIds.Distinct().Count());
        Assert.True(result.AgentIds.Count > 20_000, $"only {result.AgentIds.Count}");
        Assert.Equal(chosen.Count(i => i % 10 == 0), result.InactiveChosenSkipped);
        Assert.True(sw.ElapsedMilliseconds < 1_000, $"took {sw.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Target_units_for_a_whole_tree_cover_every_unit()
    {
        Assert.Equal([1, 2, 3, 4, 6], AssignmentTargets.TargetUnits([new UnitTarget(1, true)], Tree).Order());
        Assert.Equal([5, 7], AssignmentTargets.TargetUnits([new UnitTarget(5, true), new UnitTarget(7, false)], Tree).Order());
    }
}
