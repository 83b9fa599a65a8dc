using System.Globalization;
using System.Text.Json;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Infrastructure.Web;

/*
 * Exports of lists (CSV and XLSX), one convention everywhere:
 *
 *   URL      the list's path + "/ekspor", with the list's own query string (its filters and sort;
 *            "hal" is ignored: an export holds every page), plus format=xlsx for Excel
 *            (format=csv or no format: CSV). /agen?status=aktif → /agen/ekspor?status=aktif&format=xlsx.
 *            A page with several tables names the one it exports with tabel=… (statistik-tautan).
 *   Who      the export action sits on the list's controller with the list's own authorization.
 *   Rows     exactly the rows the list's filters select, in the list's order, read through the list
 *            handler's own filter code; at most Exports:MaxRows (100,000): a larger list is refused
 *            with a message on the list page instead of a truncated file.
 *   Columns  the page table's columns with the page's header texts, in its order (columns that hold
 *            only buttons or checkboxes are left out). Where a page cell stacks several facts (the
 *            agent's unit under the name, "3 of 5", a date range), the export splits them: the page
 *            header keeps the main fact and the others follow it as columns of their own, named as
 *            the page names them. Lists shown as cards (the agent's own pages) use the words the cards use.
 *   Cells    text as shown; numbers as numbers (CSV: digits and a dot, no grouping; XLSX: numeric
 *            cells); dates and times in the institution's time zone (CSV: yyyy-MM-dd and
 *            yyyy-MM-dd HH:mm, which Excel reads as dates in every locale; XLSX: real dates in
 *            the same format). Formula injection: CSV text gets Csv's apostrophe guard, XLSX text
 *            is an inline string and never a formula.
 *   File     <list>-<yyyy-MM-dd>.csv|xlsx, today's date in the institution's time zone; no-store.
 *   Audit    an export that names people (employees, agents, users, results, the trail itself)
 *            writes an "Exported" entry: the list, the format, the row count and the names of the
 *            filters used (never their values: a search may be a NIP).
 */

public enum ExportFormat { Csv, Xlsx }

public enum CellKind { Text, Number, Date, DateTime }

public sealed record ExportColumn(string Header, CellKind Kind);

/// <summary>
/// A list ready to be written: its columns and the cell values (string, decimal, DateOnly or local
/// DateTime by the column's kind; null is an empty cell). <see cref="Truncated"/> says the list had
/// more rows than the limit (and the rows were cut at it).
/// </summary>
public sealed class ExportTable(string title, IReadOnlyList<ExportColumn> columns, IReadOnlyList<object?[]> rows, bool truncated = false)
{
    /// <summary>The sheet name in the XLSX (the page's title).</summary>
    public string Title { get; } = title;
    public IReadOnlyList<ExportColumn> Columns { get; } = columns;
    public IReadOnlyList<object?[]> Rows { get; } = rows;
    public bool Truncated { get; } = truncated;

    public IReadOnlyList<string> Headers => [.. Columns.Select(c => c.Header)];

    public byte[] ToCsv() => Csv.Write(Rows.Select(r => (IReadOnlyList<string?>)Columns.Select((c, i) => i < r.Length && r[i] is { } v ? Text(c.Kind, v) : "").ToArray())
        .Prepend(Headers.ToArray()));

    public byte[] ToXlsx() => Xlsx.Write(this);

    /// <summary>A cell as text: the CSV's form, and what the XLSX writer falls back to.</summary>
    public static string Text(CellKind kind, object value) => (kind, value) switch
    {
        (CellKind.Number, decimal n) => n.ToString("0.##########", CultureInfo.InvariantCulture),
        (CellKind.Date, DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (CellKind.DateTime, DateTime t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>
/// A list's export columns, each a header and a typed value getter, built once per request:
/// <c>new ExportColumns&lt;AgentRow&gt;().Text(l["Nama"], r =&gt; r.Name).Date(l["Terdaftar sejak"], r =&gt; …)</c>.
/// </summary>
public sealed class ExportColumns<T>
{
    private readonly List<ExportColumn> _columns = [];
    private readonly List<Func<T, object?>> _values = [];

    public ExportColumns<T> Text(string header, Func<T, string?> value) => Add(header, CellKind.Text, r => value(r));

    public ExportColumns<T> Number(string header, Func<T, decimal?> value) => Add(header, CellKind.Number, r => value(r));

    public ExportColumns<T> Date(string header, Func<T, DateOnly?> value) => Add(header, CellKind.Date, r => value(r));

    /// <summary>A wall-clock time in the institution's time zone (convert stored UTC with Display.ToLocal first).</summary>
    public ExportColumns<T> DateTime(string header, Func<T, DateTime?> value) => Add(header, CellKind.DateTime, r => value(r));

    public IReadOnlyList<string> Headers => [.. _columns.Select(c => c.Header)];

    /// <summary>The table of these rows. Give it up to limit + 1 rows: more than <paramref name="limit"/> marks it truncated.</summary>
    public ExportTable Table(string title, IEnumerable<T> rows, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cells = new List<object?[]>();
        var truncated = false;
        foreach (var row in rows)
        {
            if (cells.Count >= limit)
            {
                truncated = true;
                break;
            }
            var values = new object?[_values.Count];
            for (var i = 0; i < values.Length; i++) values[i] = _values[i](row);
            cells.Add(values);
        }
        return new ExportTable(title, _columns.ToList(), cells, truncated);
    }

    private ExportColumns<T> Add(string header, CellKind kind, Func<T, object?> value)
    {
        _columns.Add(new ExportColumn(header, kind));
        _values.Add(value);
        return this;
    }
}

/// <summary>The "Unduh CSV" / "Unduh XLSX" buttons of a list (Features/Shared/_ExportButtons.cshtml).</summary>
/// <param name="ListUrl">The list's URL with its filters (the page number is dropped).</param>
/// <param name="AsForm">
/// Submit the filters as a GET form instead of links, for a list whose search may hold a NIP: no
/// href the page writes then carries it.
/// </param>
public sealed record ExportLinks(string ListUrl, bool AsForm = false)
{
    private string Path => ListUrl.Split('?', 2)[0];

    public string Action => TableExport.ExportPath(Path);

    /// <summary>The list's query-string pairs to keep, in their order (not the page, not a format).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields
    {
        get
        {
            var i = ListUrl.IndexOf('?', StringComparison.Ordinal);
            if (i < 0) return [];
            return [.. QueryHelpers.ParseQuery(ListUrl[i..])
                .Where(kv => kv.Key is not (TableExport.PageParameter or TableExport.FormatParameter))
                .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? "")))];
        }
    }

    public string CsvUrl => Action + new QueryBuilder(Fields).ToQueryString();

    public string XlsxUrl => Action + new QueryBuilder(Fields.Append(new(TableExport.FormatParameter, TableExport.XlsxFormat))).ToQueryString();
}

/// <summary>Turns a list's <see cref="ExportTable"/> into the download (see the convention at the top of this file).</summary>
public static class TableExport
{
    public const string FormatParameter = "format";
    public const string PageParameter = "hal";
    public const string CsvFormat = "csv";
    public const string XlsxFormat = "xlsx";
    public const string Segment = "ekspor";

    /// <summary>The audit action of an export of personal data.</summary>
    public const string AuditAction = "Exported";

    public const int DefaultMaxRows = 100_000;

    /// <summary>TempData key of the message shown on the list when an export was refused as too large.</summary>
    public const string RefusedKey = "ExportRefused";

    public static readonly string TooManyRows = I18n.Key("Daftar ini berisi lebih dari {0} baris, batas satu unduhan. Persempit filter (misalnya per unit kerja atau per periode), lalu unduh lagi.");

    public static string ExportPath(string listPath) => listPath.TrimEnd('/') + "/" + Segment;

    public static ExportFormat? ParseFormat(string? format)
    {
        var f = (format ?? "").Trim();
        if (f.Length == 0 || string.Equals(f, CsvFormat, StringComparison.OrdinalIgnoreCase)) return ExportFormat.Csv;
        return string.Equals(f, XlsxFormat, StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx : null;
    }

    /// <summary>The most rows one export may hold (setting Exports:MaxRows, default 100,000).</summary>
    public static int MaxRows(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var configured = http.RequestServices.GetService<IConfiguration>()?.GetValue<int?>("Exports:MaxRows");
        return configured is > 0 ? configured.Value : DefaultMaxRows;
    }

    /// <summary>
    /// The list as a download in the requested format. <paramref name="load"/> gets the row limit and
    /// reads at most one row more (null: the list does not exist, 404). Too many rows: back to
    /// <paramref name="listUrl"/> with a message.
    /// <paramref name="auditEntity"/> (set for lists of people) writes an "Exported" audit entry.
    /// </summary>
    public static async Task<IActionResult> ExportAsync(this Controller controller, string? format, string fileName, string listUrl,
        Func<int, Task<ExportTable?>> load, string? auditEntity = null, string? auditKey = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(load);
        if (ParseFormat(format) is not { } kind) return controller.BadRequest();
        var http = controller.HttpContext;
        var limit = MaxRows(http);
        if (await load(limit) is not { } table) return controller.NotFound();
        if (table.Truncated)
        {
            var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            controller.TempData[RefusedKey] = l[TooManyRows, Display.Number(limit)].Value;
            return controller.Redirect(listUrl);
        }
        if (auditEntity is not null)
        {
            var filters = http.Request.Query.Keys.Where(k => k is not (FormatParameter or PageParameter)).Order(StringComparer.Ordinal).ToArray();
            var detail = JsonSerializer.Serialize(new { list = fileName, format = kind == ExportFormat.Xlsx ? XlsxFormat : CsvFormat, rows = table.Rows.Count, filters });
            await http.RequestServices.GetRequiredService<AuditLog>().WriteAsync(AuditAction, detail: detail, entityType: auditEntity, entityKey: auditKey,
                ct: http.RequestAborted);
        }
        var display = http.RequestServices.GetRequiredService<Display>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var today = display.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        controller.Response.Headers.CacheControl = "no-store";
        return kind == ExportFormat.Xlsx
            ? controller.File(table.ToXlsx(), Web.Xlsx.ContentType, $"{fileName}-{today}.{XlsxFormat}")
            : controller.File(table.ToCsv(), Web.Csv.ContentType, $"{fileName}-{today}.{CsvFormat}");
    }
}
