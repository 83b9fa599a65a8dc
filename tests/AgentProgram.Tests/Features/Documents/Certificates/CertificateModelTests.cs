using AgentProgram.Tests.Features.Documents.Letters;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Certificates;

namespace AgentProgram.Tests.Features.Documents.Certificates;

public sealed class CertificateModelTests(DocumentDataApp app) : IClassFixture<DocumentDataApp>
{
    private Task<IReadOnlyList<CertificateModel>?> All(int periodId) =>
        app.Handle<IReadOnlyList<CertificateModel>?, CertificateModelHandler>(h => h.BuildAllAsync(periodId, DocumentDataApp.IssuedOn));

    private Task<CertificateModel?> One(string key) =>
        app.Handle<CertificateModel?, CertificateModelHandler>(h => h.BuildOneAsync(app.PeriodId, app[key].AgentId, DocumentDataApp.IssuedOn));

    [Fact]
    public async Task Only_recognised_agents_get_a_certificate_by_rank()
    {
        var all = (await All(app.PeriodId))!;
        var expected = app.Agents.Where(a => a.Outcomes is { } o && o.HasFlag(RewardOutcomes.Recognition))
            .OrderBy(a => a.Rank).ThenBy(a => a.FullName, StringComparer.Ordinal).Select(a => a.Key);
        Assert.Equal(expected, all.Select(c => app.Agents.Single(a => a.AgentId == c.AgentId).Key));
        Assert.Equal(["siti", "budi", "andi", "wayan", "rina", "agus"], all.Select(c => app.Agents.Single(a => a.AgentId == c.AgentId).Key));
        Assert.Null(await One("dewi"));
        Assert.Null(await One("hendra"));
        Assert.Null(await All(app.NoRunPeriodId));
    }

    [Fact]
    public async Task A_certificate_names_the_agent_reason_and_the_head_of_the_institution()
    {
        var c = (await One("wayan"))!;
        Assert.Equal("PIAGAM PENGHARGAAN", c.Title);
        Assert.Equal("diberikan kepada", c.GivenTo);
        Assert.Equal(DocumentDataApp.Institution, c.InstitutionName);
        Assert.Equal("Wayan Putra, S.Kom.", c.RecipientName);
        Assert.Equal("20001231 202421 1 001", c.RecipientNip);
        Assert.Equal("Pranata Humas Wayan", c.Position);
        Assert.Equal("Dinas Kominfo", c.Unit);
        Assert.Equal(
            "atas partisipasi aktif sebagai Agen Komunikasi Pemerintah Kota Uji dalam menyebarluaskan informasi kebijakan pemerintah pada periode Oktober 2026 (1 Oktober 2026 s.d. 31 Oktober 2026).",
            c.Reason);
        Assert.Equal(DocumentDataApp.HeadTitle, c.Signature!.PositionTitle);
        Assert.Null(c.Signature.FormattedNip);
        Assert.Null(c.Signature.RankAndGrade);
        Assert.Equal("Piagam Penghargaan Wayan Putra, S.Kom., periode Oktober 2026", c.Subject);
        Assert.DoesNotContain("2000123120", c.Subject.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal($"certificate:period:{app.PeriodId}:agent:{app["wayan"].AgentId}", c.SubjectKey);
        Assert.Equal(DocumentDataApp.IssuedOn, c.IssuedOn);
        Assert.Equal(DocumentDataApp.Start, c.PeriodStart);
    }
}
