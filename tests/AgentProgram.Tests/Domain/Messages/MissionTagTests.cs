using AgentProgram.Web.Domain.Messages;

namespace AgentProgram.Tests.Domain.Messages;

public class MissionTagTests
{
    [Fact]
    public void Transparansi_pushes_and_counts_sharing_views_reach_and_clicks()
    {
        Assert.Equal(MissionTactic.Push, MissionTag.Transparansi.Tactic());
        Assert.Equal([MissionKpi.AgentsSharing, MissionKpi.Views, MissionKpi.Reach, MissionKpi.ClicksToOfficialPage], MissionTag.Transparansi.Kpis());
    }

    [Fact]
    public void Partisipasi_pulls_and_counts_responses()
    {
        Assert.Equal(MissionTactic.Pull, MissionTag.Partisipasi.Tactic());
        Assert.Equal([MissionKpi.Comments, MissionKpi.Reposts, MissionKpi.Saves, MissionKpi.FormSignUps, MissionKpi.QuestionsRouted], MissionTag.Partisipasi.Kpis());
    }

    [Fact]
    public void Kolaborasi_networks_and_counts_co_creation()
    {
        Assert.Equal(MissionTactic.Networking, MissionTag.Kolaborasi.Tactic());
        Assert.Equal([MissionKpi.HashtagPostsByOthers, MissionKpi.PartnerReposts, MissionKpi.Ideas, MissionKpi.Attendance], MissionTag.Kolaborasi.Kpis());
        Assert.True(MissionTag.Kolaborasi.Emphasises(MissionKpi.Ideas));
        Assert.False(MissionTag.Kolaborasi.Emphasises(MissionKpi.Views));
    }

    [Fact]
    public void Every_kpi_belongs_to_exactly_one_tag()
    {
        var all = Enum.GetValues<MissionTag>().SelectMany(t => t.Kpis()).ToList();

        Assert.Equal(Enum.GetValues<MissionKpi>().Order(), all.Order());
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Every_tag_and_kpi_has_a_distinct_label()
    {
        var tagLabels = Enum.GetValues<MissionTag>().Select(t => t.Label()).ToList();
        var kpiLabels = Enum.GetValues<MissionKpi>().Select(k => k.Label()).ToList();

        Assert.Equal(tagLabels.Count, tagLabels.Distinct().Count());
        Assert.Equal(kpiLabels.Count, kpiLabels.Distinct().Count());
        Assert.StartsWith("Transparansi", MissionTag.Transparansi.Label(), StringComparison.Ordinal);
    }
}
