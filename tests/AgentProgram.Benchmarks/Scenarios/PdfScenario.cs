using System.Diagnostics;
using AgentProgram.Benchmarks.Infrastructure;
using AgentProgram.Web.Features.Documents;
using AgentProgram.Web.Features.Documents.Appendix;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Features.Documents.Summary;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Pig = UglyToad.PdfPig;

namespace AgentProgram.Benchmarks.Scenarios;

/// <summary>
/// The leadership PDFs at scale: a reward period calculated for every agent (the rewards scenario's data, fewer
/// reports by default), then the period summary and the reward appendix built from the database and drawn, and a
/// batch of recommendation letters drawn one PDF each (as finalisation draws them). Beside each, in the same run,
/// the floor: SkiaSharp writing the same words (read back from our PDF) on the same number of pages with the same
/// font, one line after another, with no layout at all.
/// </summary>
public sealed class PdfScenario : IScenario
{
    private static readonly DateOnly IssuedOn = new(2026, 12, 5);

    public string Description => "Period summary and reward appendix for every agent of a calculated period, and a batch of letters, each beside SkiaSharp drawing the same text with no layout.";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("agents", "80000", "agents to generate (every one gets a result row; those with an outcome go in the appendix)"),
        new("reports", "400000", "share reports to generate for the calculation"),
        new("letters", "1000", "recommendation letters drawn in the batch (the period's letters repeated if there are fewer)"),
        new("trace", "0", "1: every SQL command the app runs for 20 ms or more, with its whole time, on stderr"),
    ];

    public async Task RunAsync(string name, BenchArgs args, BenchOutput output, CancellationToken ct)
    {
        var agents = args.GetInt32("agents", min: 1);
        var reports = args.GetInt32("reports", min: 0);
        var letterCount = args.GetInt32("letters", min: 1);
        var trace = args.GetInt32("trace", min: 0) > 0;

        await using var database = await SyntheticDatabase.CreateAsync(ct);
        BenchOutput.Note($"seeding {agents:N0} agents and about {reports:N0} share reports, then calculating the period");
        var seed = await database.AddRewardPeriodAsync(agents, reports, ct);
        SqliteConnection.ClearAllPools();
        // The seeding ran in this process with a 256 MB SQLite page cache; glibc keeps that freed memory mapped, and it
        // would count in the appendix's peak although the app never allocated it. Handed back before the app starts;
        // what the app's own calculation and rebuild leave behind stays counted.
        BenchOutput.Note($"memory after seeding: {ResidentSplit()}; returned to the system: {PeakMemory.ReturnFreedNativeMemory()}; now {ResidentSplit()}");
        // The dashboards' stored aggregates are kept up to date all the time in a real installation: built here once,
        // timed apart, with the app's own once-a-minute refresher off so it never runs during a measurement.
        await using var app = new BenchApp(database, trace ? RewardsScenario.TraceSql : null);
        var services = app.Services;
        var run = (await RewardsScenario.CalculateAsync(services, seed.PeriodId, ct)).Run;
        BenchOutput.Note($"memory after the calculation: {ResidentSplit()}");
        var aggregates = System.Diagnostics.Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AgentProgram.Web.Infrastructure.Aggregates.AggregateRefresher>().RebuildAllAsync(ct);
        output.Print($"{name}.aggregates", "seconds", aggregates.Elapsed.TotalSeconds);
        BenchOutput.Note($"memory after the aggregates: {ResidentSplit()}");
        BenchFacts.Print(name, "agents", run.Agents);
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        BenchOutput.Note($"load average before measuring: {RewardsScenario.LoadAverage()}");

        var stamp = new DocumentStamp("B-1/HM.01/XII/2026", "ABCDEFGH23", "https://agen.example.go.id/verifikasi/ABCDEFGH23", IssuedOn, false);

        // Summary: the model from the database and the drawing, as a download does. The first call in a process
        // also compiles the model's queries (EF caches them): printed apart, the second call is the figure.
        var cold = await SummaryAsync(services, seed.PeriodId, stamp, ct);
        output.Print($"{name}.summary.cold", "seconds", cold.Seconds);
        var (summary, summarySeconds) = await SummaryAsync(services, seed.PeriodId, stamp, ct);
        output.Print($"{name}.summary", "seconds", summarySeconds);
        var summaryFloor = Floor(summary, 1);
        output.Print($"{name}.summary.floor", "seconds", summaryFloor);
        BenchFacts.Print($"{name}.summary", "bytes", summary.Length);

        // Appendix: every agent with an outcome, by unit, with totals. The synthetic scheme gives outcomes to about
        // 1,200 agents; the appendix is to be measured for every agent, so every result is marked recognised first.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AgentProgram.Web.Data.AppDbContext>();
            await db.RewardResults.Where(r => r.RunId == run.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Outcomes, r => r.Outcomes | AgentProgram.Web.Domain.Rewards.RewardOutcomes.Recognition), ct);
        }
        SqliteConnection.ClearAllPools();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        byte[] appendix;
        double appendixSeconds, peakMb;
        int rows;
        using (var self = Process.GetCurrentProcess())
            BenchOutput.Note($"appendix: working set before the step {self.WorkingSet64 / 1048576.0:0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MB, GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:0} MB; {ResidentSplit()}");
        using (var peak = new PeakMemory())
        {
            var cpu = CpuTime.Start();
            var clock = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var model = await scope.ServiceProvider.GetRequiredService<AppendixModelHandler>().BuildAsync(seed.PeriodId, IssuedOn, ct)
                ?? throw new InvalidOperationException("No appendix model.");
            var built = clock.Elapsed;
            appendix = AppendixDocument.Render(model, stamp);
            appendixSeconds = clock.Elapsed.TotalSeconds;
            peakMb = peak.PeakMegabytes;
            rows = model.TotalAgents;
            BenchOutput.Note($"appendix: {rows:N0} agents, model {built.TotalSeconds:0.00} s, drawing {(appendixSeconds - built.TotalSeconds):0.00} s, process CPU {cpu.Elapsed.TotalSeconds:0.00} s");
        }
        output.Print($"{name}.appendix", "seconds", appendixSeconds);
        output.Print($"{name}.appendix", "peak_mb", peakMb);
        var appendixFloor = Floor(appendix, 1);
        output.Print($"{name}.appendix.floor", "seconds", appendixFloor);
        output.Print($"{name}.appendix", "ratio", appendixSeconds / appendixFloor);
        BenchFacts.Print($"{name}.appendix", "rows", rows);
        BenchFacts.Print($"{name}.appendix", "pages", PageCount(appendix));
        BenchFacts.Print($"{name}.appendix", "bytes", appendix.Length);

        // Letters: one PDF each, as the batch finalisation draws them.
        IReadOnlyList<RecommendationLetterModel> letters;
        await using (var scope = services.CreateAsyncScope())
        {
            letters = await scope.ServiceProvider.GetRequiredService<RecommendationLetterModelHandler>().BuildAllAsync(seed.PeriodId, IssuedOn, ct) ?? [];
        }
        if (letters.Count == 0) throw new InvalidOperationException("The period has no recommendation to write letters for.");
        BenchOutput.Note($"letters: the period recommends {letters.Count:N0} agents; drawing {letterCount:N0}");
        RecommendationLetterDocument.Render(letters[0], stamp); // warm-up: fonts and code paths
        var pdfs = new byte[letterCount][];
        var letterClock = Stopwatch.StartNew();
        for (var i = 0; i < letterCount; i++) pdfs[i] = RecommendationLetterDocument.Render(letters[i % letters.Count], stamp);
        var lettersPerSecond = letterCount / letterClock.Elapsed.TotalSeconds;
        output.Print($"{name}.letters", "per_s", lettersPerSecond);
        var letterFloor = 0.0;
        for (var i = 0; i < Math.Min(letterCount, letters.Count); i++) letterFloor += Floor(pdfs[i], 1);
        letterFloor = Math.Min(letterCount, letters.Count) / letterFloor;
        output.Print($"{name}.letters.floor", "per_s", letterFloor);
        BenchFacts.Print($"{name}.letters", "bytes_each", pdfs.Sum(p => (long)p.Length) / letterCount);
    }

    private static async Task<(byte[] Pdf, double Seconds)> SummaryAsync(IServiceProvider services, int periodId, DocumentStamp stamp, CancellationToken ct)
    {
        var cpu = CpuTime.Start();
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<SummaryModelHandler>().BuildAsync(periodId, IssuedOn, ct)
            ?? throw new InvalidOperationException("No summary model.");
        var built = clock.Elapsed;
        var pdf = SummaryDocument.Render(model, stamp);
        BenchOutput.Note($"summary: model {built.TotalSeconds:0.00} s, drawing {(clock.Elapsed - built).TotalSeconds:0.00} s, process CPU {cpu.Elapsed.TotalSeconds:0.00} s");
        return (pdf, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The kernel's split of the resident set (anonymous memory, mapped files, shared memory), from /proc/self/status.</summary>
    private static string ResidentSplit()
    {
        if (!OperatingSystem.IsLinux()) return "";
        var lines = File.ReadAllLines("/proc/self/status").Where(l => l.StartsWith("RssAnon", StringComparison.Ordinal) || l.StartsWith("RssFile", StringComparison.Ordinal) || l.StartsWith("RssShmem", StringComparison.Ordinal));
        return string.Join(", ", lines.Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
    }

    private static int PageCount(byte[] pdf)
    {
        using var document = Pig.PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>
    /// Seconds for SkiaSharp to write the words of <paramref name="pdf"/> on as many A4 pages, each page's words
    /// on lines of the regular face at 10 pt from the top-left margin: the same text, no measuring, wrapping,
    /// tables or pagination. The words are read back before the clock starts.
    /// </summary>
    private static double Floor(byte[] pdf, int repeat)
    {
        var pages = new List<string[]>();
        using (var document = Pig.PdfDocument.Open(pdf))
        {
            foreach (var page in document.GetPages()) pages.Add([.. page.GetWords().Select(w => w.Text)]);
        }
        using var font = new SKFont(PdfFonts.Get(false, false), 10);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < repeat; r++)
        {
            using var stream = new MemoryStream();
            using (var skStream = new SKManagedWStream(stream))
            using (var document = SKDocument.CreatePdf(skStream))
            {
                foreach (var words in pages)
                {
                    var canvas = document.BeginPage(595, 842);
                    float x = 40, y = 40;
                    foreach (var word in words)
                    {
                        canvas.DrawText(word, x, y, font, paint);
                        x += 60;
                        if (x > 540) (x, y) = (40, y + 12);
                    }
                    document.EndPage();
                }
                document.Close();
            }
        }
        return clock.Elapsed.TotalSeconds / repeat;
    }
}
