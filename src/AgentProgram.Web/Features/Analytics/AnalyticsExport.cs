using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Analytics;

/// <summary>The page's tables as exports (tabel=angka, pesan or peta), with the page's filters and column names.</summary>
public static class AnalyticsExport
{
    public sealed record FigureRow(string Label, decimal? Value);

    public sealed record HeatCell(string Unit, DateOnly Week, int Enrolled, int Active, decimal? Rate);

    public static IReadOnlyList<FigureRow> FigureRows(AnalyticsFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return
        [
            new("Agen terdaftar", f.EnrolledAgents),
            new("Agen aktif", f.ActiveAgents),
            new("Tingkat partisipasi (%)", f.ParticipationRate),
            new("Laporan sebaran", f.Reports),
            new("Sebaran terverifikasi", f.Verified),
            new("Tingkat verifikasi (%)", f.VerifiedRate),
            new("Jangkauan kumulatif (tidak dide-duplikasi)", f.Reach),
            new("Tayangan", f.Views),
            new("Komentar", f.Comments),
            new("Bagikan ulang", f.Reposts),
            new("Simpan", f.Saves),
            new("Klik tautan terlacak", f.Clicks),
            new("Pengunjung unik", f.Visitors),
            new("Tanggapan publik", f.Responses),
            new("Dialogic loop (%)", f.DialogicRate),
        ];
    }

    public static ExportTable Table(AnalyticsPage page, string table, int limit, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(l);
        if (table == AnalyticsQuery.MessagesTable)
        {
            return new ExportColumns<MessageComparison>()
                .Text(l["Pesan"], m => m.Title)
                .Text(l["Tag misi"], m => l[m.Mission.Label()])
                .Number(l["Laporan sebaran"], m => m.Reports)
                .Number(l["Sebaran terverifikasi"], m => m.Verified)
                .Number(l["Tingkat verifikasi"], m => m.VerifiedRate)
                .Number(l["Jangkauan kumulatif"], m => m.Reach)
                .Number(l["Tayangan"], m => m.Views)
                .Number(l["Klik"], m => m.Clicks)
                .Number(l["Pengunjung unik"], m => m.Visitors)
                .Number(l["Tanggapan publik"], m => m.Responses)
                .Table(l["Perbandingan pesan"], page.Messages, limit);
        }
        if (table == AnalyticsQuery.HeatMapTable)
        {
            var cells = page.HeatMap.Rows.SelectMany(r => page.HeatMap.Weeks.Select((w, i) =>
                new HeatCell(r.UnitId == 0 ? l[r.UnitName].Value : r.UnitName, w, r.Enrolled, r.Active[i], r.Rate(i))));
            return new ExportColumns<HeatCell>()
                .Text(l["Unit kerja"], c => c.Unit)
                .Date(l["Minggu mulai"], c => c.Week)
                .Number(l["Agen terdaftar"], c => c.Enrolled)
                .Number(l["Agen aktif"], c => c.Active)
                .Number(l["Tingkat partisipasi (%)"], c => c.Rate)
                .Table(l["Partisipasi unit per minggu"], cells, limit);
        }
        return new ExportColumns<FigureRow>()
            .Text(l["Angka"], r => l[r.Label])
            .Number(l["Nilai"], r => r.Value)
            .Table(l["Angka utama"], FigureRows(page.Figures), limit);
    }
}
