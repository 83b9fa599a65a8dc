using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Web.Domain.Aggregates;

/// <summary>The key every daily aggregate row shares, so one filter serves shares and responses.</summary>
public interface IDailyCell
{
    DateOnly Day { get; }
    int UnitId { get; }
    int MessageId { get; }
    Platform Platform { get; }
}

/// <summary>
/// Share-report and click figures of one cell: a stretch of days (see the two kinds below), a unit, a message and a
/// platform. Reports are counted on the day they were posted; readings are the strongest evidence per number (the
/// default evidence order) of verified reports; clicks count people only (bots left out). <see cref="UnitId"/> 0
/// stands for "no unit" (key columns are never null). Not an entity itself: the daily and monthly rows are.
/// </summary>
public abstract class ShareCell : IDailyCell
{
    public DateOnly Day { get; set; }
    public int UnitId { get; set; }
    public int MessageId { get; set; }
    public Platform Platform { get; set; }
    public int Reports { get; set; }
    public int Verified { get; set; }
    public int Rejected { get; set; }
    public int Pending { get; set; }
    public int Flagged { get; set; }

    /// <summary>Reports corrected by the agent at least once after a rejection (the summary's verification table).</summary>
    public int Corrected { get; set; }

    public long Reach { get; set; }
    public long Views { get; set; }
    public long Comments { get; set; }
    public long Reposts { get; set; }
    public long Saves { get; set; }
    public int Clicks { get; set; }

    /// <summary>Distinct visitor hashes per tracked link and day, summed over the links (and days): daily-unique counts.</summary>
    public int Visitors { get; set; }

    /// <summary>Adds another cell's figures to this one's (the key is left as it is).</summary>
    public void Add(ShareCell other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Reports += other.Reports; Verified += other.Verified; Rejected += other.Rejected; Pending += other.Pending; Flagged += other.Flagged;
        Corrected += other.Corrected; Reach += other.Reach; Views += other.Views; Comments += other.Comments; Reposts += other.Reposts;
        Saves += other.Saves; Clicks += other.Clicks; Visitors += other.Visitors;
    }
}

/// <summary>Public responses of one cell (a stretch of days, the report's unit, message and platform) and kind of response. Not an entity itself.</summary>
public abstract class ResponseCell : IDailyCell
{
    public DateOnly Day { get; set; }
    public int UnitId { get; set; }
    public int MessageId { get; set; }
    public Platform Platform { get; set; }
    public ResponseKind Kind { get; set; }
    public int Count { get; set; }

    /// <summary>Answered or referred within the dialogic-loop window.</summary>
    public int Closed { get; set; }

    /// <summary>Not answered or referred yet.</summary>
    public int Open { get; set; }

    /// <summary>Adds another cell's counts to this one's (the key is left as it is).</summary>
    public void Add(ResponseCell other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Count += other.Count; Closed += other.Closed; Open += other.Open;
    }
}

/// <summary>Share-report and click figures of one local (institution time zone) day, kept in step with the raw rows by the refresher.</summary>
public class DailyShareFigure : ShareCell;

/// <summary>Public responses recorded on one local day.</summary>
public class DailyResponseFigure : ResponseCell;

/// <summary>
/// The daily share rows of one calendar month summed (<see cref="ShareCell.Day"/> is the month's first day, stored
/// as the Month column): a year's analytics reads twelve of these per cell instead of up to 366 daily rows. Written
/// from the daily rows whenever a day of the month is refreshed.
/// </summary>
public class MonthlyShareFigure : ShareCell;

/// <summary>The daily response rows of one calendar month summed (<see cref="ResponseCell.Day"/> is the month's first day).</summary>
public class MonthlyResponseFigure : ResponseCell;

/// <summary>
/// The monthly share rows of every unit summed per (month, message, platform): <see cref="ShareCell.UnitId"/> is not
/// stored (always 0 in memory), so these rows answer only ranges without a unit filter. A year over the whole
/// institution reads a few rows per message instead of one per unit, message and platform.
/// </summary>
public class MonthlyMessageShareFigure : ShareCell;

/// <summary>The monthly response rows of every unit summed per (month, message, platform, kind); no unit, as above.</summary>
public class MonthlyMessageResponseFigure : ResponseCell;

/// <summary>
/// The days on which an agent had at least one verified share, per (year, unit on the report, mission, platform):
/// a bitmap of the local days of the year (see <see cref="DayBits"/>). One compact row per agent and combination
/// makes "agents active in any date range" an exact COUNT(DISTINCT) over a few rows per agent, which daily rows
/// cannot give (an agent active on two days would count twice).
/// </summary>
public class AgentActivity : DayBitRow
{
    public int AgentId { get; set; }
    public int UnitId { get; set; }
    public MissionTag Mission { get; set; }
    public Platform Platform { get; set; }
}

/// <summary>
/// The days on which an agent had at least one verified share, whatever the unit, mission or platform: the bitwise OR
/// of the agent's <see cref="AgentActivity"/> rows of the year. One row per agent and year, so "agents active in a
/// range" over the whole institution is a COUNT over one row per agent, without a DISTINCT over all their combinations.
/// </summary>
public class AgentYearActivity : DayBitRow
{
    public int AgentId { get; set; }
}

/// <summary>A year's day bitmap in six columns (see <see cref="DayBits"/>). Not an entity itself.</summary>
public abstract class DayBitRow
{
    public int Year { get; set; }
    public long D0 { get; set; }
    public long D1 { get; set; }
    public long D2 { get; set; }
    public long D3 { get; set; }
    public long D4 { get; set; }
    public long D5 { get; set; }

    /// <summary>Sets every day that is set in <paramref name="other"/> (a bitwise OR, column by column).</summary>
    public void Include(DayBitRow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        D0 |= other.D0; D1 |= other.D1; D2 |= other.D2; D3 |= other.D3; D4 |= other.D4; D5 |= other.D5;
    }

    /// <summary>No day set: such rows are deleted.</summary>
    public static System.Linq.Expressions.Expression<Func<T, bool>> IsEmpty<T>() where T : DayBitRow =>
        x => x.D0 == 0 && x.D1 == 0 && x.D2 == 0 && x.D3 == 0 && x.D4 == 0 && x.D5 == 0;
}

/// <summary>Agents with a verified share posted in one local week (Monday first) per unit: the heat map's cells.</summary>
public class UnitWeekActivity
{
    /// <summary>The Monday the week starts on.</summary>
    public DateOnly WeekStart { get; set; }
    public int UnitId { get; set; }
    public int ActiveAgents { get; set; }
}

/// <summary>
/// A day whose figures must be computed again because a write touched it: <see cref="AtUtc"/> is an instant inside
/// that local day (the refresher knows the time zone). Append-only, so concurrent writers never collide; the
/// refresher deletes the marks it handled.
/// </summary>
public class AggregateDirtyDay
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>The refresher's one row: who holds the run (a conditional UPDATE claims it across instances) and when it last finished.</summary>
public class AggregateRefreshState
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? LastRefreshedUtc { get; set; }

    /// <summary>Null until the first full rebuild: the figures are then incomplete.</summary>
    public DateTime? LastFullRebuildUtc { get; set; }
}

/// <summary>
/// The day bitmap of <see cref="AgentActivity"/>: day-of-year d (0-based) is bit d % 63 of column d / 63, six
/// columns of 63 bits (the sign bit stays unused, so sums of distinct bits never overflow and equal a bitwise OR).
/// Pure.
/// </summary>
public static class DayBits
{
    public const int BitsPerColumn = 63;
    public const int Columns = 6;

    public static (int Column, long Bit) Of(DateOnly day)
    {
        var d = day.DayOfYear - 1;
        return (d / BitsPerColumn, 1L << (d % BitsPerColumn));
    }

    /// <summary>The masks of the days from <paramref name="from"/> to <paramref name="to"/> (inclusive) that fall in <paramref name="year"/>; all zero when none do.</summary>
    public static long[] Mask(int year, DateOnly from, DateOnly to)
    {
        var masks = new long[Columns];
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var start = from > first ? from : first;
        var end = to < last ? to : last;
        for (var d = start; d <= end; d = d.AddDays(1))
        {
            var (c, bit) = Of(d);
            masks[c] |= bit;
        }
        return masks;
    }

    public static bool Has(DayBitRow a, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (c, bit) = Of(day);
        return (Column(a, c) & bit) != 0;
    }

    public static long Column(DayBitRow a, int column)
    {
        ArgumentNullException.ThrowIfNull(a);
        return column switch { 0 => a.D0, 1 => a.D1, 2 => a.D2, 3 => a.D3, 4 => a.D4, _ => a.D5 };
    }

    public static void Set(DayBitRow a, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (c, bit) = Of(day);
        switch (c)
        {
            case 0: a.D0 |= bit; break;
            case 1: a.D1 |= bit; break;
            case 2: a.D2 |= bit; break;
            case 3: a.D3 |= bit; break;
            case 4: a.D4 |= bit; break;
            default: a.D5 |= bit; break;
        }
    }

    /// <summary>The Monday of the week <paramref name="day"/> is in.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
