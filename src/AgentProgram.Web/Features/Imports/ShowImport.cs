using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Imports;

/// <summary>What the page of one batch shows about it, whatever its state.</summary>
public sealed record ImportSummary(int Id, ImportKind Kind, string FileName, string? UploadedBy, DateTime UploadedUtc, ImportState State,
    int TotalRows, int ProcessedRows, ImportCounts Counts, DateTime? StartedUtc, DateTime? CompletedUtc, string? FailureMessage);

/// <summary>An upload waiting for confirmation: the analysis, and the mapping choices.</summary>
public sealed record ImportPreviewPage(ImportSummary Batch, ImportAnalysis Analysis, IReadOnlyDictionary<int, string> Overrides, IReadOnlyList<string> HeaderChoices);

/// <summary>A confirmed import: progress while it runs, the counts and the issues when it is done.</summary>
public sealed record ImportResultPage(ImportSummary Batch, IReadOnlyList<ImportRowIssue> Issues, int IssueCount)
{
    public const int IssuesShown = 100;

    public bool InProgress => Batch.State is ImportState.Queued or ImportState.Running;
}

public sealed class ShowImportHandler(AppDbContext db, PreviewImportHandler previewer)
{
    /// <summary>The preview page for a Previewed batch, the result page otherwise; null when there is no such batch.</summary>
    public async Task<object?> LoadAsync(int id, CancellationToken ct = default)
    {
        var b = await db.ImportBatches.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Kind, x.FileName, x.UploadedByUserId, x.UploadedUtc, x.State, x.TotalRows, x.ProcessedRows, x.NewCount, x.UpdatedCount,
                x.UnchangedCount, x.WarnedCount, x.RejectedCount, x.StartedUtc, x.CompletedUtc, x.FailureMessage, x.MappingJson,
            })
            .SingleOrDefaultAsync(ct);
        if (b is null) return null;
        var uploader = b.UploadedByUserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == b.UploadedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var summary = new ImportSummary(b.Id, b.Kind, b.FileName, uploader, b.UploadedUtc, b.State, b.TotalRows, b.ProcessedRows,
            new ImportCounts(b.NewCount, b.UpdatedCount, b.UnchangedCount, b.WarnedCount, b.RejectedCount), b.StartedUtc, b.CompletedUtc, b.FailureMessage);

        if (b.State == ImportState.Previewed)
        {
            var content = await db.ImportBatches.AsNoTracking().Where(x => x.Id == id).Select(x => x.Content).SingleAsync(ct);
            if (content is null) return null;
            var analysis = await previewer.AnalyzeAsync(id, b.Kind, content, b.MappingJson, ct);
            var choices = analysis.Headers
                .Where(h => !string.IsNullOrWhiteSpace(h) && !Domain.Employees.SiasnHeaders.IsSensitive(h))
                .Distinct(StringComparer.Ordinal).ToList();
            return new ImportPreviewPage(summary, analysis, ColumnMapping.Parse(b.MappingJson), choices);
        }

        var issues = db.ImportRowIssues.AsNoTracking().Where(i => i.BatchId == id);
        var count = await issues.CountAsync(ct);
        var shown = await issues.OrderBy(i => i.RowNumber).ThenBy(i => i.Id).Take(ImportResultPage.IssuesShown).ToListAsync(ct);
        return new ImportResultPage(summary, shown, count);
    }
}
