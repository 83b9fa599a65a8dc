using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AgentProgram.Web.Features.Imports;

public sealed class UploadForm
{
    public ImportKind Kind { get; set; } = ImportKind.Employees;

    public IFormFile? File { get; set; }
}

/// <summary>
/// Accepts an upload: checks it by content and size, and keeps a copy for the preview (CSV, the
/// original row numbers, and the columns the application must never hold, such as NIK, written
/// empty). Nothing is imported until the officer confirms.
/// </summary>
public sealed class UploadImportHandler(AppDbContext db, IOptions<ImportOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The request limit the endpoint allows; the configured Imports:MaxFileMegabytes is checked below it.</summary>
    public const long RequestLimitBytes = 512L * 1024 * 1024;

    public async Task<(int? Id, string? Error)> HandleAsync(UploadForm form, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var file = form.File;
        if (file is null || file.Length == 0) return (null, l[ImportTexts.FileMissing]);
        var max = options.Value.MaxFileBytes;
        if (file.Length > max)
            return (null, l[ImportTexts.FileTooLarge, Megabytes(file.Length), options.Value.MaxFileMegabytes.ToString(CultureInfo.CurrentCulture)]);
        if (!Enum.IsDefined(form.Kind)) form.Kind = ImportKind.Employees;

        byte[] content;
        int rows;
        try
        {
            // The form reader buffers the upload (to disk when large); its stream is seekable, so it is read in place.
            var buffer = file.OpenReadStream();
            if (!buffer.CanSeek)
            {
                var copy = new MemoryStream((int)file.Length);
                await using (buffer) await buffer.CopyToAsync(copy, ct);
                buffer = copy;
            }
            await using var owned = buffer;
            var format = TabularFiles.Inspect(buffer);
            using var reader = TabularFiles.Open(buffer, format);
            if (reader.Headers.Count == 0 || reader.Headers.All(string.IsNullOrWhiteSpace)) return (null, l[ImportTexts.FileEmpty]);
            (content, rows) = StoredTabularReader.Write(reader, blank: SiasnHeaders.IsSensitive, capacity: (int)Math.Min(file.Length + (file.Length / 8), int.MaxValue / 2));
        }
        catch (ImportFileException e)
        {
            return (null, l[e.Format, e.Args]);
        }
        if (rows == 0) return (null, l[ImportTexts.FileNoDataRows]);

        var batch = new ImportBatch
        {
            Kind = form.Kind,
            FileName = FileName(file.FileName),
            UploadedByUserId = userId,
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
            State = ImportState.Previewed,
            Content = content,
            TotalRows = rows,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return (batch.Id, null);
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.CurrentCulture);

    /// <summary>The name only (browsers may send a path), without control characters, at most 260 characters.</summary>
    internal static string FileName(string? raw)
    {
        var name = Path.GetFileName((raw ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "berkas";
        return name.Length <= 260 ? name : name[^260..];
    }
}
