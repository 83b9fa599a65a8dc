using System.Globalization;
using System.Text;
using AgentProgram.Web.Features.Documents.Shared;

namespace AgentProgram.Web.Features.Home;

/// <summary>What the WhatsApp recap says: where, when, participation per unit and the messages being shared now.</summary>
/// <param name="Scope">The unit the recap is about (its sub-units included); null for the whole institution.</param>
public sealed record RecapData(string? Scope, ParticipationWindow Window, DateTime AsOfUtc, IReadOnlyList<UnitParticipation> Units, IReadOnlyList<OpenMessage> Open);

/// <summary>
/// The recap as plain text for the WhatsApp groups where officers coordinate: WhatsApp's own formatting (*bold*,
/// _italic_, line breaks), no HTML, no NIP (units and message titles only). Always in Indonesian, whatever the page's
/// language, since it is pasted into Indonesian groups. Pure: data in, text out.
/// </summary>
public static class RecapText
{
    public const int MaxUnits = 10;
    public const int MaxMessages = 10;
    public const int MaxNamed = 3;

    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static string Build(RecapData data, TimeZoneInfo zone, string zoneLabel)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(zone);
        var t = new StringBuilder();
        t.Append("*Rekap Agen Komunikasi*\n");
        if (data.Scope is { } scope) t.Append("Unit: *").Append(Plain(scope)).Append("* (termasuk sub-unit)\n");
        var range = $"{FormatDate(data.Window.Start)} – {FormatDate(data.Window.End)}";
        if (data.Window.Period is { } period) t.Append("Periode: *").Append(Plain(period.Name)).Append("* (").Append(range).Append(")\n");
        else t.Append("Periode: *").Append(ParticipationWindow.RollingDays.ToString(Id)).Append(" hari terakhir* (").Append(range).Append(")\n");
        t.Append("Per ").Append(DateTime(data.AsOfUtc, zone, zoneLabel)).Append('\n');

        t.Append("\n*Partisipasi per unit* (agen aktif/terdaftar)\n");
        if (data.Units.Count == 0)
        {
            t.Append("Belum ada agen terdaftar.\n");
        }
        else
        {
            var n = 0;
            foreach (var u in data.Units.Take(MaxUnits))
                t.Append(++n).Append(". ").Append(Plain(u.UnitName)).Append(": ").Append(Share(u)).Append('\n');
            if (data.Units.Count > MaxUnits) t.Append("…dan ").Append(data.Units.Count - MaxUnits).Append(" unit lainnya\n");
            var enrolled = data.Units.Sum(u => u.Enrolled);
            var active = data.Units.Sum(u => u.Active);
            t.Append("Jumlah: ").Append(Share(new UnitParticipation(null, "", enrolled, active))).Append('\n');

            // Most and least active among real units with agents (not "Tanpa unit"); the two lists never share a unit.
            var ranked = data.Units.Where(u => u.UnitId is not null && u.Rate is not null).ToList();
            var most = ranked.Take(MaxNamed).ToList();
            var least = ranked.Skip(most.Count).Reverse().Take(MaxNamed).ToList();
            if (most.Count > 0) t.Append("\n*Paling aktif:* ").Append(string.Join(", ", most.Select(Named))).Append('\n');
            if (least.Count > 0) t.Append("*Perlu didorong:* ").Append(string.Join(", ", least.Select(Named))).Append('\n');
        }

        t.Append('\n');
        if (data.Open.Count == 0)
        {
            t.Append("*Penugasan terbuka:* tidak ada pesan yang sedang dibagikan.\n");
        }
        else
        {
            t.Append("*Penugasan terbuka:* ").Append(Count(data.Open.Sum(o => o.Assigned))).Append(" penugasan pada ")
                .Append(Count(data.Open.Count)).Append(" pesan, ").Append(Count(data.Open.Sum(o => o.NotReported))).Append(" belum dilaporkan\n");
            foreach (var o in data.Open.Take(MaxMessages))
            {
                t.Append("- ").Append(Plain(o.Title)).Append(" (batas ").Append(DateTime(o.DueUtc, zone, zoneLabel)).Append("): ")
                    .Append(Count(o.Assigned)).Append(" agen, ").Append(Count(o.NotReported)).Append(" belum melapor\n");
            }
            if (data.Open.Count > MaxMessages) t.Append("…dan ").Append(data.Open.Count - MaxMessages).Append(" pesan lainnya\n");
        }
        t.Append("\n_Agen aktif: punya sedikitnya satu sebaran terverifikasi yang diunggah dalam periode ini._");
        return t.ToString();
    }

    private static string Share(UnitParticipation u) =>
        $"{Percent(u.Rate)} ({Count(u.Active)}/{Count(u.Enrolled)})";

    private static string Named(UnitParticipation u) => $"{Plain(u.UnitName)} ({Percent(u.Rate)})";

    private static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.##", Id) + "%" : "–";

    private static string Count(int n) => n.ToString("#,0", Id);

    private static string FormatDate(DateOnly d) => OfficialPartsHandler.FormatDate(d);

    private static string DateTime(DateTime utc, TimeZoneInfo zone, string zoneLabel)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return local.ToString("d MMMM yyyy", Id) + " pukul " + local.ToString("HH.mm", CultureInfo.InvariantCulture) + " " + zoneLabel;
    }

    /// <summary>User text inside the recap: one line, and WhatsApp's markers (* _ ~ `) cannot open formatting by accident.</summary>
    public static string Plain(string text)
    {
        var line = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Replace('*', '∗').Replace('_', ' ').Replace('~', '-').Replace('`', '\'');
    }
}
