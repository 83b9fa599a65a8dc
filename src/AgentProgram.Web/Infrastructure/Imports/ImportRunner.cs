using System.Globalization;
using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>
/// Runs one import batch to its end, whoever started it: the background worker (a batch uploaded in
/// the browser, read from its stored copy) or the operator verb (a file on disk). Completion clears the
/// stored copy and writes one summary audit entry (action <see cref="AuditAction"/>, entity type
/// ImportBatch, key = batch id) instead of one entry per employee.
/// </summary>
public sealed class ImportRunner(AppDbContext db, EmployeeImporter employees, UnitImporter units, AuditLog audit, TimeProvider clock, ILogger<ImportRunner> log)
{
    /// <summary>Audit action of the summary entry. (A constant for Domain/Audit/AuditActions when the lead adds it.)</summary>
    public const string AuditAction = "Imported";

    public const string AuditEntityType = nameof(ImportBatch);

    /// <summary>Runs a batch the worker has claimed (state Running), from the copy stored at upload.</summary>
    public async Task RunStoredAsync(int batchId, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking().Where(b => b.Id == batchId)
            .Select(b => new { b.Kind, b.Content, b.UploadedByUserId }).SingleOrDefaultAsync(ct);
        if (batch is null) return;
        if (batch.Content is null)
        {
            await FailAsync(batchId, ImportTexts.BatchFailedSystem, CancellationToken.None);
            return;
        }
        var content = batch.Content;
        await RunAsync(batchId, batch.Kind, () => new StoredTabularReader(new MemoryStream(content, writable: false)), batch.UploadedByUserId, null, ct);
    }

    /// <summary>
    /// Imports a file from disk now (the operator verb): checks it, records a batch (shown in the
    /// history like any other), runs it and returns the counts. Throws <see cref="ImportFileException"/>
    /// for a file that cannot be read or whose header row cannot be used; no batch is recorded then.
    /// </summary>
    public Task<(int BatchId, ImportCounts Counts)> RunFileAsync(string path, ImportKind kind, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream Open()
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new ImportFileException(ImportTexts.FileNotFound, Path.GetFileName(path));
            }
        }
        return RunNowAsync(Open, Path.GetFileName(path), kind, ct);
    }

    /// <summary>
    /// Imports a file held in memory now, like <see cref="RunFileAsync"/> (for the demo seed:
    /// <c>RunContentAsync(SiasnSampleGenerator.EmployeesCsv(rows), "export.csv", ImportKind.Employees)</c>).
    /// </summary>
    public Task<(int BatchId, ImportCounts Counts)> RunContentAsync(byte[] content, string fileName, ImportKind kind, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return RunNowAsync(() => new MemoryStream(content, writable: false), fileName, kind, ct);
    }

    private async Task<(int BatchId, ImportCounts Counts)> RunNowAsync(Func<Stream> open, string fileName, ImportKind kind, CancellationToken ct)
    {
        TabularFormat format;
        using (var probe = open()) format = TabularFiles.Inspect(probe);
        ITabularReader Reader() => TabularFiles.Open(open(), format);

        // Refuse an unusable header row before anything is recorded.
        var headerIssues = kind == ImportKind.Units ? UnitImporter.HeaderIssues(Reader) : EmployeeImporter.MapHeaders(Reader).Map.Issues;
        if (headerIssues.FirstOrDefault(i => i.IsError) is { } error) throw new ImportFileException(error.Format, error.FormatArgs);

        var now = clock.GetUtcNow().UtcDateTime;
        var batch = new ImportBatch
        {
            Kind = kind,
            FileName = Cut(string.IsNullOrWhiteSpace(fileName) ? "berkas" : fileName, 260),
            UploadedUtc = now,
            StartedUtc = now,
            State = ImportState.Running,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var counts = await RunAsync(batch.Id, kind, Reader, null, "system", ct);
        return (batch.Id, counts);
    }

    private async Task<ImportCounts> RunAsync(int batchId, ImportKind kind, Func<ITabularReader> open, string? userId, string? userName, CancellationToken ct)
    {
        var progress = new BatchProgress(batchId);
        ImportCounts counts;
        try
        {
            counts = kind == ImportKind.Units
                ? await units.ImportAsync(open, progress, ct: ct)
                : await employees.ImportAsync(open, progress, ct: ct);
        }
        catch (ImportFileException e)
        {
            await FailAsync(batchId, e.Message, CancellationToken.None);
            throw;
        }
        catch (ImportStoppedException)
        {
            ImportLog.Stopped(log, batchId);
            throw;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await FailAsync(batchId, ImportTexts.BatchAbandoned, CancellationToken.None);
            throw;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var done = await db.ImportBatches.Where(b => b.Id == batchId && b.State == ImportState.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, ImportState.Completed)
                .SetProperty(b => b.CompletedUtc, now)
                .SetProperty(b => b.Content, (byte[]?)null)
                .SetProperty(b => b.ProcessedRows, counts.Rows)
                .SetProperty(b => b.NewCount, counts.New)
                .SetProperty(b => b.UpdatedCount, counts.Updated)
                .SetProperty(b => b.UnchangedCount, counts.Unchanged)
                .SetProperty(b => b.WarnedCount, counts.Warned)
                .SetProperty(b => b.RejectedCount, counts.Rejected), CancellationToken.None);
        if (done == 0) throw new ImportStoppedException();

        userName ??= userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleOrDefaultAsync(CancellationToken.None);
        var detail = JsonSerializer.Serialize(new
        {
            kind = kind.ToString(),
            @new = counts.New,
            updated = counts.Updated,
            unchanged = counts.Unchanged,
            warned = counts.Warned,
            rejected = counts.Rejected,
        });
        await audit.WriteAsync(AuditAction, userId, userName, detail, AuditEntityType, batchId.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
        ImportLog.Completed(log, batchId, kind, counts.New, counts.Updated, counts.Unchanged, counts.Warned, counts.Rejected);
        return counts;
    }

    /// <summary>Ends a batch as Failed (only from Running) and drops its stored copy. The message is Indonesian text shown to the officer.</summary>
    public async Task FailAsync(int batchId, string message, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = Cut(message, 1000);
        await db.ImportBatches.Where(b => b.Id == batchId && (b.State == ImportState.Running || b.State == ImportState.Queued))
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, ImportState.Failed)
                .SetProperty(b => b.FailureMessage, text)
                .SetProperty(b => b.CompletedUtc, now)
                .SetProperty(b => b.Content, (byte[]?)null), ct);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
