using System.Globalization;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.AspNetCore.Http.Extensions;

namespace AgentProgram.Web.Features.Analytics;

/// <summary>
/// Filters of /analitik (query string: periode, dari, sampai, unit, pesan, misi, platform). A reward period sets the
/// dates; without one, dari/sampai (yyyy-MM-dd, local days, inclusive); without either, the last 30 days.
/// </summary>
public sealed record AnalyticsQuery(int? PeriodId, DateOnly? From, DateOnly? To, int? UnitId, int? MessageId, MissionTag? Mission, Platform? Platform)
{
    public const int DefaultDays = 30;

    /// <summary>The longest range one page reads (three years of days).</summary>
    public const int MaxDays = 3 * 366;

    public const string MessagesTable = "pesan";
    public const string HeatMapTable = "peta";
    public const string FiguresTable = "angka";

    public static readonly IReadOnlyList<string> Tables = [FiguresTable, MessagesTable, HeatMapTable];

    public static AnalyticsQuery Parse(int? periode, string? dari, string? sampai, int? unit, int? pesan, string? misi, string? platform) => new(
        periode is > 0 ? periode : null,
        Date(dari),
        Date(sampai),
        unit is > 0 ? unit : null,
        pesan is > 0 ? pesan : null,
        Enum.TryParse<MissionTag>(misi, ignoreCase: true, out var m) && Enum.IsDefined(m) && !int.TryParse(misi, out _) ? m : null,
        Enum.TryParse<Platform>(platform, ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(platform, out _) ? p : null);

    private static DateOnly? Date(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>This page with these filters; <paramref name="table"/> names the table an export is for.</summary>
    public string Url(string path = "/analitik", string? table = null)
    {
        var q = new QueryBuilder();
        if (PeriodId is { } period) q.Add("periode", period.ToString(CultureInfo.InvariantCulture));
        else
        {
            if (From is { } f) q.Add("dari", f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (To is { } t) q.Add("sampai", t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (UnitId is { } u) q.Add("unit", u.ToString(CultureInfo.InvariantCulture));
        if (MessageId is { } msg) q.Add("pesan", msg.ToString(CultureInfo.InvariantCulture));
        if (Mission is { } mission) q.Add("misi", mission.ToString());
        if (Platform is { } p) q.Add("platform", p.ToString());
        if (table is not null) q.Add("tabel", table);
        return path + q.ToQueryString();
    }
}
