using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Infrastructure.Imports;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Imports;

/// <summary>
/// The rejected and warned rows of a batch as CSV for Excel (UTF-8 with BOM, comma, CRLF; a cell that
/// Excel would run as a formula gets an apostrophe): row number, NIP (or UNOR id), name, whether the
/// row was rejected or imported with a warning, and the reason, in the reader's language.
/// </summary>
public sealed class DownloadIssuesHandler(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<(byte[] Content, string FileName)?> HandleAsync(int id, CancellationToken ct = default)
    {
        var batch = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.Kind, b.UploadedUtc }).SingleOrDefaultAsync(ct);
        if (batch is null) return null;
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteField(l["Baris"]);
            csv.WriteField(l[ImportLabels.KeyColumn(batch.Kind)]);
            csv.WriteField(l["Nama"]);
            csv.WriteField(l["Jenis masalah"]);
            csv.WriteField(l["Alasan"]);
            csv.EndRecord();
            var issues = db.ImportRowIssues.AsNoTracking().Where(i => i.BatchId == id).OrderBy(i => i.RowNumber).ThenBy(i => i.Id)
                .Select(i => new { i.RowNumber, i.Nip, i.Name, i.IsError, i.Message }).AsAsyncEnumerable();
            await foreach (var i in issues.WithCancellation(ct))
            {
                csv.WriteField(i.RowNumber.ToString(CultureInfo.InvariantCulture));
                // 8-6-1-3 keeps an 18-digit NIP as text in Excel instead of a rounded number.
                csv.WriteField(batch.Kind == Domain.Imports.ImportKind.Employees ? Domain.Employees.Nip.FormatForDisplay(i.Nip) : i.Nip ?? "");
                csv.WriteField(i.Name ?? "");
                csv.WriteField(l[ImportLabels.Severity(i.IsError)]);
                csv.WriteField(IssueText.Localize(l, i.Message));
                csv.EndRecord();
            }
        }
        return (output.ToArray(), $"impor-{id}-masalah.csv");
    }
}
