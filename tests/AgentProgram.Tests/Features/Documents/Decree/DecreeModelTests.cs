using AgentProgram.Tests.Features.Documents.Letters;
using AgentProgram.Web.Features.Documents.Decree;
using AgentProgram.Web.Features.Documents.Letters;

namespace AgentProgram.Tests.Features.Documents.Decree;

public sealed class DecreeModelTests(DocumentDataApp app) : IClassFixture<DocumentDataApp>
{
    private Task<DecreeModel?> Build(int periodId) =>
        app.Handle<DecreeModel?, DecreeModelHandler>(h => h.BuildAsync(periodId, DocumentDataApp.IssuedOn));

    [Fact]
    public async Task The_lampiran_lists_exactly_the_agents_enrolled_and_active_at_the_period_end()
    {
        var model = (await Build(app.PeriodId))!;
        var expected = app.Agents.Select(a => a.AgentId).Append(app.SuspendedLaterAgentId).Order();
        Assert.Equal(expected, model.Agents.Select(a => a.AgentId).Order());
        Assert.DoesNotContain(model.Agents, a => a.AgentId == app.EndedAgentId);
        Assert.DoesNotContain(model.Agents, a => a.AgentId == app.LateAgentId);
        Assert.Equal(Enumerable.Range(1, model.Agents.Count), model.Agents.Select(a => a.Number));

        // By unit name, agents without a unit last, then by name.
        Assert.Equal("Badan Keuangan", model.Agents[0].Unit);
        Assert.Equal(DocumentTexts.NoUnit, model.Agents[^1].Unit);
        var units = model.Agents.Select(a => a.Unit).Distinct().ToList();
        Assert.Equal(["Badan Keuangan", "Dinas Kesehatan", "Dinas Kominfo", DocumentTexts.NoUnit], units);
        // By name, not by degree: "Dr. Siti Aminah" sorts under S.
        Assert.Equal(["Andi Wijaya", "Hendra Gunawan", "Dr. Siti Aminah, S.Sos., M.Si.", "Tono Sugiarto", "Wayan Putra, S.Kom."],
            model.Agents.Where(a => a.Unit == "Dinas Kominfo").Select(a => a.Name));

        var siti = Assert.Single(model.Agents, a => a.AgentId == app["siti"].AgentId);
        Assert.Equal("Dr. Siti Aminah, S.Sos., M.Si.", siti.Name);
        Assert.Equal("19860926 201505 1 001", siti.Nip);
        Assert.Equal("III/d", siti.Grade);
        Assert.Equal("Pranata Humas Siti", siti.Position);
        Assert.Equal("IX", Assert.Single(model.Agents, a => a.AgentId == app["wayan"].AgentId).Grade);
    }

    [Fact]
    public async Task The_decree_has_heading_considerations_references_diktum_and_signer()
    {
        var model = (await Build(app.PeriodId))!;
        Assert.Equal("KEPUTUSAN WALI KOTA UJI", model.Heading);
        Assert.Equal("NOMOR", model.NumberLabel);
        Assert.Equal("TENTANG", model.AboutLabel);
        Assert.Equal("PENETAPAN AGEN KOMUNIKASI PEMERINTAH KOTA UJI PERIODE OKTOBER 2026", model.Topic);
        Assert.Equal("WALI KOTA UJI,", model.Authority);
        Assert.Equal("Menimbang", model.ConsideringLabel);
        Assert.Equal(["a.", "b.", "c."], model.Considering.Select(c => c.Marker));
        Assert.Contains("Pemerintah Kota Uji", model.Considering[0].Text, StringComparison.Ordinal);
        Assert.Equal("Mengingat", model.RecallingLabel);
        Assert.Contains(model.Recalling, c => c.Text.Contains("Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara", StringComparison.Ordinal));
        Assert.Contains(model.Recalling, c => c.Text.Contains("Nomor 27 Tahun 2014", StringComparison.Ordinal) && c.Text.Contains("Agen Perubahan", StringComparison.Ordinal));
        Assert.Equal("MEMUTUSKAN:", model.Decides);
        Assert.Equal("Menetapkan", model.EnactingLabel);
        Assert.StartsWith("KEPUTUSAN WALI KOTA UJI TENTANG PENETAPAN AGEN KOMUNIKASI", model.Enacting, StringComparison.Ordinal);
        Assert.Equal(["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"], model.Articles.Select(a => a.Marker));
        Assert.Contains("Lampiran", model.Articles[0].Text, StringComparison.Ordinal);
        Assert.Contains("1 Oktober 2026 s.d. 31 Oktober 2026", model.Articles[0].Text, StringComparison.Ordinal);
        Assert.Equal(4, model.Articles[1].Items.Count);
        Assert.Equal("Kota Uji", model.EnactedAt);
        Assert.Equal("10 November 2026", model.EnactedOn);
        Assert.Equal(DocumentDataApp.HeadTitle, model.Signature!.PositionTitle);
        Assert.Equal("LAMPIRAN", model.AppendixHeading[0]);
        Assert.Equal(["No.", "Nama", "NIP", "Gol.", "Jabatan", "Unit Kerja"], model.AppendixColumns);
        Assert.Equal($"decree:period:{app.PeriodId}", model.SubjectKey);
        Assert.Contains(DocumentDataApp.PeriodName, model.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(model.Texts(), t => t.Contains('{', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_period_without_a_run_still_has_a_decree_and_an_unknown_period_has_none()
    {
        var november = (await Build(app.NoRunPeriodId))!;
        // By the end of November the late agent is enrolled, the suspended one is not active any more.
        Assert.Contains(november.Agents, a => a.AgentId == app.LateAgentId);
        Assert.DoesNotContain(november.Agents, a => a.AgentId == app.SuspendedLaterAgentId);
        Assert.Null(await Build(999_999));
    }

    [Fact]
    public void Without_a_head_of_institution_the_title_falls_back_to_kepala_and_the_institution()
    {
        var model = DecreeModelHandler.Decree(1, "Oktober 2026", DocumentDataApp.Start, DocumentDataApp.End, DocumentDataApp.IssuedOn,
            new("Dinas Uji", [], null, null, null), null, null, []);
        Assert.Equal("KEPUTUSAN KEPALA DINAS UJI", model.Heading);
        Assert.Equal(DocumentTexts.Placeholder, model.EnactedAt);
        Assert.Null(model.Signature);
        Assert.Empty(model.Agents);
    }
}
