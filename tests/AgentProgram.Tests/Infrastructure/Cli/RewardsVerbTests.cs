using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Infrastructure.Cli;

/// <summary>`compute-rewards` run as an operator runs it: the real executable over a small seeded period, Production.</summary>
public sealed partial class RewardsVerbTests : IDisposable
{
    private const string PeriodName = "Triwulan III 2026";
    private const long Budget = 1_000_000;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentprogram-rewards-cli", Guid.NewGuid().ToString("N"));

    public RewardsVerbTests() => Directory.CreateDirectory(_dir);

    private string Db => Path.Combine(_dir, "cli.db");

    [GeneratedRegex(@"^agents (\d+), eligible (\d+), recognised (\d+), incentives Rp (\d+), recommendations (\d+)$")]
    private static partial Regex LinePattern();

    private Task<(int Code, string Out, string Err)> Run(params string[] args) => CliProcess.RunAsync(_dir, Db, args);

    private SqliteAppDbContext Context() => new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Db}").Options);

    /// <summary>
    /// Six agents in a past quarter: four eligible (three of them with verified shares, one with none), a
    /// PPPK whose contract ended in August and a PNS on leave (CLTN). Incentive tiers of Rp 500,000 for the
    /// first three against a budget of Rp 1,000,000, so the cap binds. Returns the period's id.
    /// </summary>
    private async Task<int> SeedAsync()
    {
        await using var db = Context();
        using var quiet = db.SuppressEntityAudit();
        var start = new DateTime(2026, 6, 30, 17, 0, 0, DateTimeKind.Utc); // 1 July 2026 00:00 WIB

        var agents = new List<Agent>();
        (EmploymentType Type, LegalStatus Legal, DateOnly? ContractEnd)[] people =
        [
            (EmploymentType.Pns, LegalStatus.Aktif, null),
            (EmploymentType.Pns, LegalStatus.Aktif, null),
            (EmploymentType.Pppk, LegalStatus.Aktif, new DateOnly(2026, 8, 31)),
            (EmploymentType.Pns, LegalStatus.Cltn, null),
            (EmploymentType.Pppk, LegalStatus.Aktif, new DateOnly(2029, 2, 28)),
            (EmploymentType.Pns, LegalStatus.Aktif, null),
        ];
        for (var i = 0; i < people.Length; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            var email = $"agen{n}@uji.test";
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = "Agen Uji " + n, CreatedUtc = start.AddDays(-100), SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            var employee = new Employee
            {
                Nip = $"19800101200501100{i + 1}", Name = "Pegawai Uji " + n, EmploymentType = people[i].Type, LegalStatus = people[i].Legal,
                ContractStart = people[i].ContractEnd is null ? null : new DateOnly(2024, 3, 1), ContractEnd = people[i].ContractEnd,
                CreatedUtc = start.AddDays(-100), UpdatedUtc = start.AddDays(-100),
            };
            var agent = new Agent
            {
                Employee = employee, User = user, Status = AgentStatus.Active, EnrolledUtc = start.AddDays(-90),
                CodeOfConductAcceptedUtc = start.AddDays(-90), DataConsentUtc = start.AddDays(-90),
            };
            db.Agents.Add(agent);
            agents.Add(agent);
        }

        var messages = new[] { MissionTag.Transparansi, MissionTag.Kolaborasi }.Select((mission, i) => new PolicyMessage
        {
            Title = "Pesan Uji " + (i + 1).ToString(CultureInfo.InvariantCulture), PolicyReference = "Uji/" + (i + 1).ToString(CultureInfo.InvariantCulture),
            Source = MessageSource.OwnUnit, Mission = mission, AuthorUserId = "uji", Status = MessageStatus.Closed,
            ActiveFromUtc = start.AddDays(10 + 20 * i), ActiveUntilUtc = start.AddDays(24 + 20 * i), CreatedUtc = start.AddDays(9 + 20 * i),
            PublishedUtc = start.AddDays(10 + 20 * i), ClosedUtc = start.AddDays(24 + 20 * i),
        }).ToList();
        db.PolicyMessages.AddRange(messages);

        var scheme = new RewardScheme { Name = "Skema Uji", CreatedUtc = start.AddDays(-30) };
        db.RewardSchemes.Add(scheme);
        await db.SaveChangesAsync();

        var rules = RewardRules.Default with
        {
            Incentive = new IncentiveRule(true, "Perwali Uji 12/2026", "5.1.02.01.01.0026", Budget, [new IncentiveTier(1, 3, 500_000)]),
        };
        db.RewardSchemeVersions.Add(new RewardSchemeVersion
        {
            SchemeId = scheme.Id, Number = 1, State = SchemeVersionState.Approved, RulesJson = rules.ToJson(),
            CreatedUtc = start.AddDays(-30), SubmittedUtc = start.AddDays(-29), ApprovedUtc = start.AddDays(-28), ApprovedByUserId = "pimpinan",
        });
        var period = new RewardPeriod
        {
            Name = PeriodName, Kind = PeriodKind.Quarterly, StartDate = new DateOnly(2026, 7, 1), EndDate = new DateOnly(2026, 9, 30),
            SchemeId = scheme.Id, State = PeriodState.Open, CreatedUtc = start.AddDays(-1),
        };
        db.RewardPeriods.Add(period);

        var assignments = new Dictionary<(int Agent, int Message), Assignment>();
        foreach (var a in agents)
            foreach (var m in messages)
            {
                var assignment = new Assignment { Message = m, Agent = a, DueUtc = m.ActiveFromUtc.AddDays(3), CreatedUtc = m.ActiveFromUtc };
                db.Assignments.Add(assignment);
                assignments[(agents.IndexOf(a), messages.IndexOf(m))] = assignment;
            }
        await db.SaveChangesAsync();

        // Verified shares: agent 1 four (both messages, two platforms), agent 2 one, the expired PPPK one, the
        // CLTN PNS one, agent 5 two; agent 6 none. Each with a snapshot.
        (int Agent, int Message, Platform Platform, long Views)[] shares =
        [
            (0, 0, Platform.X, 4000), (0, 0, Platform.Instagram, 2500), (0, 1, Platform.X, 1200), (0, 1, Platform.Facebook, 800),
            (1, 0, Platform.X, 600),
            (2, 0, Platform.X, 9000),
            (3, 1, Platform.X, 7000),
            (4, 0, Platform.TikTok, 3000), (4, 1, Platform.X, 150),
        ];
        var k = 0;
        foreach (var (agent, message, platform, views) in shares)
        {
            var assignment = assignments[(agent, message)];
            var posted = messages[message].PublishedUtc!.Value.AddHours(3 + k);
            var report = new ShareReport
            {
                AssignmentId = assignment.Id, AgentId = agents[agent].Id, MessageId = messages[message].Id, Platform = platform,
                PostUrl = $"https://example.org/post/{k}", ClaimKey = $"uji:{k}", PostedUtc = posted, SubmittedUtc = posted.AddHours(1),
                SubmissionKey = Guid.NewGuid(), State = ReportState.Verified, ReviewedByUserId = "humas", ReviewedUtc = posted.AddDays(1),
            };
            report.Snapshots.Add(new ReportSnapshot
            {
                Source = MetricSource.Screenshot, Window = SnapshotWindow.Hours24, TakenUtc = posted.AddDays(1), Views = views, Reposts = views / 100,
                Comments = views / 200, CreatedUtc = posted.AddDays(1),
            });
            db.ShareReports.Add(report);
            k++;
        }
        await db.SaveChangesAsync();
        return period.Id;
    }

    private async Task<RewardRun> LatestRunAsync(int periodId)
    {
        await using var db = Context();
        return await db.RewardRuns.AsNoTracking().Where(r => r.PeriodId == periodId).OrderByDescending(r => r.Number).FirstAsync();
    }

    private static (int Agents, int Eligible, int Recognised, long Incentives, int Recommendations) Parse(string line)
    {
        var m = LinePattern().Match(line);
        Assert.True(m.Success, $"Unexpected output: {line}");
        int I(int g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        return (I(1), I(2), I(3), long.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), I(5));
    }

    [Fact]
    public async Task Computes_a_period_by_name_or_id_and_prints_the_runs_totals()
    {
        Assert.Equal(0, (await Run("migrate")).Code);
        var periodId = await SeedAsync();

        var byName = await Run(RewardsVerb.Name, "--period", PeriodName);
        Assert.True(byName.Code == 0, byName.Err);
        Assert.Single(byName.Out.Split('\n'));
        var printed = Parse(byName.Out);
        var run = await LatestRunAsync(periodId);
        Assert.Equal((run.Agents, run.Eligible, run.Recognised, run.IncentiveTotal, run.Recommendations), printed);
        Assert.Equal(6, printed.Agents);
        Assert.Equal(4, printed.Eligible);
        Assert.Equal(Budget, printed.Incentives);
        Assert.Equal(RewardsVerb.Line(run.Agents, run.Eligible, run.Recognised, run.IncentiveTotal, run.Recommendations), byName.Out);

        // Again by id: a recalculation with the period's new version, the same figures in a new run.
        var byId = await Run(RewardsVerb.Name, "--period", periodId.ToString(CultureInfo.InvariantCulture));
        Assert.True(byId.Code == 0, byId.Err);
        Assert.Equal(byName.Out, byId.Out);
        var again = await LatestRunAsync(periodId);
        Assert.Equal(run.ResultHash, again.ResultHash);
        Assert.Equal((again.Agents, again.Eligible, again.Recognised, again.IncentiveTotal, again.Recommendations), Parse(byId.Out));
    }

    [Fact]
    public async Task An_unknown_period_or_a_missing_argument_ends_with_exit_code_1_and_the_reason()
    {
        Assert.Equal(0, (await Run("migrate")).Code);

        var unknown = await Run(RewardsVerb.Name, "--period", "Triwulan Tidak Ada");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("no reward period with id or name 'Triwulan Tidak Ada'", unknown.Err);
        Assert.Equal("", unknown.Out);

        var missing = await Run(RewardsVerb.Name);
        Assert.Equal(1, missing.Code);
        Assert.Contains("usage: compute-rewards --period <id|name>", missing.Err);
    }

    [Fact]
    public void The_line_prints_plain_invariant_integers()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("id-ID");
            Assert.Equal("agents 80000, eligible 71234, recognised 10, incentives Rp 50000000, recommendations 1234",
                RewardsVerb.Line(80000, 71234, 10, 50_000_000, 1234));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
