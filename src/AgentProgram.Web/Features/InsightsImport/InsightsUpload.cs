using System.Globalization;
using System.Security.Cryptography;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Imports;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Storage;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.InsightsImport;

/// <summary>The first step: the file and, optionally, when its numbers were read.</summary>
public sealed class InsightsUploadForm
{
    public IFormFile? File { get; set; }

    /// <summary>When the numbers were read, in the institution's time zone; empty means now.</summary>
    public DateTime? MeasuredAt { get; set; }
}

/// <summary>The second step: the kept upload (an opaque, signed reference), the time, and a column index per field (empty: not in the file).</summary>
public sealed class InsightsMappingForm
{
    public string? Upload { get; set; }
    public string? FileName { get; set; }
    public DateTime? MeasuredAt { get; set; }
    public int? Link { get; set; }
    public int? Views { get; set; }
    public int? Reach { get; set; }
    public int? Likes { get; set; }
    public int? Comments { get; set; }
    public int? Reposts { get; set; }
    public int? Saves { get; set; }

    public int? ColumnOf(InsightsField field) => field switch
    {
        InsightsField.Link => Link,
        InsightsField.Views => Views,
        InsightsField.Reach => Reach,
        InsightsField.Likes => Likes,
        InsightsField.Comments => Comments,
        InsightsField.Reposts => Reposts,
        InsightsField.Saves => Saves,
        _ => null,
    };

    public void Set(InsightsField field, int? column)
    {
        switch (field)
        {
            case InsightsField.Link: Link = column; break;
            case InsightsField.Views: Views = column; break;
            case InsightsField.Reach: Reach = column; break;
            case InsightsField.Likes: Likes = column; break;
            case InsightsField.Comments: Comments = column; break;
            case InsightsField.Reposts: Reposts = column; break;
            case InsightsField.Saves: Saves = column; break;
        }
    }
}

public sealed record InsightsIndexPage(int MaxFileMegabytes, DateTime MeasuredAtLocal, string? FileError, string? TimeError);

public sealed record InsightsSampleRow(int RowNumber, IReadOnlyList<string> Cells);

/// <summary>The mapping page: the file's header row, its first rows, and the choices so far.</summary>
public sealed record InsightsMappingPage(InsightsMappingForm Form, IReadOnlyList<string> Headers, IReadOnlyList<InsightsSampleRow> Sample,
    int DataRows, IReadOnlyList<string> Errors);

/// <summary>
/// Keeps an uploaded insights file between the mapping step and the import: the file goes to the
/// private file store, and the page carries only a signed, time-limited reference bound to the
/// uploader, so a client can neither name a path nor use another officer's upload.
/// </summary>
public sealed class InsightsUploadService(IFileStore store, IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("InsightsImport.Upload.v1").ToTimeLimitedDataProtector();

    /// <summary>The extension of kept uploads: the format is always sniffed from the content, and the sweep finds them by it.</summary>
    public const string Extension = "insimp";

    public async Task<string> KeepAsync(Stream content, string userId, CancellationToken ct)
    {
        Sweep();
        var saved = await store.SaveAsync(content, Extension, ct);
        return Protector.Protect(userId + "\n" + saved.RelativePath, clock.GetUtcNow() + Lifetime);
    }

    /// <summary>
    /// Deletes kept uploads whose reference has expired (the officer uploaded and never imported).
    /// Best effort, on each upload; only this month's and last month's folders, only this feature's extension.
    /// </summary>
    private void Sweep()
    {
        if (store is not LocalFileStore local) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var month in new[] { now, now.AddMonths(-1) })
        {
            var folder = Path.Combine(local.Root, month.ToString("yyyyMM", CultureInfo.InvariantCulture));
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*." + Extension))
            {
                try
                {
                    if (File.GetLastWriteTimeUtc(file) < now - Lifetime) File.Delete(file);
                }
                catch (IOException)
                {
                    // In use or already gone: the next upload tries again.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    /// <summary>The stored path the reference names, or null when it is forged, expired or someone else's.</summary>
    public string? Resolve(string? reference, string userId)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        try
        {
            var plain = Protector.Unprotect(reference, out _);
            var cut = plain.IndexOf('\n', StringComparison.Ordinal);
            return cut > 0 && plain[..cut] == userId ? plain[(cut + 1)..] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The kept file as a seekable stream (the store's stream is copied, files are small), or null.</summary>
    public async Task<MemoryStream?> OpenAsync(string path, CancellationToken ct)
    {
        if (store.Open(path) is not { } stream) return null;
        await using (stream)
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            copy.Position = 0;
            return copy;
        }
    }

    public void Delete(string path) => store.Delete(path);
}

/// <summary>Texts of the insights import (localizer keys), shared by the handlers and the tests.</summary>
public static class InsightsTexts
{
    public static readonly string Expired = I18n.Key("Unggahan ini tidak ditemukan atau sudah kedaluwarsa (disimpan paling lama 4 jam). Unggah berkasnya lagi.");
    public static readonly string FileEmpty = I18n.Key("Berkas kosong. Unggah ekspor insight dalam format CSV atau XLSX, dengan baris judul kolom dan satu kiriman per baris.");
    public static readonly string FileImageOrPdf = I18n.Key("Berkas ini berisi gambar atau PDF, bukan tabel data. Unggah berkas CSV (UTF-8) atau XLSX berisi tautan kiriman dan angkanya.");
    public static readonly string FileZipNotXlsx = I18n.Key("Berkas ini arsip ZIP, bukan lembar kerja XLSX. Unggah berkas XLSX atau CSV berisi tautan kiriman dan angkanya.");
    public static readonly string TimeInFuture = I18n.Key("Waktu pengukuran ({0}) belum terjadi. Isi waktu saat angka dibaca dari platform, atau kosongkan untuk memakai waktu sekarang.");
    public static readonly string LinkColumnMissing = I18n.Key("Pilih kolom yang berisi tautan kiriman. Tanpa tautan, baris tidak dapat dicocokkan dengan laporan sebaran.");
    public static readonly string NoNumberColumn = I18n.Key("Pilih paling sedikit satu kolom angka (tayangan, jangkauan, suka, komentar, bagikan ulang, atau disimpan).");
    public static readonly string ColumnTwice = I18n.Key("Kolom \"{0}\" dipilih lebih dari sekali. Satu kolom berkas hanya dapat dipakai untuk satu isian.");
    public static readonly string ColumnUnknown = I18n.Key("Pilihan kolom tidak dikenali. Pilih kolom dari daftar.");
    public static readonly string TooManyRows = I18n.Key("Berkas berisi lebih dari {0} baris data. Bagi berkas menjadi beberapa bagian, lalu impor satu per satu.");

    // Row reasons.
    public static readonly string LinkEmpty = I18n.Key("Tautan kiriman kosong. Isi tautan kiriman pada baris ini, lalu impor ulang berkasnya.");
    public static readonly string LinkUnknown = I18n.Key("\"{0}\" bukan tautan kiriman dari platform yang dikenali (Instagram, Facebook, X, TikTok, YouTube, LinkedIn, Threads, Telegram). Salin tautan langsung dari kirimannya.");
    public static readonly string NotAWholeNumber = I18n.Key("Angka '{0}' di kolom {1} bukan bilangan bulat. Tulis angka tanpa desimal atau singkatan, misalnya 1234 atau 1.234.");
    public static readonly string Negative = I18n.Key("Angka '{0}' di kolom {1} negatif. Jumlah tidak boleh kurang dari 0; periksa angka di berkas.");
    public static readonly string NoNumbers = I18n.Key("Baris ini tidak berisi angka di kolom yang dipilih. Isi paling sedikit satu angka, atau hapus barisnya.");
    public static readonly string SameLinkTwice = I18n.Key("Kiriman yang sama sudah ada di baris {0}; baris ini dilewati. Hapus salah satu baris di berkas.");
    public static readonly string NotReported = I18n.Key("Tautan ini belum dilaporkan oleh agen mana pun. Periksa tautannya, atau minta agen yang membuat kiriman ini melaporkannya lebih dulu.");
}

/// <summary>Accepts an insights file: checks it by content and size, keeps it, and prepares the mapping page.</summary>
public sealed class UploadInsightsHandler(InsightsUploadService uploads, Display display, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxFileMegabytes = 10;
    public const long MaxFileBytes = MaxFileMegabytes * 1024L * 1024L;

    /// <summary>The request limit the endpoint allows (the file plus the form's other fields).</summary>
    public const long RequestLimitBytes = MaxFileBytes + (256 * 1024);

    /// <summary>Data rows a file may hold: exports are thousands of rows at most, and the import runs while the officer waits.</summary>
    public const int MaxRows = 20_000;

    public const int SampleRows = 5;

    public InsightsIndexPage Index(string? fileError = null, string? timeError = null, DateTime? measuredAt = null) =>
        new(MaxFileMegabytes, measuredAt ?? Minute(display.ToLocal(clock.GetUtcNow().UtcDateTime)), fileError, timeError);

    public async Task<(InsightsMappingPage? Page, InsightsIndexPage? Refused)> HandleAsync(InsightsUploadForm form, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (TimeError(form.MeasuredAt) is { } timeError) return (null, Index(timeError: timeError, measuredAt: form.MeasuredAt));
        var file = form.File;
        if (file is null || file.Length == 0) return (null, Index(l[ImportTexts.FileMissing], measuredAt: form.MeasuredAt));
        if (file.Length > MaxFileBytes)
            return (null, Index(l[ImportTexts.FileTooLarge, (file.Length / 1024.0 / 1024.0).ToString("0.#", CultureInfo.CurrentCulture), MaxFileMegabytes], measuredAt: form.MeasuredAt));

        using var buffer = new MemoryStream((int)file.Length);
        await using (var upload = file.OpenReadStream()) await upload.CopyToAsync(buffer, ct);
        var (format, error) = Inspect(buffer);
        if (error is not null) return (null, Index(error, measuredAt: form.MeasuredAt));
        var (headers, sample, rows, readError) = Read(buffer, format);
        if (readError is not null) return (null, Index(readError, measuredAt: form.MeasuredAt));

        buffer.Position = 0;
        var reference = await uploads.KeepAsync(buffer, userId, ct);
        var mapping = new InsightsMappingForm { Upload = reference, FileName = FileName(file.FileName), MeasuredAt = form.MeasuredAt };
        foreach (var (field, column) in InsightsColumns.Guess(headers)) mapping.Set(field, column);
        return (new InsightsMappingPage(mapping, headers, sample, rows, []), null);
    }

    /// <summary>The mapping page again for a kept upload (after a mapping mistake), or null when the upload is gone.</summary>
    public async Task<InsightsMappingPage?> ReloadAsync(InsightsMappingForm form, string userId, IReadOnlyList<string> errors, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (uploads.Resolve(form.Upload, userId) is not { } path) return null;
        using var buffer = await uploads.OpenAsync(path, ct);
        if (buffer is null) return null;
        var (format, error) = Inspect(buffer);
        if (error is not null) return null;
        var (headers, sample, rows, _) = Read(buffer, format);
        return new InsightsMappingPage(form, headers, sample, rows, errors);
    }

    /// <summary>The measuring time must not lie in the future (a minute's leeway for clocks).</summary>
    public string? TimeError(DateTime? measuredAtLocal)
    {
        if (measuredAtLocal is not { } local) return null;
        var utc = ToUtc(local);
        return utc > clock.GetUtcNow().UtcDateTime + SnapshotOptions.Default.ClockTolerance ? l[InsightsTexts.TimeInFuture, display.DateTimeShort(utc)].Value : null;
    }

    public DateTime ToUtc(DateTime local) => display.ToUtc(local);

    private (TabularFormat Format, string? Error) Inspect(Stream buffer)
    {
        try
        {
            return (TabularFiles.Inspect(buffer), null);
        }
        catch (ImportFileException e)
        {
            return (default, FileMessage(e));
        }
    }

    private (List<string> Headers, List<InsightsSampleRow> Sample, int Rows, string? Error) Read(MemoryStream buffer, TabularFormat format)
    {
        buffer.Position = 0;
        // The reader owns the stream it is given: hand it a view so the buffer stays usable.
        var view = new MemoryStream(buffer.GetBuffer(), 0, (int)buffer.Length, writable: false);
        try
        {
            using var reader = TabularFiles.Open(view, format);
            var headers = reader.Headers.ToList();
            if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace)) return (headers, [], 0, l[InsightsTexts.FileEmpty]);
            var sample = new List<InsightsSampleRow>();
            var rows = 0;
            while (reader.Read())
            {
                if (++rows > MaxRows) return (headers, sample, rows, l[InsightsTexts.TooManyRows, MaxRows.ToString("#,0", CultureInfo.CurrentCulture)]);
                if (sample.Count < SampleRows)
                    sample.Add(new(reader.RowNumber, [.. Enumerable.Range(0, headers.Count).Select(i => reader[i] ?? "")]));
            }
            return rows == 0 ? (headers, sample, 0, l[ImportTexts.FileNoDataRows].Value) : (headers, sample, rows, null);
        }
        catch (ImportFileException e)
        {
            return ([], [], 0, FileMessage(e));
        }
    }

    /// <summary>The file checker's message, with the SIASN-specific ones replaced by this import's own.</summary>
    private string FileMessage(ImportFileException e)
    {
        if (e.Format == ImportTexts.FileEmpty) return l[InsightsTexts.FileEmpty];
        if (e.Format == ImportTexts.FileImageOrPdf) return l[InsightsTexts.FileImageOrPdf];
        if (e.Format == ImportTexts.FileZipNotXlsx) return l[InsightsTexts.FileZipNotXlsx];
        return l[e.Format, e.Args];
    }

    private static DateTime Minute(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, t.Kind);

    /// <summary>The name only (browsers may send a path), without control characters, at most 200 characters.</summary>
    internal static string FileName(string? raw)
    {
        var name = Path.GetFileName((raw ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "berkas";
        return name.Length <= 200 ? name : name[^200..];
    }
}
