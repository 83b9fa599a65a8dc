using System.Globalization;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.Extensions.Configuration;

namespace AgentProgram.Tests.Infrastructure.Time;

public sealed class DisplayTests
{
    private static readonly Display Wib = new(new ConfigurationBuilder().Build());

    private static T In<T>(string culture, Func<T> f)
    {
        var (c, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return f(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (c, ui); }
    }

    [Theory]
    [InlineData("id-ID", 1_500_000, "Rp 1.500.000")]
    [InlineData("en-US", 1_500_000, "Rp 1,500,000")]
    [InlineData("id-ID", 0, "Rp 0")]
    public void Rupiah_is_whole_and_grouped_per_culture(string culture, long amount, string expected) =>
        Assert.Equal(expected, In(culture, () => Display.Rupiah(amount)));

    [Fact]
    public void Counts_are_grouped_per_culture() => Assert.Equal("1.234", In("id-ID", () => Display.Number(1234)));

    [Fact]
    public void Times_are_shown_in_WIB_with_Indonesian_separators()
    {
        var utc = new DateTime(2026, 11, 22, 7, 30, 0, DateTimeKind.Utc);
        Assert.Equal("22/11/2026 14.30 WIB", In("id-ID", () => Wib.DateTimeShort(utc)));
        Assert.Equal("22/11/2026 14:30 WIB", In("en-US", () => Wib.DateTimeShort(utc)));
    }

    [Fact]
    public void Dates_use_the_month_name_of_the_culture_and_the_WIB_day()
    {
        // 18:00 UTC on the 21st is already the 22nd in Jakarta.
        var utc = new DateTime(2026, 11, 21, 18, 0, 0, DateTimeKind.Utc);
        Assert.Equal("22 November 2026", In("id-ID", () => Wib.Date(utc)));
        Assert.Equal("22 Agustus 2026", In("id-ID", () => Wib.Date(new DateTime(2026, 8, 22, 1, 0, 0, DateTimeKind.Utc))));
        Assert.Equal("22 August 2026", In("en-US", () => Wib.Date(new DateTime(2026, 8, 22, 1, 0, 0, DateTimeKind.Utc))));
    }
}
