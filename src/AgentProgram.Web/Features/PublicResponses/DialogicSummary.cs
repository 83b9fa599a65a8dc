using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.PublicResponses;

/// <summary>The summary's optional date range (local dates, inclusive) as it sits in the URL: dari, sampai (yyyy-MM-dd).</summary>
public sealed record SummaryQuery(DateOnly? From, DateOnly? Until, bool RangeInvalid)
{
    public const string Path = "/tanggapan-publik/ringkasan";

    public static SummaryQuery Parse(string? dari, string? sampai)
    {
        var from = ParseDate(dari);
        var until = ParseDate(sampai);
        return from is { } f && until is { } u && f > u ? new(null, null, true) : new(from, until, false);
    }

    public bool HasRange => From is not null || Until is not null;

    public string? FromText => From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string? UntilText => Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Url()
    {
        var qb = new QueryBuilder();
        if (FromText is { } f) qb.Add("dari", f);
        if (UntilText is { } u) qb.Add("sampai", u);
        return Path + qb.ToQueryString();
    }

    private static DateOnly? ParseDate(string? s) =>
        DateOnly.TryParseExact(s?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>One row of a figure table: a message or a unit (Id null: no unit yet) and its dialogic-loop figure.</summary>
public sealed record SummaryRow(int? Id, string Name, DialogicLoopFigure Figure);

public sealed record DialogicSummaryPage(SummaryQuery Query, DialogicLoopFigure Overall, IReadOnlyList<SummaryRow> ByMessage, IReadOnlyList<SummaryRow> ByUnit);

/// <summary>
/// The dialogic-loop figure (questions and complaints answered or referred within 24 hours) overall,
/// per message and per unit, over responses recorded in the chosen dates. A response counts for the
/// unit it was routed to, or the unit it concerns while not routed.
/// </summary>
public sealed class DialogicSummaryHandler(AppDbContext db, Display display)
{
    public async Task<DialogicSummaryPage> HandleAsync(SummaryQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = db.PublicResponses.AsNoTracking();
        if (query.From is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), display.Zone);
            q = q.Where(r => r.RecordedUtc >= fromUtc);
        }
        if (query.Until is { } until)
        {
            var endUtc = TimeZoneInfo.ConvertTimeToUtc(until.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), display.Zone);
            q = q.Where(r => r.RecordedUtc < endUtc);
        }
        var items = await q.Select(r => new { r.MessageId, Unit = r.RoutedUnitId ?? r.ConcernedUnitId, r.Kind, r.RecordedUtc, r.ResolvedUtc }).ToListAsync(ct);

        var messageIds = items.Select(i => i.MessageId).Distinct().ToList();
        var titles = await db.PolicyMessages.AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var units = await ResponseUnits.LoadAsync(db, ct);

        var overall = DialogicLoop.Compute(items.Select(i => new DialogicItem(i.Kind, i.RecordedUtc, i.ResolvedUtc)));
        var byMessage = items.GroupBy(i => i.MessageId)
            .Select(g => new SummaryRow(g.Key, titles.GetValueOrDefault(g.Key, ""), DialogicLoop.Compute(g.Select(i => new DialogicItem(i.Kind, i.RecordedUtc, i.ResolvedUtc)))))
            .OrderByDescending(r => r.Figure.NeedingAnswer).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        var byUnit = items.GroupBy(i => i.Unit)
            .Select(g => new SummaryRow(g.Key, units.NameOf(g.Key) ?? "", DialogicLoop.Compute(g.Select(i => new DialogicItem(i.Kind, i.RecordedUtc, i.ResolvedUtc)))))
            .OrderBy(r => r.Id is null ? 1 : 0).ThenByDescending(r => r.Figure.NeedingAnswer).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        return new DialogicSummaryPage(query, overall, byMessage, byUnit);
    }

    /// <summary>"83%", "83,3%" in Indonesian; "–" when nothing needed an answer.</summary>
    public static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.#", CultureInfo.CurrentCulture) + "%" : "–";
}
