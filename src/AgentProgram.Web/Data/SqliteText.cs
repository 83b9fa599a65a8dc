using System.Globalization;

namespace AgentProgram.Web.Data;

/// <summary>Reading SQLite's text columns where millions of rows make the general parser show.</summary>
public static class SqliteText
{
    /// <summary>
    /// EF Core's SQLite form of a DateTime, "yyyy-MM-dd HH:mm:ss" with an optional fraction of up to seven
    /// digits, read without the culture machinery; anything else goes to the general parser. The kind is
    /// Unspecified, as EF gives it.
    /// </summary>
    public static DateTime ParseDateTime(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.AsSpan();
        if (s.Length >= 19 && s[4] == '-' && s[7] == '-' && s[10] == ' ' && s[13] == ':' && s[16] == ':'
            && Digits(s, 0, 4, out var year) && Digits(s, 5, 2, out var month) && Digits(s, 8, 2, out var day)
            && Digits(s, 11, 2, out var hour) && Digits(s, 14, 2, out var minute) && Digits(s, 17, 2, out var second))
        {
            long ticks = 0;
            if (s.Length > 19)
            {
                var digits = s.Length - 20;
                if (s[19] != '.' || digits is < 1 or > 7 || !Digits(s, 20, digits, out var fraction)) return Fallback(text);
                ticks = fraction;
                for (var i = digits; i < 7; i++) ticks *= 10;
            }
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60)
                return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        }
        return Fallback(text);
    }

    private static DateTime Fallback(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}
