using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentProgram.Web.Features.Imports;

public sealed record ImportRow(int Id, ImportKind Kind, string FileName, string? UploadedBy, DateTime UploadedUtc, ImportState State,
    int TotalRows, int ProcessedRows, ImportCounts Counts);

/// <summary>The import page: the upload form and the import history, newest first.</summary>
public sealed record ImportListPage(IReadOnlyList<ImportRow> Rows, int Page, int PageCount, int Total, UploadForm Form, int MaxFileMegabytes);

public sealed class ListImportsHandler(AppDbContext db, IOptions<ImportOptions> options)
{
    public const int PageSize = 20;

    public async Task<ImportListPage> HandleAsync(int page, UploadForm? form = null, CancellationToken ct = default)
    {
        var total = await db.ImportBatches.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var batches = await db.ImportBatches.AsNoTracking()
            .OrderByDescending(b => b.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(b => new
            {
                b.Id, b.Kind, b.FileName, b.UploadedByUserId, b.UploadedUtc, b.State, b.TotalRows, b.ProcessedRows,
                b.NewCount, b.UpdatedCount, b.UnchangedCount, b.WarnedCount, b.RejectedCount,
            })
            .ToListAsync(ct);
        var userIds = batches.Where(b => b.UploadedByUserId != null).Select(b => b.UploadedByUserId!).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var rows = batches.Select(b => new ImportRow(b.Id, b.Kind, b.FileName,
            b.UploadedByUserId is { } uid ? names.GetValueOrDefault(uid) : null, b.UploadedUtc, b.State, b.TotalRows, b.ProcessedRows,
            new ImportCounts(b.NewCount, b.UpdatedCount, b.UnchangedCount, b.WarnedCount, b.RejectedCount))).ToList();
        return new ImportListPage(rows, page, pageCount, total, form ?? new UploadForm(), options.Value.MaxFileMegabytes);
    }
}
