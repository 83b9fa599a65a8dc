using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Letters;

namespace AgentProgram.Tests.Features.Documents.Letters;

public sealed class RecommendationLetterTests(DocumentDataApp app) : IClassFixture<DocumentDataApp>
{
    private Task<IReadOnlyList<RecommendationLetterModel>?> All(int periodId) =>
        app.Handle<IReadOnlyList<RecommendationLetterModel>?, RecommendationLetterModelHandler>(h => h.BuildAllAsync(periodId, DocumentDataApp.IssuedOn));

    private Task<RecommendationLetterModel?> One(string key) =>
        app.Handle<RecommendationLetterModel?, RecommendationLetterModelHandler>(h => h.BuildOneAsync(app.PeriodId, app[key].AgentId, DocumentDataApp.IssuedOn));

    private Task<NotaDinasModel?> Nota(int periodId) =>
        app.Handle<NotaDinasModel?, NotaDinasModelHandler>(h => h.BuildAsync(periodId, DocumentDataApp.IssuedOn));

    private static string Value(IEnumerable<LetterField> fields, string label) => Assert.Single(fields, f => f.Label == label).Value!;

    [Fact]
    public async Task One_letter_per_recommended_agent_by_rank()
    {
        var letters = (await All(app.PeriodId))!;
        Assert.Equal(["siti", "wayan", "rina", "hendra", "made"], letters.Select(l => app.Agents.Single(a => a.AgentId == l.AgentId).Key));
        Assert.Equal(letters.Count, letters.Select(l => l.SubjectKey).Distinct().Count());
        Assert.Equal($"recommendation:period:{app.PeriodId}:agent:{app["siti"].AgentId}", letters[0].SubjectKey);
    }

    [Fact]
    public async Task A_pns_letter_names_pangkat_and_golongan_and_goes_to_the_tim_penilai_kinerja_for_promotion()
    {
        var letter = (await One("siti"))!;
        Assert.Equal("SURAT REKOMENDASI", letter.Title);
        Assert.Equal(EmploymentType.Pns, letter.EmploymentType);
        Assert.Equal(RewardOutcomes.PromotionRecommendation | RewardOutcomes.StudyRecommendation, letter.Recommendations);
        Assert.Equal("Yth. Ketua Tim Penilai Kinerja Pemerintah Kota Uji", letter.Addressee[0]);
        Assert.Equal([DocumentDataApp.HrTitle], letter.CarbonCopies);
        Assert.Equal("Yang bertanda tangan di bawah ini:", letter.Opening);
        Assert.Equal("dengan ini merekomendasikan:", letter.Recommends);

        Assert.Equal(["Nama", "NIP", "Pangkat/Gol.", "Jabatan", "Unit Kerja"], letter.Recommended.Select(f => f.Label));
        Assert.Equal("Dr. Siti Aminah, S.Sos., M.Si.", Value(letter.Recommended, "Nama"));
        Assert.Equal("19860926 201505 1 001", Value(letter.Recommended, "NIP"));
        Assert.Equal("Penata Tingkat I (III/d)", Value(letter.Recommended, "Pangkat/Gol."));
        Assert.Equal("Dinas Kominfo", Value(letter.Recommended, "Unit Kerja"));

        Assert.Equal(["Nama", "NIP", "Pangkat/Golongan", "Jabatan"], letter.Signer.Select(f => f.Label));
        Assert.Equal("19820315 200604 1 002", Value(letter.Signer, "NIP"));
        Assert.Equal("Pembina, IV/a", Value(letter.Signer, "Pangkat/Golongan"));
        Assert.Equal(DocumentDataApp.HumasTitle, Value(letter.Signer, "Jabatan"));
        Assert.Equal(DocumentDataApp.HumasTitle, letter.Signature!.PositionTitle);

        Assert.StartsWith("untuk dipertimbangkan dalam kenaikan pangkat/jabatan dan tugas belajar", letter.Body[0], StringComparison.Ordinal);
        Assert.Contains("Tim Penilai Kinerja dan Pejabat Pembina Kepegawaian", letter.Body[0], StringComparison.Ordinal);
        Assert.Contains("skor 98,5 dan peringkat 1 dari 10", letter.Body[1], StringComparison.Ordinal);
        Assert.Contains("1 Oktober 2026 s.d. 31 Oktober 2026", letter.Body[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wayan", "IX", "pengembangan kompetensi")]
    [InlineData("rina", "VII", "pengembangan kompetensi")]
    [InlineData("made", "X", "pengembangan kompetensi")]
    public async Task A_pppk_letter_has_golongan_only_no_pangkat_and_never_a_promotion(string key, string golongan, string phrase)
    {
        var letter = (await One(key))!;
        Assert.True(letter.EmploymentType.IsPppk());
        Assert.Equal(RewardOutcomes.DevelopmentRecommendation, letter.Recommendations);
        Assert.Equal(["Nama", "NIP", "Golongan", "Jabatan", "Unit Kerja"], letter.Recommended.Select(f => f.Label));
        Assert.Equal(golongan, Value(letter.Recommended, "Golongan"));
        Assert.Equal(Nip.FormatForDisplay(app[key].Nip), Value(letter.Recommended, "NIP"));
        Assert.Matches(@"^\d{8} \d{6} \d \d{3}$", Value(letter.Recommended, "NIP"));
        var agentTexts = letter.Body.Concat(letter.Addressee).Append(letter.Subject).Concat(letter.Recommended.SelectMany(f => new[] { f.Label, f.Value! }));
        Assert.All(agentTexts, t => Assert.DoesNotContain("pangkat", t, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("untuk dipertimbangkan dalam " + phrase, letter.Body[0], StringComparison.Ordinal);
        Assert.Equal("Yth. " + DocumentDataApp.HrTitle, letter.Addressee[0]);
        Assert.Empty(letter.CarbonCopies);
    }

    [Fact]
    public async Task A_study_only_letter_goes_to_hr_and_uses_the_scheme_study_kind()
    {
        var letter = (await One("hendra"))!;
        Assert.Equal(RewardOutcomes.StudyRecommendation, letter.Recommendations);
        Assert.Equal("Yth. " + DocumentDataApp.HrTitle, letter.Addressee[0]);
        Assert.StartsWith("untuk dipertimbangkan dalam tugas belajar", letter.Body[0], StringComparison.Ordinal);
        Assert.Equal("Penata Muda Tingkat I (III/b)", Value(letter.Recommended, "Pangkat/Gol."));
    }

    [Fact]
    public async Task Subjects_name_agent_period_and_kind_but_never_the_nip()
    {
        var letters = (await All(app.PeriodId))!;
        foreach (var l in letters)
        {
            var agent = app.Agents.Single(a => a.AgentId == l.AgentId);
            Assert.Contains(agent.FullName, l.Subject, StringComparison.Ordinal);
            Assert.Contains(DocumentDataApp.PeriodName, l.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain(agent.Nip, l.Subject.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        Assert.Equal("Surat Rekomendasi Dr. Siti Aminah, S.Sos., M.Si., periode Oktober 2026: kenaikan pangkat/jabatan dan tugas belajar", letters[0].Subject);
    }

    [Fact]
    public async Task No_text_of_a_letter_or_the_nota_dinas_says_ditetapkan_or_diberikan()
    {
        var letters = (await All(app.PeriodId))!;
        var nota = (await Nota(app.PeriodId))!;
        var empty = (await Nota(app.ProvisionalPeriodId))!;
        var texts = letters.SelectMany(l => l.Texts()).Concat(nota.Texts()).Concat(empty.Texts()).ToList();
        Assert.True(texts.Count > 100);
        foreach (var word in LetterWording.ForbiddenWords)
            Assert.All(texts, t => Assert.DoesNotContain(word, t, StringComparison.OrdinalIgnoreCase));
        Assert.All(letters, l => Assert.Contains(l.Body, b => b.Contains("dipertimbangkan", StringComparison.Ordinal)));
        Assert.Contains(nota.BodyBeforeTable, b => b.Contains("direkomendasikan untuk dipertimbangkan", StringComparison.Ordinal));

        // The scan itself can fail: a text that says it is found.
        Assert.Contains(LetterWording.ForbiddenWords, w => "Insentif ini DIBERIKAN kepada".Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task No_letter_for_an_agent_without_a_recommendation_or_a_period_without_a_run()
    {
        Assert.Null(await One("budi"));
        Assert.Null(await One("tono"));
        Assert.Null(await All(app.NoRunPeriodId));
        Assert.Null(await All(999_999));
        Assert.Empty((await All(app.ProvisionalPeriodId))!);
    }

    [Fact]
    public async Task The_nota_dinas_lists_exactly_the_recommended_agents_from_humas_to_hr()
    {
        var nota = (await Nota(app.PeriodId))!;
        Assert.Equal("NOTA DINAS", nota.Title);
        Assert.Equal(["Yth.", "Dari", "Tembusan", "Tanggal", "Nomor", "Sifat", "Lampiran", "Hal"], nota.Fields.Select(f => f.Label));
        Assert.Equal(DocumentDataApp.HrTitle, Value(nota.Fields, "Yth."));
        Assert.Equal(DocumentDataApp.HumasTitle, Value(nota.Fields, "Dari"));
        Assert.Equal(DocumentDataApp.HeadTitle, Value(nota.Fields, "Tembusan"));
        Assert.Equal("10 November 2026", Value(nota.Fields, "Tanggal"));
        Assert.Null(Assert.Single(nota.Fields, f => f.Label == "Nomor").Value);
        Assert.Equal("Biasa", Value(nota.Fields, "Sifat"));
        Assert.Contains("untuk Dipertimbangkan", Value(nota.Fields, "Hal"), StringComparison.Ordinal);
        Assert.Equal(DocumentDataApp.HumasTitle, nota.Signature!.PositionTitle);
        Assert.True(nota.IsFinal);
        Assert.Equal($"nota-dinas:period:{app.PeriodId}", nota.SubjectKey);

        var expected = app.Agents
            .Where(a => a.Outcomes is { } o && (o & DocumentTexts.RecommendationOutcomes) != 0)
            .OrderBy(a => a.Rank).Select(a => a.AgentId);
        Assert.Equal(expected, nota.Rows.Select(r => r.AgentId));
        Assert.Equal(Enumerable.Range(1, nota.Rows.Count), nota.Rows.Select(r => r.Number));
        Assert.Equal(7, nota.Columns.Count);

        var siti = nota.Rows[0];
        Assert.Equal("Dr. Siti Aminah, S.Sos., M.Si.", siti.Name);
        Assert.Equal("19860926 201505 1 001", siti.Nip);
        Assert.Equal("III/d", siti.Grade);
        Assert.Equal("Dinas Kominfo", siti.Unit);
        Assert.Equal("Kenaikan pangkat/jabatan dan tugas belajar", siti.Kinds);
        var made = Assert.Single(nota.Rows, r => r.AgentId == app["made"].AgentId);
        Assert.Equal(RewardOutcomes.DevelopmentRecommendation, made.Recommendations);
        Assert.Equal("Pengembangan kompetensi", made.Kinds);
        Assert.Equal(DocumentTexts.NoUnit, Assert.Single(nota.Rows, r => r.AgentId == app["rina"].AgentId).Unit);
        Assert.Contains("5 agen", nota.BodyBeforeTable[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nota_dinas_without_recommendations_says_so()
    {
        var nota = (await Nota(app.ProvisionalPeriodId))!;
        Assert.Empty(nota.Rows);
        Assert.False(nota.IsFinal);
        Assert.Contains("tidak terdapat agen", nota.BodyBeforeTable[0], StringComparison.Ordinal);
        Assert.Null(await Nota(app.NoRunPeriodId));
    }

    [Fact]
    public void The_recommendation_phrases_are_the_outcome_labels_of_the_agent_statement()
    {
        Assert.Equal(OutcomeExplanations.Promotion, DocumentTexts.ConsiderPrefix + DocumentTexts.PhrasePromotion);
        Assert.Equal(OutcomeExplanations.StudyTugas, DocumentTexts.ConsiderPrefix + DocumentTexts.PhraseStudyTugas);
        Assert.Equal(OutcomeExplanations.StudyIzin, DocumentTexts.ConsiderPrefix + DocumentTexts.PhraseStudyIzin);
        Assert.Equal(OutcomeExplanations.Development, DocumentTexts.ConsiderPrefix + DocumentTexts.PhraseDevelopment);
    }

    [Fact]
    public void Without_a_head_of_humas_the_undersigned_lines_are_blanks_to_fill_in()
    {
        var fields = RecommendationLetterModelHandler.SignerFields(null);
        Assert.Equal(["Nama", "NIP", "Pangkat/Golongan", "Jabatan"], fields.Select(f => f.Label));
        Assert.All(fields, f => Assert.Equal(DocumentTexts.Placeholder, f.Value));
        var eselonI = RecommendationLetterModelHandler.SignerFields(new("Kota Uji, 1 Desember 2026", "Sekretaris Jenderal", "Dr. A", null, null));
        Assert.Equal(["Nama", "Jabatan"], eselonI.Select(f => f.Label));
    }
}
