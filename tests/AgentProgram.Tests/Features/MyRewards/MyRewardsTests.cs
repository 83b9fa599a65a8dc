using System.Globalization;
using System.Net;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.MyRewards;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;

namespace AgentProgram.Tests.Features.MyRewards;

/// <summary>
/// Reward statements through the real app, on runs seeded directly: an agent sees only their own
/// statement; officers open anyone's; the leaderboard shows names (never NIPs) only when switched on.
/// </summary>
public sealed class MyRewardsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int _n;

    private sealed record Seeded(int PeriodId, int RunId, SeededAgent A, SeededAgent B, long ReportA1, long ReportA2, long ReportB1, int UnitId);

    private static string V(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> Html(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private async Task<long> ReportAsync(SeededAgent agent, int messageId, Platform platform, DateTime posted) =>
        await app.WithDb(async db =>
        {
            var a = new Assignment { MessageId = messageId, AgentId = agent.AgentId, DueUtc = posted.AddDays(1), CreatedUtc = posted.AddDays(-1) };
            db.Assignments.Add(a);
            await db.SaveChangesAsync();
            var r = new ShareReport
            {
                AssignmentId = a.Id, AgentId = agent.AgentId, MessageId = messageId, Platform = platform, PostedUtc = posted,
                SubmittedUtc = posted.AddHours(1), SubmissionKey = Guid.NewGuid(), State = ReportState.Verified,
            };
            db.ShareReports.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

    /// <summary>A scheme version, a period in <paramref name="state"/> with one run, and results for two agents in one unit (A ranks 1, B ranks 2).</summary>
    private async Task<Seeded> SeedAsync(PeriodState state = PeriodState.Calculated, IneligibleReasons bIneligible = IneligibleReasons.None, bool resultForA = true)
    {
        var n = Interlocked.Increment(ref _n);
        var unit = await app.SeedUnitAsync("Dinas Statement " + n);
        var otherUnit = await app.SeedUnitAsync("Dinas Lain " + n);
        var a = await app.SeedAgentAsync("Agen Pertama " + n, employee: e => { e.UnitId = unit.Id; e.TitleSuffix = "S.Kom."; });
        var b = await app.SeedAgentAsync("Agen Kedua " + n, employee: e => { e.UnitId = unit.Id; e.EmploymentType = EmploymentType.Pppk; });
        var c = await app.SeedAgentAsync("Agen Ketiga " + n, employee: e => e.UnitId = otherUnit.Id);
        var messageA = await TrackedLinkSeed.MessageAsync(app, "Pesan Vaksinasi A" + n);
        var messageA2 = await TrackedLinkSeed.MessageAsync(app, "Pesan Vaksinasi A" + n + " lanjutan");
        var messageB = await TrackedLinkSeed.MessageAsync(app, "Pesan Rahasia B" + n);
        var posted = new DateTime(2026, 10, 5, 3, 0, 0, DateTimeKind.Utc);
        var a1 = await ReportAsync(a, messageA, Platform.Instagram, posted);
        var a2 = await ReportAsync(a, messageA2, Platform.X, posted.AddHours(1));
        var b1 = await ReportAsync(b, messageB, Platform.Facebook, posted);

        return await app.WithDb(async db =>
        {
            var scheme = new RewardScheme { Name = "Skema " + n, CreatedUtc = DateTime.UtcNow };
            db.RewardSchemes.Add(scheme);
            await db.SaveChangesAsync();
            var version = new RewardSchemeVersion { SchemeId = scheme.Id, Number = 1, State = SchemeVersionState.Approved, RulesJson = RewardRules.Default.ToJson(), CreatedUtc = DateTime.UtcNow };
            db.RewardSchemeVersions.Add(version);
            await db.SaveChangesAsync();
            var period = new RewardPeriod
            {
                Name = "Oktober 2026 #" + n, Kind = PeriodKind.Monthly, StartDate = new DateOnly(2026, 10, 1), EndDate = new DateOnly(2026, 10, 31),
                SchemeId = scheme.Id, State = state, SchemeVersionId = version.Id, CreatedUtc = DateTime.UtcNow,
            };
            db.RewardPeriods.Add(period);
            await db.SaveChangesAsync();
            var eligible = bIneligible == IneligibleReasons.None ? 3 : 2;
            var run = new RewardRun { PeriodId = period.Id, Number = 1, SchemeVersionId = version.Id, ComputedUtc = DateTime.UtcNow, Agents = 3, Eligible = eligible, ResultHash = "x" };
            db.RewardRuns.Add(run);
            await db.SaveChangesAsync();
            period.CurrentRunId = run.Id;

            if (resultForA)
                db.RewardResults.Add(new RewardResult
                {
                    RunId = run.Id, AgentId = a.AgentId, UnitId = unit.Id, EmploymentType = EmploymentType.Pns,
                    SharePoints = 10, TimelyPoints = 2, Participation = 12, Engagement = 3.5m, Score = 100, CountedShares = 1, UncountedShares = 1,
                    Assignments = 2, AssignmentsShared = 1, Rank = 1, UnitRank = 1, TopPercent = 33.3333m, PromotionStreak = 1,
                    Outcomes = RewardOutcomes.Recognition,
                    Lines = StatementLines.Encode([new StatementLine(a1, LineStatus.Counted, 10, 2, 3.5m, 0, 4), new StatementLine(a2, LineStatus.CapPerDay, 0, 0, 0, 0)]),
                });
            var bEligible = bIneligible == IneligibleReasons.None;
            db.RewardResults.Add(new RewardResult
            {
                RunId = run.Id, AgentId = b.AgentId, UnitId = unit.Id, EmploymentType = EmploymentType.Pppk, Ineligible = bIneligible,
                SharePoints = 10, Participation = 10, Score = 40, CountedShares = 1, Assignments = 1, AssignmentsShared = 1,
                Rank = bEligible ? 3 : null, UnitRank = bEligible ? 2 : null, TopPercent = bEligible ? 100m : null,
                Lines = StatementLines.Encode([new StatementLine(b1, LineStatus.Counted, 10, 0, 0, 0)]),
            });
            db.RewardResults.Add(new RewardResult
            {
                RunId = run.Id, AgentId = c.AgentId, UnitId = otherUnit.Id, EmploymentType = EmploymentType.Pns,
                SharePoints = 10, Participation = 10, Score = 80, Rank = 2, UnitRank = 1, TopPercent = 66.6667m, Lines = "",
            });
            await db.SaveChangesAsync();
            return new Seeded(period.Id, run.Id, a, b, a1, a2, b1, unit.Id);
        });
    }

    private Task SetLeaderboardAsync(bool on) => app.WithDb(async db =>
    {
        var i = await db.Institutions.OrderBy(x => x.Id).FirstOrDefaultAsync();
        if (i is null) db.Institutions.Add(i = new AgentProgram.Web.Domain.Organization.Institution { Name = "Pemerintah Kota Uji", ShortName = "Pemkot Uji" });
        i.ShowLeaderboardNames = on;
        await db.SaveChangesAsync();
        return 0;
    });

    [Fact]
    public async Task An_agent_sees_their_own_statement_with_every_line_and_what_was_missing()
    {
        var s = await SeedAsync();
        var client = await app.SignInAsAsync(s.A.Email);

        var list = await Html(await client.GetAsync("/penghargaan-saya"));
        Assert.Equal(1, Count(list, "reward-row"));
        Assert.Contains($"href=\"/penghargaan-saya/{s.PeriodId}\"", list);
        Assert.Equal(["Sementara"], TextsOf(list, "provisional"));
        Assert.Contains("50% teratas", list);
        Assert.Contains("Piagam Penghargaan", list);

        var page = await Html(await client.GetAsync($"/penghargaan-saya/{s.PeriodId}"));
        Assert.Equal(2, Count(page, "line"));
        Assert.Contains($"data-report=\"{s.ReportA1}\"", page);
        Assert.Contains($"data-report=\"{s.ReportA2}\"", page);
        Assert.Equal(["Dihitung", "Batas per hari tercapai"], TextsOf(page, "line-status"));
        Assert.All(TextsOf(page, "line-title"), t => Assert.StartsWith("Pesan Vaksinasi A", t, StringComparison.Ordinal));
        Assert.Contains("Instagram", page);
        Assert.Contains("05/10/2026 10.00 WIB", page);
        Assert.Equal(["12"], TextsOf(page, "participation"));
        Assert.Equal(["3,5"], TextsOf(page, "engagement"));
        Assert.Contains("1 dari 3", page);
        Assert.Contains("50% teratas", TextsOf(page, "rank-band").Single());
        // Unit average 70 (100 and 40) against the other unit's 80.
        Assert.Contains("Unit Anda peringkat 2 dari 2", page);
        Assert.Contains("Sementara", page);

        // Outcomes: recognition reached; promotion and study explained with numbers.
        Assert.Contains("Perlu masuk 10% teratas pada 2 periode berturut-turut; tercapai 1", page);
        Assert.Contains("Persentase partisipasi minimal 80%; Anda 50%", page);
        Assert.Contains("Direkomendasikan untuk dipertimbangkan izin belajar", page);
        Assert.DoesNotContain("ditetapkan", page, StringComparison.OrdinalIgnoreCase);

        // Nothing of agent B's.
        Assert.DoesNotContain("Pesan Rahasia B", page);
        Assert.DoesNotContain(s.B.Name, page);
        Assert.DoesNotContain($"data-report=\"{s.ReportB1}\"", page);
    }

    [Fact]
    public async Task Another_agents_result_is_never_reachable()
    {
        var s = await SeedAsync(resultForA: false);
        var client = await app.SignInAsAsync(s.A.Email);

        // A has no result in this period: the list is empty and the statement is not found, even though B has one.
        var list = await Html(await client.GetAsync("/penghargaan-saya"));
        Assert.Equal(0, Count(list, "reward-row"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/penghargaan-saya/{s.PeriodId}")).StatusCode);

        // The officer route is not for agents.
        var officer = await client.GetAsync($"/penghargaan/{s.PeriodId}/agen/{s.B.AgentId}");
        Assert.True(officer.StatusCode == HttpStatusCode.Forbidden || LocationOf(officer).StartsWith("/akun/akses-ditolak", StringComparison.Ordinal),
            $"Expected a refusal, got {(int)officer.StatusCode}.");

        // B sees B's own line.
        var b = await (await app.SignInAsAsync(s.B.Email)).GetHtmlAsync($"/penghargaan-saya/{s.PeriodId}");
        Assert.Contains("Pesan Rahasia B", b);
        Assert.Equal(1, Count(b, "line"));
    }

    [Fact]
    public async Task An_approved_period_is_not_provisional()
    {
        var s = await SeedAsync(PeriodState.Approved);
        var client = await app.SignInAsAsync(s.A.Email);

        var list = await Html(await client.GetAsync("/penghargaan-saya"));
        Assert.Equal(0, Count(list, "provisional"));
        Assert.Contains("Final", list);
        var page = await client.GetHtmlAsync($"/penghargaan-saya/{s.PeriodId}");
        Assert.Equal(0, Count(page, "provisional"));
    }

    [Fact]
    public async Task An_ineligible_agent_is_not_ranked_and_told_why()
    {
        var s = await SeedAsync(bIneligible: IneligibleReasons.DisciplinarySanction);
        var page = await Html(await (await app.SignInAsAsync(s.B.Email)).GetAsync($"/penghargaan-saya/{s.PeriodId}"));

        Assert.Contains("Tidak diperingkat", page);
        Assert.Equal(0, Count(page, "rank-band"));
        // Only ranked agents count for the unit: B's unit is A alone (100) against the other unit's 80.
        Assert.Contains("Unit Anda peringkat 1 dari 2", page);
        Assert.Equal(1, Count(page, "ineligible"));
        Assert.Contains("tercatat hukuman disiplin pada periode ini", page);
        Assert.Contains("Tidak memenuhi syarat: tercatat hukuman disiplin pada periode ini", page);
        // PPPK menu: piagam and competence development, no promotion or study.
        Assert.Contains("Direkomendasikan untuk dipertimbangkan pengembangan kompetensi", page);
        Assert.DoesNotContain("kenaikan pangkat/jabatan</strong>", page);
    }

    [Fact]
    public async Task Officers_open_any_agents_statement_with_the_name()
    {
        var s = await SeedAsync();
        foreach (var role in new[] { Roles.Humas, Roles.Kepegawaian, Roles.Pimpinan })
        {
            var (_, client) = await app.StaffAsync(role);
            var page = await Html(await client.GetAsync($"/penghargaan/{s.PeriodId}/agen/{s.B.AgentId}"));
            Assert.Equal([s.B.Name], TextsOf(page, "agent-name"));
            Assert.Contains("Pesan Rahasia B", page);
            Assert.DoesNotContain("Pesan Vaksinasi A", page);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/penghargaan/{s.PeriodId}/agen/987654")).StatusCode);
        }
    }

    [Fact]
    public async Task The_leaderboard_shows_names_without_NIPs_only_when_the_institution_turns_it_on()
    {
        var s = await SeedAsync(PeriodState.Approved);
        var client = await app.SignInAsAsync(s.B.Email);
        var url = $"/penghargaan-saya/{s.PeriodId}/peringkat";

        await SetLeaderboardAsync(false);
        var off = await Html(await client.GetAsync(url));
        Assert.Equal(1, Count(off, "leaderboard-off"));
        Assert.Equal(0, Count(off, "leader-row"));
        Assert.DoesNotContain(s.A.Name, off);

        await SetLeaderboardAsync(true);
        var on = await Html(await client.GetAsync(url));
        Assert.Equal(0, Count(on, "leaderboard-off"));
        var names = TextsOf(on, "leader-name");
        Assert.Equal(3, names.Count);
        Assert.Equal(s.A.Name, names[0]);
        Assert.EndsWith("S.Kom.", names[0], StringComparison.Ordinal);
        Assert.DoesNotContain(s.A.Nip, on);
        Assert.DoesNotContain(s.B.Nip, on);
        Assert.DoesNotContain(AgentProgram.Web.Domain.Employees.Nip.FormatForDisplay(s.A.Nip), on);
        await SetLeaderboardAsync(false);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/penghargaan-saya/987654/peringkat")).StatusCode);
    }

    [Fact]
    public async Task A_provisional_leaderboard_shows_no_names_until_the_period_is_approved()
    {
        var s = await SeedAsync(PeriodState.Calculated);
        var client = await app.SignInAsAsync(s.B.Email);
        await SetLeaderboardAsync(true);
        try
        {
            var page = await Html(await client.GetAsync($"/penghargaan-saya/{s.PeriodId}/peringkat"));
            Assert.Equal(["Peringkat teratas dengan nama ditampilkan setelah hasil periode ini disetujui Pimpinan."], TextsOf(page, "leaderboard-pending"));
            Assert.Equal(0, Count(page, "leader-row"));
            Assert.DoesNotContain(s.A.Name, page);
        }
        finally
        {
            await SetLeaderboardAsync(false);
        }
    }

    [Fact]
    public async Task The_leaderboard_keeps_everyone_tied_at_tenth_place()
    {
        var scheme = await AgentProgram.Tests.Features.RewardPeriods.PeriodSeed.SchemeAsync(app);
        var period = await AgentProgram.Tests.Features.RewardPeriods.PeriodSeed.PeriodAsync(app, scheme.SchemeId);
        var n = Interlocked.Increment(ref _n);
        var agents = new List<SeededAgent>();
        for (var i = 0; i < 12; i++) agents.Add(await app.SeedAgentAsync($"Agen Seri {n}-{i:00}"));
        // Ranks 1..9, then three agents tied at 10.
        var results = agents.Select((a, i) => AgentProgram.Tests.Features.RewardPeriods.PeriodSeed.Result(a.AgentId, Math.Min(i + 1, 10), 100 - Math.Min(i, 9))).ToList();
        await AgentProgram.Tests.Features.RewardPeriods.PeriodSeed.RunAsync(app, period.Id, scheme.VersionId, results, PeriodState.Closed);
        await SetLeaderboardAsync(true);
        try
        {
            var page = await Html(await (await app.SignInAsAsync(agents[0].Email)).GetAsync($"/penghargaan-saya/{period.Id}/peringkat"));
            Assert.Equal(12, Count(page, "leader-row"));
            Assert.Equal(agents.Select(a => a.Name).ToHashSet(), TextsOf(page, "leader-name").ToHashSet());
        }
        finally
        {
            await SetLeaderboardAsync(false);
        }
    }

    [Fact]
    public async Task Disciplinary_and_neutrality_reasons_are_shown_only_to_HR_administrators_and_the_agent()
    {
        var s = await SeedAsync(bIneligible: IneligibleReasons.DisciplinarySanction | IneligibleReasons.NeutralityBreach);
        var url = $"/penghargaan/{s.PeriodId}/agen/{s.B.AgentId}";
        const string generic = "Tidak memenuhi syarat kepegawaian (rinciannya pada Bagian Kepegawaian)";
        foreach (var role in new[] { Roles.Humas, Roles.Pimpinan })
        {
            var (_, client) = await app.StaffAsync(role);
            var page = await Html(await client.GetAsync(url));
            Assert.Contains(generic, page);
            Assert.DoesNotContain("hukuman disiplin", page);
            Assert.DoesNotContain("netralitas", page);
        }
        foreach (var role in new[] { Roles.Kepegawaian, Roles.Administrator })
        {
            var (_, client) = await app.StaffAsync(role);
            var page = await Html(await client.GetAsync(url));
            Assert.Contains("tercatat hukuman disiplin pada periode ini", page);
            Assert.Contains("tercatat pelanggaran netralitas atau etika pada periode ini", page);
            Assert.DoesNotContain(generic, page);
        }
        var own = await Html(await (await app.SignInAsAsync(s.B.Email)).GetAsync($"/penghargaan-saya/{s.PeriodId}"));
        Assert.Contains("tercatat hukuman disiplin pada periode ini", own);
        Assert.DoesNotContain(generic, own);
    }

    [Fact]
    public void Units_are_ranked_by_average_score_of_their_ranked_agents()
    {
        (int?, decimal)[] ranked = [(1, 90m), (1, 70m), (2, 85m), (3, 80m), (3, 80m), (null, 100m)];
        Assert.Equal((1, 3, 85m, 1), RewardStatementHandler.Standing(2, ranked));
        Assert.Equal((2, 3, 80m, 2), RewardStatementHandler.Standing(1, ranked));
        Assert.Equal((2, 3, 80m, 2), RewardStatementHandler.Standing(3, ranked));
        Assert.Null(RewardStatementHandler.Standing(null, ranked));
        Assert.Null(RewardStatementHandler.Standing(4, ranked));
    }
}
