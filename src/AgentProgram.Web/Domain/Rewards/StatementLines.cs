using System.Globalization;
using System.Text;

namespace AgentProgram.Web.Domain.Rewards;

/// <summary>Why a share did or did not count. Stored as its number inside <see cref="RewardResult.Lines"/>: never renumber.</summary>
public enum LineStatus
{
    Counted = 0,

    /// <summary>Still waiting for Humas's verification.</summary>
    NotVerified = 1,

    /// <summary>Rejected, and the agent may still correct it: no points, no deduction.</summary>
    Rejected = 2,

    /// <summary>Rejected with its correction used: the scheme's deduction applies.</summary>
    RejectedFinal = 3,
    CapPerMessage = 4,
    CapPerDay = 5,
    CapPerPeriod = 6,

    /// <summary>Posted before or after the period (reported inside it).</summary>
    OutsidePeriod = 7,
}

/// <summary>One share on an agent's statement with the points from each rule.</summary>
/// <param name="Visitors">Unique visitors of the tracked link credited to this share.</param>
public sealed record StatementLine(long ReportId, LineStatus Status, decimal SharePoints, decimal TimelyPoints, decimal EngagementPoints, decimal Deduction, int Visitors = 0)
{
    public bool Counted => Status == LineStatus.Counted;
    public decimal Total => SharePoints + TimelyPoints + EngagementPoints - Deduction;
}

/// <summary>
/// A compact, exact text form of a statement's lines (`id:status:share:timely:engagement:deduction:visitors`
/// joined by `;`, invariant culture). One string per agent keeps a period of millions of shares to one
/// row per agent; the numbers are decimals written exactly, so a frozen statement reads back to the rupiah.
/// </summary>
public static class StatementLines
{
    public static string Encode(IEnumerable<StatementLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sb = new StringBuilder();
        foreach (var l in lines) Append(sb, l);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, StatementLine l)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(l);
        if (sb.Length > 0) sb.Append(';');
        var c = CultureInfo.InvariantCulture;
        sb.Append(l.ReportId.ToString(c)).Append(':')
          .Append(((int)l.Status).ToString(c)).Append(':')
          .Append(Num(l.SharePoints)).Append(':')
          .Append(Num(l.TimelyPoints)).Append(':')
          .Append(Num(l.EngagementPoints)).Append(':')
          .Append(Num(l.Deduction)).Append(':')
          .Append(l.Visitors.ToString(c));
    }

    public static IReadOnlyList<StatementLine> Decode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var c = CultureInfo.InvariantCulture;
        var list = new List<StatementLine>();
        foreach (var item in text.Split(';'))
        {
            var f = item.Split(':');
            if (f.Length != 7) throw new FormatException("A statement line has seven fields.");
            list.Add(new StatementLine(
                long.Parse(f[0], c), (LineStatus)int.Parse(f[1], c),
                decimal.Parse(f[2], c), decimal.Parse(f[3], c), decimal.Parse(f[4], c), decimal.Parse(f[5], c),
                int.Parse(f[6], c)));
        }
        return list;
    }

    private static string Num(decimal d) => d == 0 ? "0" : d.ToString("0.##", CultureInfo.InvariantCulture);
}
