using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>What an import did (or, in a preview, would do). Every data row is exactly one of new, updated, unchanged or rejected; warned counts the imported rows that carry warnings.</summary>
public sealed record ImportCounts(int New, int Updated, int Unchanged, int Warned, int Rejected)
{
    public static readonly ImportCounts Zero = new(0, 0, 0, 0, 0);

    public int Rows => New + Updated + Unchanged + Rejected;

    /// <summary>The operator verb's output line.</summary>
    public string ToCliLine() => $"imported {New}, updated {Updated}, unchanged {Unchanged}, warned {Warned}, rejected {Rejected}";

    public static ImportCounts Of(ImportBatch b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.NewCount, b.UpdatedCount, b.UnchangedCount, b.WarnedCount, b.RejectedCount);
    }
}

public enum RowOutcome
{
    New = 1,
    Updated = 2,
    Unchanged = 3,
    Rejected = 4,
}

/// <summary>A preview cell: a value from the file, or a label (an Indonesian localizer key such as "PNS").</summary>
public sealed record PreviewCell(string? Value, bool IsLabel = false);

public sealed record PreviewRow(int RowNumber, RowOutcome Outcome, IReadOnlyList<PreviewCell> Cells, IReadOnlyList<ImportIssue> Issues);

/// <summary>An issue of one row. Key is the NIP (employees) or the UNOR id (units), as found in the file.</summary>
public sealed record RowIssue(int RowNumber, string? Key, string? Name, ImportIssue Issue);

/// <summary>One canonical column of the mapping step: which file header feeds it (null: none).</summary>
public sealed record MappingChoice(int Column, string Canonical, ColumnNeed Need, string? FileHeader, bool Overridden);

/// <summary>The preview: the header mapping, the counts an import would produce now, the first rows as they will be stored, and the first issues. Nothing is written to compute it.</summary>
public sealed class ImportAnalysis
{
    public const int PreviewRowCount = 10;
    public const int IssueSampleCount = 50;

    public required ImportKind Kind { get; init; }
    public required IReadOnlyList<string> Headers { get; init; }
    public required IReadOnlyList<MappingChoice> Mapping { get; init; }
    public required IReadOnlyList<ImportIssue> HeaderIssues { get; init; }

    /// <summary>File headers that are not read (dropped SIASN columns such as NIK, and unknown ones).</summary>
    public required IReadOnlyList<string> IgnoredHeaders { get; init; }

    public bool CanImport => !HeaderIssues.Any(i => i.IsError);
    public ImportCounts Counts { get; init; } = ImportCounts.Zero;
    public int TotalRows { get; init; }

    /// <summary>Column captions of <see cref="FirstRows"/> (Indonesian localizer keys).</summary>
    public IReadOnlyList<string> PreviewColumns { get; init; } = [];
    public IReadOnlyList<PreviewRow> FirstRows { get; init; } = [];
    public IReadOnlyList<RowIssue> Issues { get; init; } = [];
    public int IssueCount { get; init; }
}

/// <summary>Collects the preview while an importer walks the file.</summary>
internal sealed class AnalysisBuilder
{
    private readonly List<PreviewRow> _rows = [];
    private readonly List<RowIssue> _issues = [];
    private int _new, _updated, _unchanged, _warned, _rejected, _issueCount;

    public void Add(int rowNumber, string? key, string? name, RowOutcome outcome, IReadOnlyList<ImportIssue> issues, Func<IReadOnlyList<PreviewCell>> cells)
    {
        switch (outcome)
        {
            case RowOutcome.New: _new++; break;
            case RowOutcome.Updated: _updated++; break;
            case RowOutcome.Unchanged: _unchanged++; break;
            default: _rejected++; break;
        }
        if (outcome != RowOutcome.Rejected && issues.Count > 0) _warned++;
        if (_rows.Count < ImportAnalysis.PreviewRowCount) _rows.Add(new PreviewRow(rowNumber, outcome, cells(), issues));
        foreach (var issue in issues)
        {
            _issueCount++;
            if (_issues.Count < ImportAnalysis.IssueSampleCount) _issues.Add(new RowIssue(rowNumber, key, name, issue));
        }
    }

    public ImportCounts Counts => new(_new, _updated, _unchanged, _warned, _rejected);

    public IReadOnlyList<PreviewRow> Rows => _rows;

    public IReadOnlyList<RowIssue> Issues => _issues;

    public int IssueCount => _issueCount;
}

/// <summary>
/// The database side of a running batch: progress and counts are written with the chunk they
/// describe, in the same transaction, and only while the batch is still Running. When the batch is
/// no longer Running (another instance marked it abandoned), the import stops.
/// </summary>
public sealed class BatchProgress(int batchId)
{
    public int BatchId { get; } = batchId;

    public async Task SetTotalAsync(AppDbContext db, int totalRows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var n = await db.ImportBatches.Where(b => b.Id == BatchId && b.State == ImportState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.TotalRows, totalRows), ct);
        if (n == 0) throw new ImportStoppedException();
    }

    /// <summary>Call inside the chunk's transaction, after SaveChanges.</summary>
    public async Task RecordAsync(AppDbContext db, int processedRows, ImportCounts counts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var n = await db.ImportBatches.Where(b => b.Id == BatchId && b.State == ImportState.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.ProcessedRows, processedRows)
                .SetProperty(b => b.NewCount, counts.New)
                .SetProperty(b => b.UpdatedCount, counts.Updated)
                .SetProperty(b => b.UnchangedCount, counts.Unchanged)
                .SetProperty(b => b.WarnedCount, counts.Warned)
                .SetProperty(b => b.RejectedCount, counts.Rejected), ct);
        if (n == 0) throw new ImportStoppedException();
    }

    public static ImportRowIssue ToEntity(int batchId, RowIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return new ImportRowIssue
        {
            BatchId = batchId,
            RowNumber = issue.RowNumber,
            Nip = Cut(issue.Key, 40),
            Name = Cut(issue.Name, 200),
            IsError = issue.Issue.IsError,
            Code = (int)issue.Issue.Code,
            Message = Cut(issue.Issue.Message, 1000)!,
        };
    }

    private static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}

/// <summary>The batch stopped being Running under the importer's feet (marked abandoned): stop without touching it.</summary>
public sealed class ImportStoppedException() : Exception("The import batch is no longer running.");
