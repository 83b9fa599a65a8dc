using System.Globalization;
using System.Security.Cryptography;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents;
using AgentProgram.Web.Infrastructure.Cli;
using AgentProgram.Web.Infrastructure.Hosting;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace AgentProgram.Tests.Reliability;

/// <summary>
/// The app killed (as by kill -9) in the middle of a reward calculation, a bulk employee import and a PDF finalisation,
/// at a named point (<see cref="FaultPoints"/>), then started again over the same database: each either completed or
/// left no trace, and running it again gives what one uninterrupted run gives.
/// </summary>
public sealed class FaultTests : IDisposable
{
    private const string BaseUrl = "https://agen.contohkota.go.id";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentprogram-faults", Guid.NewGuid().ToString("N"));

    public FaultTests() => Directory.CreateDirectory(_dir);

    /// <summary>The name <see cref="AppInstance"/> gives the shared file, so the app can be restarted in-process over it.</summary>
    private string Database => Path.Combine(_dir, "shared.db");

    private Task<ProcessResult> Run(string? fault, params string[] args) => AppProcess.RunAsync(_dir, Database, fault, null, args);

    private static SqliteAppDbContext Context(string database) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={database};Pooling=False").Options);

    private SqliteAppDbContext Context() => Context(Database);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A copy of the database as it is now, in a folder of its own, for the uninterrupted reference run.</summary>
    private string CopyOfDatabase(string name)
    {
        var folder = Path.Combine(_dir, name);
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "shared.db");
        using var source = new SqliteConnection($"Data Source={Database};Pooling=False");
        using var target = new SqliteConnection($"Data Source={copy};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        return copy;
    }

    /// <summary>
    /// Five agents, two closed messages with an assignment each, eight verified reports with a snapshot each, a scheme
    /// with an approved version (incentives of Rp 400,000 for the top two, budget Rp 1,000,000) and an open quarter.
    /// </summary>
    private async Task<(int PeriodId, int PeriodVersion, int MessageId)> SeedAsync()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        using var quiet = db.SuppressEntityAudit();
        var start = new DateTime(2026, 3, 31, 17, 0, 0, DateTimeKind.Utc); // 1 April 2026 00:00 WIB
        var agents = new List<Agent>();
        for (var i = 0; i < 5; i++)
        {
            var n = Id(i + 1);
            var email = $"agen{n}@uji.test";
            var agent = new Agent
            {
                Employee = new Employee
                {
                    Nip = $"19850202201001100{i + 1}", Name = "Pegawai Gangguan " + n, EmploymentType = EmploymentType.Pns, LegalStatus = LegalStatus.Aktif,
                    CreatedUtc = start.AddDays(-100), UpdatedUtc = start.AddDays(-100),
                },
                User = new AppUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, DisplayName = "Agen Gangguan " + n, CreatedUtc = start.AddDays(-100), SecurityStamp = Guid.NewGuid().ToString("N"),
                },
                Status = AgentStatus.Active, EnrolledUtc = start.AddDays(-90), CodeOfConductAcceptedUtc = start.AddDays(-90), DataConsentUtc = start.AddDays(-90),
            };
            db.Agents.Add(agent);
            agents.Add(agent);
        }
        var messages = Enumerable.Range(0, 2).Select(i => new PolicyMessage
        {
            Title = "Pesan Gangguan " + Id(i + 1), PolicyReference = "Uji/" + Id(i + 1), Source = MessageSource.OwnUnit,
            Mission = i == 0 ? MissionTag.Transparansi : MissionTag.Kolaborasi, AuthorUserId = "uji", Status = MessageStatus.Closed,
            ActiveFromUtc = start.AddDays(10 + 20 * i), ActiveUntilUtc = start.AddDays(24 + 20 * i), CreatedUtc = start.AddDays(9 + 20 * i),
            PublishedUtc = start.AddDays(10 + 20 * i), ClosedUtc = start.AddDays(24 + 20 * i),
        }).ToList();
        db.PolicyMessages.AddRange(messages);
        var scheme = new RewardScheme { Name = "Skema Gangguan", CreatedUtc = start.AddDays(-30) };
        db.RewardSchemes.Add(scheme);
        await db.SaveChangesAsync();

        var rules = RewardRules.Default with
        {
            Incentive = new IncentiveRule(true, "Perwali Uji 3/2026", "5.1.02.01.01.0026", 1_000_000, [new IncentiveTier(1, 2, 400_000)]),
        };
        db.RewardSchemeVersions.Add(new RewardSchemeVersion
        {
            SchemeId = scheme.Id, Number = 1, State = SchemeVersionState.Approved, RulesJson = rules.ToJson(),
            CreatedUtc = start.AddDays(-30), SubmittedUtc = start.AddDays(-29), ApprovedUtc = start.AddDays(-28), ApprovedByUserId = "pimpinan",
        });
        var period = new RewardPeriod
        {
            Name = "Triwulan II 2026", Kind = PeriodKind.Quarterly, StartDate = new DateOnly(2026, 4, 1), EndDate = new DateOnly(2026, 6, 30),
            SchemeId = scheme.Id, State = PeriodState.Open, CreatedUtc = start.AddDays(-1),
        };
        db.RewardPeriods.Add(period);
        var assignments = new Dictionary<(int, int), Assignment>();
        for (var a = 0; a < agents.Count; a++)
            for (var m = 0; m < messages.Count; m++)
            {
                var assignment = new Assignment { Message = messages[m], Agent = agents[a], DueUtc = messages[m].ActiveFromUtc.AddDays(3), CreatedUtc = messages[m].ActiveFromUtc };
                db.Assignments.Add(assignment);
                assignments[(a, m)] = assignment;
            }
        await db.SaveChangesAsync();

        (int Agent, int Message, Platform Platform, long Views)[] shares =
        [
            (0, 0, Platform.X, 5000), (0, 1, Platform.X, 900), (1, 0, Platform.Instagram, 3000), (1, 1, Platform.X, 2500),
            (2, 0, Platform.X, 700), (3, 1, Platform.Facebook, 1800), (4, 0, Platform.X, 60), (4, 1, Platform.TikTok, 4200),
        ];
        for (var k = 0; k < shares.Length; k++)
        {
            var (agent, message, platform, views) = shares[k];
            var posted = messages[message].PublishedUtc!.Value.AddHours(2 + k);
            var report = new ShareReport
            {
                AssignmentId = assignments[(agent, message)].Id, AgentId = agents[agent].Id, MessageId = messages[message].Id, Platform = platform,
                PostUrl = $"https://example.org/gangguan/{k}", ClaimKey = $"gangguan:{k}", PostedUtc = posted, SubmittedUtc = posted.AddHours(1),
                SubmissionKey = Guid.NewGuid(), State = ReportState.Verified, ReviewedByUserId = "humas", ReviewedUtc = posted.AddDays(1),
            };
            report.Snapshots.Add(new ReportSnapshot
            {
                Source = MetricSource.Screenshot, Window = SnapshotWindow.Hours24, TakenUtc = posted.AddDays(1), Views = views, Reposts = views / 50,
                Comments = views / 100, CreatedUtc = posted.AddDays(1),
            });
            db.ShareReports.Add(report);
        }
        await db.SaveChangesAsync();
        return (period.Id, period.Version, messages[0].Id);
    }

    [Fact]
    public async Task A_reward_calculation_killed_after_writing_its_results_leaves_no_trace_and_runs_again()
    {
        var (periodId, version, _) = await SeedAsync();
        var reference = CopyOfDatabase("acuan");

        var killed = await Run(FaultPoints.RewardResultsWritten, RewardsVerb.Name, "--period", Id(periodId));
        Assert.True(killed.KilledAt(FaultPoints.RewardResultsWritten), killed.ToString());
        Assert.Equal("", killed.Out);

        // Restarted: no run, no result, the period as it was, nothing audited.
        await using (var db = Context())
        {
            Assert.Equal(0, await db.RewardRuns.CountAsync());
            Assert.Equal(0, await db.RewardResults.CountAsync());
            var period = await db.RewardPeriods.AsNoTracking().SingleAsync(p => p.Id == periodId);
            Assert.Equal((PeriodState.Open, version, (int?)null, (int?)null), (period.State, period.Version, period.CurrentRunId, period.SchemeVersionId));
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "RewardPeriod.Calculated"));
        }

        var again = await Run(null, RewardsVerb.Name, "--period", Id(periodId));
        Assert.True(again.ExitCode == 0, again.ToString());
        var uninterrupted = await AppProcess.RunAsync(Path.GetDirectoryName(reference)!, reference, null, null, RewardsVerb.Name, "--period", Id(periodId));
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.ToString());
        Assert.Equal(uninterrupted.Out, again.Out);
        Assert.StartsWith("agents 5, ", again.Out, StringComparison.Ordinal);

        await using var after = Context();
        await using var clean = Context(reference);
        var run = await after.RewardRuns.AsNoTracking().SingleAsync();
        var cleanRun = await clean.RewardRuns.AsNoTracking().SingleAsync();
        Assert.Equal(1, run.Number); // the killed run took no number
        Assert.Equal(cleanRun.ResultHash, run.ResultHash);
        Assert.Equal(5, await after.RewardResults.CountAsync(r => r.RunId == run.Id));
        var period2 = await after.RewardPeriods.AsNoTracking().SingleAsync(p => p.Id == periodId);
        Assert.Equal((PeriodState.Calculated, version + 1, (int?)run.Id), (period2.State, period2.Version, period2.CurrentRunId));
    }

    [Fact]
    public async Task A_document_finalisation_killed_after_storing_the_pdf_leaves_no_number_used_and_runs_again()
    {
        var (_, _, messageId) = await SeedAsync();
        string[] args = [FinaliseDocumentVerb.Name, "message", "--message", Id(messageId), "--base-url", BaseUrl];

        var killed = await Run(FaultPoints.DocumentContentStored, args);
        Assert.True(killed.KilledAt(FaultPoints.DocumentContentStored), killed.ToString());
        await using (var db = Context())
        {
            Assert.Equal(0, await db.IssuedDocuments.CountAsync());
            Assert.Equal(0, await db.IssuedDocumentContents.CountAsync());
            Assert.Equal(0, await db.DocumentCounters.CountAsync()); // the reserved number went back with the rest
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == DocumentFinalisationService.AuditAction));
        }

        var again = await Run(null, args);
        Assert.True(again.ExitCode == 0, again.ToString());
        IssuedDocument issued;
        byte[] bytes;
        await using (var db = Context())
        {
            issued = await db.IssuedDocuments.AsNoTracking().SingleAsync();
            bytes = await db.IssuedDocumentContents.AsNoTracking().Where(c => c.DocumentId == issued.Id).Select(c => c.Bytes).SingleAsync();
            Assert.Equal(1, (await db.DocumentCounters.AsNoTracking().SingleAsync(c => c.Kind == DocumentKind.MessageReport)).LastSequence);
        }
        var expectedNumber = string.Create(CultureInfo.InvariantCulture, $"B-1/HM.03/{issued.IssuedOn.Month:D2}/{issued.IssuedOn.Year}");
        Assert.Equal((1, expectedNumber), (issued.Sequence, issued.Number));
        Assert.Equal($"finalised 1, already finalised 0, number {expectedNumber}", again.Out);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), issued.Sha256);
        using (var pdf = PdfDocument.Open(bytes))
        {
            var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
            Assert.Contains(expectedNumber, text, StringComparison.Ordinal);
            Assert.Contains(issued.VerificationCode, text, StringComparison.Ordinal);
            Assert.DoesNotContain("KONSEP", text, StringComparison.Ordinal);
        }

        // A third run finds it finalised and changes nothing.
        var third = await Run(null, args);
        Assert.Equal($"finalised 0, already finalised 1, number {expectedNumber}", third.Out);
        await using var last = Context();
        Assert.Equal(1, await last.IssuedDocuments.CountAsync());
    }

    [Fact]
    public async Task A_bulk_import_killed_inside_its_second_chunk_keeps_only_whole_chunks_and_completes_when_run_again()
    {
        const int Rows = EmployeeImporter.ChunkSize + 600;
        var g = new SiasnSampleGenerator(seed: 909);
        var units = g.Units(12);
        var rows = g.Employees(Rows, units).ToList();
        Assert.All(rows, r => Assert.Equal(SampleDefect.None, r.Defect));
        var unitFile = Path.Combine(_dir, "unor.csv");
        var employeeFile = Path.Combine(_dir, "Export Data ASN.csv");
        await File.WriteAllBytesAsync(unitFile, SiasnSampleGenerator.UnitsCsv(units));
        await File.WriteAllBytesAsync(employeeFile, SiasnSampleGenerator.EmployeesCsv(rows));

        // The uninterrupted reference, in a folder of its own.
        var cleanDir = Path.Combine(_dir, "acuan");
        Directory.CreateDirectory(cleanDir);
        var cleanDb = Path.Combine(cleanDir, "shared.db");
        var clean = await AppProcess.RunAsync(cleanDir, cleanDb, null, null, ImportVerb.Name, employeeFile, "--units", unitFile);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.StartsWith($"imported {Rows}, updated 0, unchanged 0, ", clean.Out, StringComparison.Ordinal);

        var fault = FaultPoints.ImportChunkBeforeCommit + "#2";
        var killed = await Run(fault, ImportVerb.Name, employeeFile, "--units", unitFile);
        Assert.True(killed.KilledAt(FaultPoints.ImportChunkBeforeCommit), killed.ToString());
        await using (var db = Context())
        {
            // The first chunk whole, the second not at all, and the batch's progress saying exactly that.
            Assert.Equal(EmployeeImporter.ChunkSize, await db.Employees.CountAsync());
            var batch = await db.ImportBatches.AsNoTracking().SingleAsync(b => b.Kind == ImportKind.Employees);
            Assert.Equal((ImportState.Running, EmployeeImporter.ChunkSize, EmployeeImporter.ChunkSize, Rows),
                (batch.State, batch.ProcessedRows, batch.NewCount, batch.TotalRows));
            var firstChunk = rows.Take(EmployeeImporter.ChunkSize).Select(r => r.Nip).Order().ToList();
            Assert.Equal(firstChunk, await db.Employees.AsNoTracking().Select(e => e.Nip).OrderBy(n => n).ToListAsync());
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == ImportRunner.AuditAction && a.EntityKey == Id(batch.Id)));
        }

        // The app starts again (the only instance): the abandoned batch is marked failed, so the officer sees it and the queue moves.
        using (new AppInstance(_dir, new Dictionary<string, string?> { ["Imports:SingleInstance"] = "true" }))
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            ImportState state;
            do
            {
                await using var db = Context();
                state = await db.ImportBatches.AsNoTracking().Where(b => b.Kind == ImportKind.Employees).Select(b => b.State).SingleAsync();
                if (state != ImportState.Running) break;
                await Task.Delay(50);
            }
            while (DateTime.UtcNow < deadline);
            Assert.Equal(ImportState.Failed, state);
        }

        var again = await Run(null, ImportVerb.Name, employeeFile);
        Assert.True(again.ExitCode == 0, again.ToString());
        var warned = clean.Out.Split(", ")[3];
        Assert.Equal($"imported {Rows - EmployeeImporter.ChunkSize}, updated 0, unchanged {EmployeeImporter.ChunkSize}, {warned}, rejected 0", again.Out);

        // The same employees, field for field (the import hash), as the uninterrupted run.
        await using var after = Context();
        await using var reference = Context(cleanDb);
        var got = await after.Employees.AsNoTracking().OrderBy(e => e.Nip).Select(e => new { e.Nip, e.ImportHash }).ToListAsync();
        var want = await reference.Employees.AsNoTracking().OrderBy(e => e.Nip).Select(e => new { e.Nip, e.ImportHash }).ToListAsync();
        Assert.Equal(Rows, got.Count);
        Assert.Equal(want, got);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
