using System.Globalization;

namespace AgentProgram.Web.Infrastructure.Time;

/// <summary>
/// How numbers, money and times look to a person: per culture, in the institution's time zone
/// (stored UTC). `Rp 1.500.000`, `22 November 2026`, `22/11/2026 14.30 WIB`.
/// </summary>
public sealed class Display(IConfiguration config)
{
    private readonly TimeZoneInfo _zone = FindZone(config["Institution:TimeZone"] ?? "Asia/Jakarta");
    private readonly string _zoneLabel = config["Institution:TimeZoneLabel"] ?? "WIB";

    public TimeZoneInfo Zone => _zone;

    public static string Rupiah(long amount) =>
        "Rp " + amount.ToString("#,0", CultureInfo.CurrentCulture);

    public static string Number(long value) => value.ToString("#,0", CultureInfo.CurrentCulture);

    /// <summary>A date and time typed in the institution's time zone (a datetime-local input), as UTC.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    public string Date(DateTime utc) => ToLocal(utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public string DateTimeShort(DateTime utc)
    {
        var local = ToLocal(utc);
        var time = CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "id" ? local.ToString("HH.mm", CultureInfo.InvariantCulture) : local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return $"{local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} {time} {_zoneLabel}";
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB"); }
    }
}
