using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Assignments;

/// <summary>"berakhir 3 jam lagi": how long an agent has left, in the words the card shows.</summary>
public static class DueText
{
    public static string For(DateTime dueUtc, DateTime nowUtc, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var left = dueUtc - nowUtc;
        if (left <= TimeSpan.Zero) return l["Lewat batas waktu"];
        if (left < TimeSpan.FromHours(1)) return l["berakhir {0} menit lagi", Math.Max(1, (int)left.TotalMinutes)];
        if (left < TimeSpan.FromHours(48)) return l["berakhir {0} jam lagi", (int)Math.Round(left.TotalHours, MidpointRounding.AwayFromZero)];
        return l["berakhir {0} hari lagi", (int)Math.Round(left.TotalDays, MidpointRounding.AwayFromZero)];
    }

    /// <summary>Bootstrap colour for the due badge: red when past or under 6 hours, amber under 24 hours.</summary>
    public static string Tone(DateTime dueUtc, DateTime nowUtc)
    {
        var left = dueUtc - nowUtc;
        return left < TimeSpan.FromHours(6) ? "text-bg-danger" : left < TimeSpan.FromHours(24) ? "text-bg-warning" : "text-bg-light border";
    }
}
