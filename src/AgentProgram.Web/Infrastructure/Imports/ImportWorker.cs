using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>Settings under "Imports" in configuration.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Largest upload accepted. An 80 000-row SIASN export is about 60 MB as CSV.</summary>
    public int MaxFileMegabytes { get; set; } = 100;

    /// <summary>How often the worker looks for queued batches queued by another instance (it is woken at once for its own).</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>A Running batch whose progress has not moved for this long is taken as abandoned (its instance died).</summary>
    public int StaleAfterMinutes { get; set; } = 15;

    /// <summary>An upload left in preview this long is deleted with its stored copy.</summary>
    public int PreviewHours { get; set; } = 24;

    /// <summary>
    /// True when this is the only instance running imports (the default with SQLite): on start-up every
    /// Running batch is then known to be abandoned and is marked Failed at once. With several instances
    /// only batches without progress for <see cref="StaleAfterMinutes"/> are.
    /// </summary>
    public bool? SingleInstance { get; set; }

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
}

/// <summary>Wakes the worker when a batch is queued on this instance.</summary>
public sealed class ImportSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Notify()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _queued.WaitAsync(timeout, ct);

    public void Dispose() => _queued.Dispose();
}

/// <summary>
/// Runs queued imports in the background, one at a time per installation. A batch is claimed with a
/// conditional update (Queued → Running, only while no other batch is Running), so two instances never
/// run the same batch. Housekeeping: abandoned Running batches become Failed (at start-up when this is
/// the only instance, otherwise when their progress has not moved for a while) and uploads left in
/// preview are deleted with their stored copy.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportSignal signal, IOptions<ImportOptions> options, IConfiguration config,
    TimeProvider clock, ILogger<ImportWorker> log) : BackgroundService
{
    private readonly Dictionary<int, (int Processed, DateTime Since)> _observed = [];
    private DateTime _nextHousekeeping = DateTime.MinValue;

    private ImportOptions Options => options.Value;

    private bool SingleInstance => Options.SingleInstance ?? DatabaseServices.Provider(config) == DatabaseProvider.Sqlite;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var startup = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (startup || clock.GetUtcNow().UtcDateTime >= _nextHousekeeping)
                {
                    await HousekeepingAsync(startup, stoppingToken);
                    startup = false;
                    _nextHousekeeping = clock.GetUtcNow().UtcDateTime.AddMinutes(1);
                }
                if (await ClaimNextAsync(stoppingToken) is { } batchId)
                {
                    await RunAsync(batchId, stoppingToken);
                    continue;
                }
                await signal.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, Options.PollSeconds)), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must survive a database hiccup; it logs and tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                ImportLog.CycleFailed(log, e);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, Options.PollSeconds)), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims the oldest queued batch, unless a batch is already running anywhere.</summary>
    public async Task<int?> ClaimNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var next = await db.ImportBatches.AsNoTracking().Where(b => b.State == ImportState.Queued)
            .OrderBy(b => b.Id).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
        if (next is not { } id) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.ImportBatches
            .Where(b => b.Id == id && b.State == ImportState.Queued && !db.ImportBatches.Any(o => o.State == ImportState.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, ImportState.Running).SetProperty(b => b.StartedUtc, now), ct);
        return claimed == 1 ? id : null;
    }

    private async Task RunAsync(int batchId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        try
        {
            await runner.RunStoredAsync(batchId, ct);
        }
        catch (Exception e) when (e is ImportFileException or ImportStoppedException)
        {
            // Already recorded on the batch (or the batch is no longer ours).
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure ends the batch as Failed with a message the officer can act on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ImportLog.Failed(log, e, batchId);
            await using var failScope = scopes.CreateAsyncScope();
            await failScope.ServiceProvider.GetRequiredService<ImportRunner>().FailAsync(batchId, ImportTexts.BatchFailedSystem, CancellationToken.None);
        }
    }

    /// <summary>Marks abandoned Running batches Failed and deletes stale previews.</summary>
    public async Task HousekeepingAsync(bool startup, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        var running = await db.ImportBatches.AsNoTracking().Where(b => b.State == ImportState.Running)
            .Select(b => new { b.Id, b.ProcessedRows }).ToListAsync(ct);
        foreach (var b in running)
        {
            var abandoned = startup && SingleInstance;
            if (!abandoned)
            {
                if (!_observed.TryGetValue(b.Id, out var seen) || seen.Processed != b.ProcessedRows)
                    _observed[b.Id] = (b.ProcessedRows, now);
                else
                    abandoned = now - seen.Since >= TimeSpan.FromMinutes(Math.Max(1, Options.StaleAfterMinutes));
            }
            if (!abandoned) continue;
            var processed = b.ProcessedRows;
            var n = await db.ImportBatches.Where(x => x.Id == b.Id && x.State == ImportState.Running && x.ProcessedRows == processed)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, ImportState.Failed)
                    .SetProperty(x => x.FailureMessage, ImportTexts.BatchAbandoned)
                    .SetProperty(x => x.CompletedUtc, now)
                    .SetProperty(x => x.Content, (byte[]?)null), ct);
            if (n > 0) ImportLog.Abandoned(log, b.Id);
            _observed.Remove(b.Id);
        }
        foreach (var id in _observed.Keys.Where(id => running.All(r => r.Id != id)).ToList()) _observed.Remove(id);

        var expiry = now.AddHours(-Math.Max(1, Options.PreviewHours));
        await db.ImportBatches.Where(b => b.State == ImportState.Previewed && b.UploadedUtc < expiry).ExecuteDeleteAsync(ct);
    }
}
