using System.Net;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentProgram.Tests.Features.Imports;

/// <summary>The app without its background import worker, so a test can drive the worker's steps itself.</summary>
public sealed class NoImportWorkerApp : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var d in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ImportWorker)).ToList())
                services.Remove(d);
        });
    }

    public ImportWorker NewWorker() => new(
        Services.GetRequiredService<IServiceScopeFactory>(), Services.GetRequiredService<ImportSignal>(), Services.GetRequiredService<IOptions<ImportOptions>>(),
        Services.GetRequiredService<IConfiguration>(), TimeProvider.System, NullLogger<ImportWorker>.Instance);
}

/// <summary>Claiming queued batches, abandoned batches, expired previews, and why a crash is harmless.</summary>
public sealed class ImportWorkerTests(NoImportWorkerApp app) : IClassFixture<NoImportWorkerApp>
{
    private async Task<int> AddBatchAsync(ImportState state, DateTime? uploadedUtc = null) => await app.WithDb(async db =>
    {
        var b = new ImportBatch { Kind = ImportKind.Employees, FileName = "x.csv", State = state, UploadedUtc = uploadedUtc ?? DateTime.UtcNow, Content = [1, 2, 3] };
        db.ImportBatches.Add(b);
        await db.SaveChangesAsync();
        return b.Id;
    });

    private Task<ImportState> StateAsync(int id) => app.WithDb(db => db.ImportBatches.Where(b => b.Id == id).Select(b => b.State).SingleAsync());

    [Fact]
    public async Task Two_workers_never_claim_the_same_batch_and_one_batch_runs_at_a_time()
    {
        await app.WithDb(db => db.ImportBatches.Where(b => b.State == ImportState.Queued || b.State == ImportState.Running).ExecuteDeleteAsync());
        var first = await AddBatchAsync(ImportState.Queued);
        var second = await AddBatchAsync(ImportState.Queued);
        var workers = Enumerable.Range(0, 4).Select(_ => app.NewWorker()).ToList();

        var claims = await Task.WhenAll(workers.Select(w => w.ClaimNextAsync(CancellationToken.None)));
        Assert.Equal([first], claims.Where(c => c is not null).Cast<int>());
        Assert.Equal(ImportState.Running, await StateAsync(first));
        // While one batch runs, the next waits.
        Assert.Null(await workers[0].ClaimNextAsync(CancellationToken.None));
        Assert.Equal(ImportState.Queued, await StateAsync(second));
        await app.WithDb(db => db.ImportBatches.Where(b => b.Id == first || b.Id == second).ExecuteDeleteAsync());
        workers.ForEach(w => w.Dispose());
    }

    [Fact]
    public async Task At_start_up_running_batches_are_abandoned_and_old_previews_deleted()
    {
        var running = await AddBatchAsync(ImportState.Running);
        var oldPreview = await AddBatchAsync(ImportState.Previewed, DateTime.UtcNow.AddDays(-2));
        var freshPreview = await AddBatchAsync(ImportState.Previewed);
        using var worker = app.NewWorker();

        await worker.HousekeepingAsync(startup: true, CancellationToken.None);

        var failed = await app.WithDb(db => db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == running));
        Assert.Equal(ImportState.Failed, failed.State);
        Assert.Equal(ImportTexts.BatchAbandoned, failed.FailureMessage);
        Assert.Null(failed.Content);
        Assert.NotNull(failed.CompletedUtc);
        Assert.False(await app.WithDb(db => db.ImportBatches.AnyAsync(b => b.Id == oldPreview)));
        Assert.True(await app.WithDb(db => db.ImportBatches.AnyAsync(b => b.Id == freshPreview)));

        var client = await app.HrAsync();
        var page = await client.GetHtmlAsync($"/impor/{running}");
        Assert.Equal("Gagal", ImportTestKit.State(page));
        Assert.Contains("aplikasi dimulai ulang", ImportTestKit.Text(page));
    }

    [Fact]
    public async Task A_queued_import_waits_on_a_page_that_follows_it_and_a_crash_mid_import_is_harmless()
    {
        var g = new SiasnSampleGenerator(seed: 5150);
        var units = g.Units(4);
        await app.EnsureUnitsAsync(units);
        var file = SiasnSampleGenerator.EmployeesCsv(g.Employees(30, units));
        var client = await app.HrAsync();
        await app.WithDb(db => db.ImportBatches.Where(b => b.State == ImportState.Queued || b.State == ImportState.Running).ExecuteDeleteAsync());

        var id = await client.UploadOkAsync(file, "antre.csv");
        await client.ConfirmAsync(id);
        var waiting = await client.GetAsync($"/impor/{id}");
        Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
        Assert.Equal("2", Assert.Single(waiting.Headers.GetValues("Refresh")));
        var html = await waiting.Content.ReadAsStringAsync();
        Assert.Equal("Menunggu giliran", ImportTestKit.State(html));
        // What waits for the worker holds only the mapped columns, under their SIASN names.
        var stored = System.Text.Encoding.UTF8.GetString(await app.WithDb(db => db.ImportBatches.Where(b => b.Id == id).Select(b => b.Content!).SingleAsync()));
        Assert.StartsWith("#BARIS,NIP BARU,PNS ID,NIP LAMA,NAMA,", stored);
        Assert.DoesNotContain("NIK", stored.Split('\n')[0]);
        Assert.DoesNotContain("AGAMA", stored.Split('\n')[0]);

        // The worker's steps, by hand: claim, run.
        using var worker = app.NewWorker();
        Assert.Equal(id, await worker.ClaimNextAsync(CancellationToken.None));
        await app.WithServices(sp => sp.GetRequiredService<ImportRunner>().RunStoredAsync(id, CancellationToken.None));
        Assert.Equal(new ImportCounts(30, 0, 0, 0, 0), ImportTestKit.Counts(await client.GetHtmlAsync($"/impor/{id}")));

        // A crash after some chunks were saved leaves the batch Running; start-up marks it failed;
        // importing the same file again is safe: everything already saved is unchanged.
        await app.WithDb(db => db.ImportBatches.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.State, ImportState.Running)));
        await worker.HousekeepingAsync(startup: true, CancellationToken.None);
        Assert.Equal(ImportState.Failed, await StateAsync(id));
        var again = await client.UploadOkAsync(file, "antre.csv");
        await client.ConfirmAsync(again);
        Assert.Equal(again, await worker.ClaimNextAsync(CancellationToken.None));
        await app.WithServices(sp => sp.GetRequiredService<ImportRunner>().RunStoredAsync(again, CancellationToken.None));
        Assert.Equal(new ImportCounts(0, 0, 30, 0, 0), ImportTestKit.Counts(await client.GetHtmlAsync($"/impor/{again}")));
    }

    [Fact]
    public async Task The_history_pages_newest_first()
    {
        for (var i = 0; i < ListImportsPageSize + 3; i++) await AddBatchAsync(ImportState.Completed);
        var newest = await app.WithDb(db => db.ImportBatches.MaxAsync(b => b.Id));
        var total = await app.WithDb(db => db.ImportBatches.CountAsync());
        var client = await app.HrAsync();

        var first = await client.GetHtmlAsync("/impor");
        Assert.Equal(ListImportsPageSize, System.Text.RegularExpressions.Regex.Count(first, "data-testid=\"import-row\""));
        Assert.True(first.IndexOf($"href=\"/impor/{newest}\"", StringComparison.Ordinal) > 0);
        var pages = (total + ListImportsPageSize - 1) / ListImportsPageSize;
        Assert.Contains($"Halaman 1 dari {pages}", first);
        var last = await client.GetHtmlAsync($"/impor?hal={pages}");
        Assert.Equal(total - ((pages - 1) * ListImportsPageSize), System.Text.RegularExpressions.Regex.Count(last, "data-testid=\"import-row\""));
        Assert.DoesNotContain($"href=\"/impor/{newest}\"", last);
    }

    private const int ListImportsPageSize = AgentProgram.Web.Features.Imports.ListImportsHandler.PageSize;
}
