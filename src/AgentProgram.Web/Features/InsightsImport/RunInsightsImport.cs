using System.Globalization;
using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.ShareReports;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Imports;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AgentProgram.Web.Infrastructure.Aggregates;

namespace AgentProgram.Web.Features.InsightsImport;

public enum InsightsRowOutcome
{
    Added,
    Unchanged,
    Unmatched,
    Invalid,
}

/// <summary>A row that added nothing and why: the row number as the officer sees it in the file, the link as written.</summary>
public sealed record InsightsRowIssue(int RowNumber, string Link, InsightsRowOutcome Outcome, string Reason);

public sealed record InsightsResultPage(string FileName, DateTime TakenUtc, int RowsRead, int Added, int Unchanged, int Unmatched, int Invalid,
    int ReportsFlagged, IReadOnlyList<InsightsRowIssue> Issues);

public enum InsightsImportOutcome
{
    Done,

    /// <summary>The mapping is incomplete or contradictory: the mapping page again, with the reasons.</summary>
    MappingInvalid,

    /// <summary>The kept upload is gone, forged or expired: start again with the upload.</summary>
    Expired,
}

/// <summary>
/// Runs an insights import while the officer waits (exports hold thousands of rows at most): reads
/// every row, matches it by the post's claim key (so x.com and twitter.com, www., a trailing slash or
/// a query all find the same report), and adds a CSV-import snapshot per matched post. A bad row
/// never stops the good ones; every row that added nothing is listed with its reason. Importing the
/// same file again adds nothing: an identical reading (same numbers, source and window) is skipped.
/// </summary>
public sealed class RunInsightsImportHandler(AppDbContext db, InsightsUploadService uploads, UploadInsightsHandler upload, ReportFlagService flags,
    AuditLog audit, Display display, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const string AuditAction = "InsightsImported";

    public async Task<(InsightsImportOutcome Outcome, InsightsResultPage? Result, IReadOnlyList<string> Errors)> HandleAsync(
        InsightsMappingForm form, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (uploads.Resolve(form.Upload, userId) is not { } path) return (InsightsImportOutcome.Expired, null, []);
        using var buffer = await uploads.OpenAsync(path, ct);
        if (buffer is null) return (InsightsImportOutcome.Expired, null, []);

        var format = TabularFiles.Inspect(buffer);
        List<RawRow> raw;
        IReadOnlyList<string> headers;
        using (var reader = TabularFiles.Open(buffer, format))
        {
            headers = reader.Headers;
            var errors = MappingErrors(form, headers);
            if (upload.TimeError(form.MeasuredAt) is { } timeError) errors.Add(timeError);
            if (errors.Count > 0) return (InsightsImportOutcome.MappingInvalid, null, errors);
            raw = ReadRows(reader, form);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var taken = form.MeasuredAt is { } local ? upload.ToUtc(local) : now;
        var issues = new List<InsightsRowIssue>();
        var candidates = new List<(RawRow Row, PostLink Link, MetricValues Values)>();
        var firstRowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in raw)
        {
            var (link, values, reasons) = Parse(row);
            if (link is not null && reasons.Count == 0)
            {
                if (firstRowOfKey.TryGetValue(link.Key, out var first))
                    reasons.Add(l[InsightsTexts.SameLinkTwice, first]);
                else
                    firstRowOfKey[link.Key] = row.RowNumber;
            }
            if (reasons.Count > 0)
            {
                issues.Add(new(row.RowNumber, row.Link, InsightsRowOutcome.Invalid, string.Join(" ", reasons)));
                continue;
            }
            candidates.Add((row, link!, values!));
        }

        var reports = await LoadReportsAsync([.. candidates.Select(c => c.Link.Key)], ct);
        int added = 0, unchanged = 0;
        var touched = new List<ShareReport>();
        foreach (var (row, link, values) in candidates)
        {
            if (!reports.TryGetValue(link.Key, out var report))
            {
                issues.Add(new(row.RowNumber, row.Link, InsightsRowOutcome.Unmatched, l[InsightsTexts.NotReported]));
                continue;
            }
            var ephemeral = SnapshotRules.IsEphemeral(report.Platform, link.Kind);
            var candidate = new MetricSnapshot(0, MetricSource.CsvImport, taken, values);
            var window = SnapshotRules.WindowFor(report.PostedUtc, taken, ephemeral);
            // The same numbers from an export already imported for this window: a re-import, not a new reading.
            if (report.Snapshots.Any(s => s.Source == MetricSource.CsvImport && s.Window == window && s.Values == values))
            {
                unchanged++;
                continue;
            }
            var check = SnapshotRules.Check(candidate, report.PostedUtc, [.. report.Snapshots.Select(s => s.ToRule())], now, ephemeral);
            if (check.Problems.Any(p => p.Code == ShareReportProblemCode.DuplicateSnapshot))
            {
                unchanged++;
                continue;
            }
            if (!check.IsAccepted)
            {
                var reasons = check.Problems.Select(p => l[p.Message, p.FormatArgs(k => l[k], display.DateTimeShort)].Value);
                issues.Add(new(row.RowNumber, row.Link, InsightsRowOutcome.Invalid, string.Join(" ", reasons)));
                continue;
            }
            report.Snapshots.Add(new ReportSnapshot
            {
                Source = MetricSource.CsvImport, Window = check.Window, TakenUtc = taken,
                Views = values.Views, Reach = values.Reach, Likes = values.Likes, Comments = values.Comments, Reposts = values.Reposts, Saves = values.Saves,
                CreatedByUserId = userId, CreatedUtc = now,
            });
            if (!touched.Contains(report)) touched.Add(report);
            added++;
        }

        var unmatched = issues.Count(i => i.Outcome == InsightsRowOutcome.Unmatched);
        var invalid = issues.Count(i => i.Outcome == InsightsRowOutcome.Invalid);
        var flagged = 0;
        var detail = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["file"] = form.FileName,
            ["takenUtc"] = taken,
            ["rows"] = raw.Count,
            ["added"] = added,
            ["unchanged"] = unchanged,
            ["unmatched"] = unmatched,
            ["invalid"] = invalid,
        });
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            using (db.SuppressEntityAudit())
            {
                await AggregateMarks.TrackAsync(db, token);
                await db.SaveChangesAsync(token);
                // The stored flags follow the new numbers (a fall is flagged), computed from what is now stored.
                var raised = await flags.EvaluateManyAsync(touched, token);
                foreach (var report in touched)
                {
                    var set = ReportFlags.ToSet(raised[report.Id]);
                    if ((set & ReportFlagSet.NumbersDecreased) != 0 && (report.Flags & ReportFlagSet.NumbersDecreased) == 0) flagged++;
                    report.Flags = set;
                }
                await db.SaveChangesAsync(token);
            }
            await audit.WriteAsync(AuditAction, detail: detail, entityType: "ShareReport", ct: token);
            await tx.CommitAsync(token);
        }, ct);
        uploads.Delete(path);

        issues.Sort((a, b) => a.RowNumber.CompareTo(b.RowNumber));
        return (InsightsImportOutcome.Done,
            new InsightsResultPage(form.FileName ?? "", taken, raw.Count, added, unchanged, unmatched, invalid, flagged, issues), []);
    }

    private sealed record RawRow(int RowNumber, string Link, IReadOnlyList<(InsightsField Field, string? Cell)> Numbers);

    private List<string> MappingErrors(InsightsMappingForm form, IReadOnlyList<string> headers)
    {
        var errors = new List<string>();
        var used = new Dictionary<int, InsightsField>();
        foreach (var field in InsightsColumns.Fields)
        {
            if (form.ColumnOf(field) is not int column) continue;
            if (column < 0 || column >= headers.Count)
            {
                errors.Add(l[InsightsTexts.ColumnUnknown]);
                continue;
            }
            if (!used.TryAdd(column, field)) errors.Add(l[InsightsTexts.ColumnTwice, ColumnName(headers, column)]);
        }
        if (form.Link is null) errors.Insert(0, l[InsightsTexts.LinkColumnMissing]);
        if (InsightsColumns.NumberFields.All(f => form.ColumnOf(f) is null)) errors.Add(l[InsightsTexts.NoNumberColumn]);
        return [.. errors.Distinct(StringComparer.Ordinal)];
    }

    public static string ColumnName(IReadOnlyList<string> headers, int column) =>
        column < headers.Count && !string.IsNullOrWhiteSpace(headers[column]) ? headers[column] : "#" + (column + 1).ToString(CultureInfo.InvariantCulture);

    private static List<RawRow> ReadRows(ITabularReader reader, InsightsMappingForm form)
    {
        var rows = new List<RawRow>();
        var linkColumn = form.Link!.Value;
        var numberColumns = InsightsColumns.NumberFields.Where(f => form.ColumnOf(f) is not null).Select(f => (f, form.ColumnOf(f)!.Value)).ToList();
        while (reader.Read())
        {
            if (rows.Count >= UploadInsightsHandler.MaxRows) break;
            rows.Add(new(reader.RowNumber, (reader[linkColumn] ?? "").Trim(), [.. numberColumns.Select(c => (c.f, reader[c.Item2]))]));
        }
        return rows;
    }

    private (PostLink? Link, MetricValues? Values, List<string> Reasons) Parse(RawRow row)
    {
        var reasons = new List<string>();
        PostLink? link = null;
        if (row.Link.Length == 0)
            reasons.Add(l[InsightsTexts.LinkEmpty]);
        else if (InsightsColumns.Detect(row.Link) is { } found)
            link = found;
        else if (InsightsColumns.Problem(row.Link) is { } problem)
            reasons.Add(l[problem.Message, problem.FormatArgs(k => l[k], display.DateTimeShort)]);
        else
            reasons.Add(l[InsightsTexts.LinkUnknown, Shorten(row.Link)]);

        var numbers = new Dictionary<InsightsField, long>();
        foreach (var (field, cell) in row.Numbers)
        {
            switch (InsightsColumns.ParseCount(cell, out var value))
            {
                case CountParse.Ok:
                    numbers[field] = value;
                    break;
                case CountParse.NotAWholeNumber:
                    reasons.Add(l[InsightsTexts.NotAWholeNumber, Shorten(cell!.Trim()), l[InsightsColumns.Label(field)]]);
                    break;
                case CountParse.Negative:
                    reasons.Add(l[InsightsTexts.Negative, Shorten(cell!.Trim()), l[InsightsColumns.Label(field)]]);
                    break;
            }
        }
        if (numbers.Count == 0 && reasons.Count == 0) reasons.Add(l[InsightsTexts.NoNumbers]);
        long? Of(InsightsField f) => numbers.TryGetValue(f, out var v) ? v : null;
        var values = new MetricValues(Of(InsightsField.Views), Of(InsightsField.Reach), Of(InsightsField.Likes), Of(InsightsField.Comments),
            Of(InsightsField.Reposts), Of(InsightsField.Saves));
        return (link, values, reasons);
    }

    /// <summary>The reports of these claim keys with their snapshots, tracked, keyed by claim key (in chunks: SQL Server allows 2 100 parameters).</summary>
    private async Task<Dictionary<string, ShareReport>> LoadReportsAsync(List<string> keys, CancellationToken ct)
    {
        var result = new Dictionary<string, ShareReport>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var found = await db.ShareReports.Include(r => r.Snapshots).Where(r => r.ClaimKey != null && chunk.Contains(r.ClaimKey)).ToListAsync(ct);
            foreach (var r in found) result[r.ClaimKey!] = r;
        }
        return result;
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}
