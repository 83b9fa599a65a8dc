using System.Globalization;
using AgentProgram.Web.Data;

namespace AgentProgram.Tests.Data;

public sealed class SqliteTextTests
{
    [Theory]
    [InlineData("2026-11-24 07:05:09")]
    [InlineData("2026-11-24 07:05:09.1")]
    [InlineData("2026-11-24 07:05:09.1234567")]
    [InlineData("2024-02-29 23:59:59.9999999")]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("2026-11-24T07:05:09.25")]
    [InlineData("2026-11-24")]
    public void Reads_what_the_general_parser_reads(string text) =>
        Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None), SqliteText.ParseDateTime(text));

    [Fact]
    public void Reads_what_EF_writes_to_the_millisecond_and_below()
    {
        var value = new DateTime(2026, 11, 24, 7, 5, 9, DateTimeKind.Utc).AddTicks(1_234_567);
        var text = value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        Assert.Equal(value.Ticks, SqliteText.ParseDateTime(text).Ticks);
    }

    [Theory]
    [InlineData("2026-02-30 00:00:00")]
    [InlineData("2026-13-01 00:00:00")]
    [InlineData("not a date")]
    public void Rejects_what_is_no_date(string text) =>
        Assert.Throws<FormatException>(() => SqliteText.ParseDateTime(text));
}
