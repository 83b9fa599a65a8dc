using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Rewards.RewardSeed;

namespace AgentProgram.Tests.Features.Documents.Summary;

/// <summary>
/// A small data set where every number of the documents is known (worked out in the comments). Periods are
/// months in WIB (UTC+7): October 2026 runs from 30 Sep 17:00 UTC to 31 Oct 17:00 UTC.
/// <list type="bullet">
/// <item>Units U1 "Dinas Kominfo Uji", U2 "Dinas Kesehatan Uji". Agents A1, A2 (U1), A3, A4 (U2) enrolled in January;
/// A5 (no unit) enrolled 15 October; A6 (U1) ended 15 September. Enrolled: October 5 (U1 2, U2 2, none 1), September 5.</item>
/// <item>Messages M1 Transparansi (2 Oct), M2 Partisipasi (5 Oct), M3 Kolaborasi (10 Sep).</item>
/// <item>October reports: R1 A1/M1 X verified (self 1000/800 vs CSV 300/200 views/reach: CSV wins → 300/200);
/// R2 A1/M1 Facebook verified (two screenshots: views 700, reach 400, comments 5); R3 A2/M1 X pending, flagged (counter 10,000 views: not verified, not summed);
/// R4 A3/M1 Instagram rejected, corrected once; R5 A3/M2 Instagram verified (self views 2000, reach 1000, comments 10, reposts 4, saves 3; a CSV reading
/// after the evidence grace is ignored); R6 A1/M2 X verified, posted 30 Sep 18:00 UTC = 1 Oct 01:00 WIB, no readings.</item>
/// <item>September reports: P1 A1/M3 verified (self reach 100, views 150; a CSV reading on 20 Oct is after September's grace: ignored);
/// P2 A6/M3 verified; P3 A2/M3 rejected, posted 30 Sep 16:30 UTC = 23:30 WIB. One August report counts nowhere.</item>
/// <item>Clicks: L1 (A1/M1 X) v1, v1, v2 and a bot in October, v9 in September; L2 (A3/M2 Instagram) v1, v3 in October and one at 31 Oct 17:00 UTC (November in WIB).</item>
/// <item>Responses in October: on R1 a question answered in 8 h and a complaint referred after 2 days; on R5 an open question and an appreciation.
/// In September: a question on P1 answered in 1 h.</item>
/// <item>Runs: October calculated (not approved), recognised 2, recommendations 1, incentives 750,000; ranks A3 1 (90), A1 2 (80), A2 3 (10), A4 unranked.
/// September approved: recognised 1, recommendations 0, incentives 500,000.</item>
/// </list>
/// </summary>
public sealed record DocumentDataSet(
    int PeriodId, int PreviousPeriodId, int SchemeId, int U1, int U2,
    TrackedLinkSeed.SeededAgent A1, TrackedLinkSeed.SeededAgent A2, TrackedLinkSeed.SeededAgent A3, TrackedLinkSeed.SeededAgent A4,
    TrackedLinkSeed.SeededAgent A5, TrackedLinkSeed.SeededAgent A6,
    int M1, int M2, int M3, long R1, long R2, long R3, long R4, long R5, long R6, IReadOnlyList<string> Nips)
{
    public static readonly DateOnly IssuedOn = new(2026, 12, 4);

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    public static async Task<DocumentDataSet> SeedAsync(AppFactory app)
    {
        await app.WithDb(async db =>
        {
            db.Institutions.Add(new AgentProgram.Web.Domain.Organization.Institution
            {
                Name = "Pemerintah Kota Uji", ShortName = "Pemkot Uji", Address = "Jl. Merdeka No. 1", City = "Kota Uji", Phone = "(021) 123456",
                Email = "humas@kotauji.go.id", Website = "kotauji.go.id", LetterheadLines = "PEMERINTAH PROVINSI UJI\r\n\r\nSEKRETARIAT DAERAH ",
            });
            db.Signatories.Add(new Signatory
            {
                Role = SignatoryRole.HeadOfPublicRelations, Name = "Dimas Prasetyo, S.I.Kom., M.A.", PositionTitle = "Kepala Bagian Protokol dan Komunikasi Pimpinan",
                Nip = "198203152006041002", GolonganCode = "41",
            });
            await db.SaveChangesAsync();
            return 0;
        });

        var u1 = await TrackedLinkSeed.UnitAsync(app, "Dinas Kominfo Uji");
        var u2 = await TrackedLinkSeed.UnitAsync(app, "Dinas Kesehatan Uji");
        var a1 = await AgentAsync(app, "Ani Lestari", u1);
        var a2 = await AgentAsync(app, "Budi Santoso", u1);
        var a3 = await AgentAsync(app, "Citra Dewi", u2);
        var a4 = await AgentAsync(app, "Dedi Kurnia", u2);
        var a5 = await AgentAsync(app, "Eka Putri", null);
        var a6 = await AgentAsync(app, "Fajar Nugroho", u1);
        var nips = await app.WithDb(async db =>
        {
            var a5e = await db.Agents.SingleAsync(a => a.Id == a5.AgentId);
            a5e.EnrolledUtc = Utc(10, 15, 0);
            var a6e = await db.Agents.SingleAsync(a => a.Id == a6.AgentId);
            a6e.Status = AgentStatus.Ended;
            a6e.StatusChangedUtc = Utc(9, 15, 0);
            var a1e = await db.Agents.Include(a => a.Employee).SingleAsync(a => a.Id == a1.AgentId);
            a1e.Employee.TitleSuffix = "S.Kom.";
            a1e.Employee.GolonganCode = "31";
            a1e.Employee.PositionName = "Pranata Humas Ahli Pertama";
            var a4e = await db.Agents.Include(a => a.Employee).SingleAsync(a => a.Id == a4.AgentId);
            a4e.Employee.LegalStatus = LegalStatus.Cltn;
            await db.SaveChangesAsync();
            return await db.Employees.Select(e => e.Nip).ToListAsync();
        });

        var m1 = await MessageAsync(app, "Vaksinasi Gratis untuk Warga", MissionTag.Transparansi, Utc(10, 2, 2));
        var m2 = await MessageAsync(app, "Ayo Daftar Posyandu", MissionTag.Partisipasi, Utc(10, 5, 2));
        var m3 = await MessageAsync(app, "Gotong Royong Bersih Kali", MissionTag.Kolaborasi, Utc(9, 10, 2));

        var a1m1 = await AssignAsync(app, m1, a1.AgentId);
        var a2m1 = await AssignAsync(app, m1, a2.AgentId);
        var a3m1 = await AssignAsync(app, m1, a3.AgentId);
        await AssignAsync(app, m1, a4.AgentId);
        var a1m2 = await AssignAsync(app, m2, a1.AgentId);
        var a3m2 = await AssignAsync(app, m2, a3.AgentId);
        var a1m3 = await AssignAsync(app, m3, a1.AgentId);
        var a2m3 = await AssignAsync(app, m3, a2.AgentId);
        var a6m3 = await AssignAsync(app, m3, a6.AgentId);

        var r1 = await ReportAsync(app, a1m1, Utc(10, 2, 5), ReportState.Verified, Platform.X);
        var r2 = await ReportAsync(app, a1m1, Utc(10, 3, 5), ReportState.Verified, Platform.Facebook);
        var r3 = await ReportAsync(app, a2m1, Utc(10, 3, 6), ReportState.Pending, Platform.X);
        var r4 = await ReportAsync(app, a3m1, Utc(10, 4, 6), ReportState.Rejected, Platform.Instagram, corrections: 1);
        var r5 = await ReportAsync(app, a3m2, Utc(10, 6, 6), ReportState.Verified, Platform.Instagram);
        var r6 = await ReportAsync(app, a1m2, Utc(9, 30, 18), ReportState.Verified, Platform.X);
        var p1 = await ReportAsync(app, a1m3, Utc(9, 12, 5), ReportState.Verified, Platform.X);
        var p2 = await ReportAsync(app, a6m3, Utc(9, 13, 5), ReportState.Verified, Platform.Facebook);
        var p3 = await ReportAsync(app, a2m3, Utc(9, 30, 16, 30), ReportState.Rejected, Platform.X);
        await ReportAsync(app, a1m3, Utc(8, 20, 5), ReportState.Verified, Platform.Instagram);

        await app.WithDb(async db =>
        {
            // Reports carry the agent's unit, as the sharing form records it.
            foreach (var r in await db.ShareReports.ToListAsync())
                r.UnitId = await db.Agents.Where(a => a.Id == r.AgentId).Select(a => a.Employee.UnitId).SingleAsync();
            (await db.ShareReports.SingleAsync(r => r.Id == r3)).Flags = ReportFlagSet.AboveFollowers;

            void Snap(long report, MetricSource source, DateTime taken, long? views, long? reach, long? comments = null, long? reposts = null, long? saves = null) =>
                db.ReportSnapshots.Add(new ReportSnapshot
                {
                    ReportId = report, Source = source, Window = SnapshotWindow.Other, TakenUtc = taken, CreatedUtc = taken,
                    Views = views, Reach = reach, Comments = comments, Reposts = reposts, Saves = saves,
                });
            Snap(r1, MetricSource.SelfReported, Utc(10, 3, 5), 1000, 800);
            Snap(r1, MetricSource.CsvImport, Utc(10, 9, 5), 300, 200);
            Snap(r2, MetricSource.Screenshot, Utc(10, 4, 5), 500, 400, comments: 5);
            Snap(r2, MetricSource.Screenshot, Utc(10, 10, 5), 700, 350);
            Snap(r3, MetricSource.PublicCounter, Utc(10, 4, 6), 10_000, null);
            Snap(r5, MetricSource.SelfReported, Utc(10, 7, 6), 2000, 1000, 10, 4, 3);
            Snap(r5, MetricSource.CsvImport, Utc(11, 8, 18), 9, 5); // after 31 Oct 17:00 + 8 days
            Snap(p1, MetricSource.SelfReported, Utc(9, 13, 5), 150, 100);
            Snap(p1, MetricSource.CsvImport, Utc(10, 20, 5), 9_999, 9_999); // after 30 Sep 17:00 + 8 days

            var l1 = new TrackedLink { AssignmentId = a1m1, Platform = Platform.X, Token = "tokl1uji0001", CreatedUtc = Utc(9, 1, 0) };
            var l2 = new TrackedLink { AssignmentId = a3m2, Platform = Platform.Instagram, Token = "tokl2uji0002", CreatedUtc = Utc(9, 1, 0) };
            db.TrackedLinks.AddRange(l1, l2);
            await db.SaveChangesAsync();
            void Click(TrackedLink l, DateTime at, string visitor, bool bot = false) =>
                db.LinkClicks.Add(new LinkClick { TrackedLinkId = l.Id, OccurredUtc = at, VisitorHash = visitor, IsBot = bot });
            Click(l1, Utc(10, 2, 6), "v1");
            Click(l1, Utc(10, 2, 7), "v1");
            Click(l1, Utc(10, 3, 7), "v2");
            Click(l1, Utc(10, 3, 8), "bot", bot: true);
            Click(l1, Utc(9, 20, 7), "v9");
            Click(l2, Utc(10, 7, 7), "v1");
            Click(l2, Utc(10, 8, 7), "v3");
            Click(l2, Utc(10, 31, 17), "v4");

            void Respond(long report, int message, int agent, ResponseKind kind, DateTime recorded, DateTime? resolved, ResponseStatus status) =>
                db.PublicResponses.Add(new PublicResponse
                {
                    ReportId = report, MessageId = message, AgentId = agent, Text = "Tanggapan", Kind = kind, Sentiment = Sentiment.Neutral,
                    RecordedUtc = recorded, ResolvedUtc = resolved, Status = status,
                });
            Respond(r1, m1, a1.AgentId, ResponseKind.Question, Utc(10, 3, 2), Utc(10, 3, 10), ResponseStatus.Answered);
            Respond(r1, m1, a1.AgentId, ResponseKind.Complaint, Utc(10, 4, 0), Utc(10, 6, 0), ResponseStatus.Referred);
            Respond(r5, m2, a3.AgentId, ResponseKind.Question, Utc(10, 7, 8), null, ResponseStatus.Open);
            Respond(r5, m2, a3.AgentId, ResponseKind.Appreciation, Utc(10, 7, 9), null, ResponseStatus.Open);
            Respond(p1, m3, a1.AgentId, ResponseKind.Question, Utc(9, 13, 8), Utc(9, 13, 9), ResponseStatus.Answered);
            await db.SaveChangesAsync();
            return 0;
        });

        // Rules for the statement: recognition for the top 2; the rest as the defaults.
        var rules = RewardRules.Default with { Recognition = new RecognitionRule(TopN: 2) };
        var schemeId = await SchemeAsync(app, rules);
        var otherScheme = await SchemeAsync(app, RewardRules.Default, "Skema Lain");
        await PeriodAsync(app, schemeId, "Agustus 2026", new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31), PeriodState.Closed);
        var september = await PeriodAsync(app, schemeId, "September 2026", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), PeriodState.Approved);
        await PeriodAsync(app, otherScheme, "September 2026 (skema lain)", new DateOnly(2026, 9, 10), new DateOnly(2026, 9, 30));
        var october = await PeriodAsync(app, schemeId, "Oktober 2026", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), PeriodState.Calculated);

        await app.WithDb(async db =>
        {
            var versionId = await db.RewardSchemeVersions.Where(v => v.SchemeId == schemeId).Select(v => v.Id).SingleAsync();
            var sepRun = new RewardRun
            {
                PeriodId = september.Id, Number = 1, SchemeVersionId = versionId, ComputedUtc = Utc(10, 2, 0), ApprovedUtc = Utc(10, 3, 0),
                Agents = 5, Eligible = 5, Recognised = 1, Recommendations = 0, IncentiveTotal = 500_000,
            };
            var octRun = new RewardRun
            {
                PeriodId = october.Id, Number = 1, SchemeVersionId = versionId, ComputedUtc = Utc(11, 2, 0),
                Agents = 5, Eligible = 3, Recognised = 2, Recommendations = 1, IncentiveTotal = 750_000,
            };
            db.RewardRuns.AddRange(sepRun, octRun);
            await db.SaveChangesAsync();
            RewardResult Result(TrackedLinkSeed.SeededAgent a, int? rank, decimal score, decimal? top, RewardOutcomes outcomes, IneligibleReasons ineligible, string lines) => new()
            {
                RunId = octRun.Id, AgentId = a.AgentId, UnitId = a.UnitId, EmploymentType = EmploymentType.Pns, Ineligible = ineligible,
                Rank = rank, UnitRank = rank is null ? null : 1, TopPercent = top, Score = score, Outcomes = outcomes, Lines = lines,
            };
            var lines = StatementLines.Encode(
            [
                new StatementLine(r1, LineStatus.Counted, 1m, 2m, 3.5m, 0m, 2),
                new StatementLine(r2, LineStatus.CapPerDay, 0m, 0m, 0m, 0m),
                new StatementLine(r6, LineStatus.Counted, 1m, 0m, 0m, 0m),
            ]);
            var a1Result = Result(a1, 2, 80m, 66.67m, RewardOutcomes.Recognition, IneligibleReasons.None, lines);
            a1Result.SharePoints = 2m;
            a1Result.TimelyPoints = 2m;
            a1Result.Participation = 4m;
            a1Result.Engagement = 3.5m;
            a1Result.CountedShares = 2;
            a1Result.UncountedShares = 1;
            a1Result.Assignments = 2;
            a1Result.AssignmentsShared = 2;
            a1Result.UnitRank = 1;
            db.RewardResults.AddRange(
                Result(a3, 1, 90m, 33.33m, RewardOutcomes.Recognition | RewardOutcomes.PromotionRecommendation, IneligibleReasons.None, ""),
                a1Result,
                Result(a2, 3, 10m, 100m, RewardOutcomes.None, IneligibleReasons.None, ""),
                Result(a4, null, 0m, null, RewardOutcomes.None, IneligibleReasons.LegalStatusNotActive, ""),
                new RewardResult { RunId = sepRun.Id, AgentId = a1.AgentId, UnitId = u1, Rank = 1, Score = 100m, Outcomes = RewardOutcomes.Recognition });
            var oct = await db.RewardPeriods.SingleAsync(p => p.Id == october.Id);
            oct.CurrentRunId = octRun.Id;
            oct.SchemeVersionId = versionId;
            oct.Notes = "  Partisipasi naik setelah pelatihan agen di Dinas Kesehatan.  ";
            var sep = await db.RewardPeriods.SingleAsync(p => p.Id == september.Id);
            sep.CurrentRunId = sepRun.Id;
            sep.SchemeVersionId = versionId;
            sep.ApprovedUtc = Utc(10, 3, 0);
            await db.SaveChangesAsync();
            return 0;
        });

        return new DocumentDataSet(october.Id, september.Id, schemeId, u1, u2, a1, a2, a3, a4, a5, a6, m1, m2, m3, r1, r2, r3, r4, r5, r6, nips);
    }
}
