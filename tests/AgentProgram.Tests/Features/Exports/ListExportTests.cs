using System.Globalization;
using System.Net;
using AgentProgram.Tests.Features.Admin;
using AgentProgram.Tests.Features.Employees;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;
using static AgentProgram.Tests.Features.Exports.ExportKit;
using static AgentProgram.Tests.Features.RewardPeriods.PeriodSeed;
using static AgentProgram.Tests.Features.ShareVerification.ReportSeed;

namespace AgentProgram.Tests.Features.Exports;

/// <summary>
/// Each list's page with a filter against its CSV and XLSX with the same filter: the page's columns under
/// the page's headers, and exactly the filtered rows, all pages of them.
/// </summary>
public sealed class ListExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Wib);

    private static string Day(DateTime utc) => Local(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Minute(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private Task<List<AuditEntry>> ExportEntriesAsync(string entity) =>
        app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == TableExport.AuditAction && e.EntityType == entity).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Employees_export_holds_every_filtered_row_under_the_page_headers_and_is_audited_without_the_search()
    {
        var unit = await app.AddUnitAsync("Unit Ekspor Pegawai");
        var other = await app.AddUnitAsync("Unit Ekspor Lain");
        var made = new List<Employee>();
        for (var i = 1; i <= 30; i++)
        {
            made.Add(await app.AddEmployeeAsync($"Ekspor Pegawai {i:00}", unit, setup: e =>
            {
                e.PositionName = "Pranata \"Humas\" Ahli";
                e.PositionType = PositionType.Fungsional;
                e.HasDisciplinarySanction = e.Name.EndsWith("07", StringComparison.Ordinal);
            }));
        }
        await app.AddEmployeeAsync("Ekspor Pegawai Luar", other);
        var client = await app.HrAsync();
        var query = $"unit={unit}&urut=nama";

        var html = await client.GetHtmlAsync("/pegawai?" + query);
        Assert.Contains("30 pegawai", html);
        Assert.Equal(25, OrgTestKit.EmployeeRows(html));
        Assert.Contains("action=\"/pegawai/ekspor\"", html);   // a form: a NIP search is never written into an href
        var page = PageHeaders(html);
        Assert.Equal(["Nama", "NIP", "Jenis pegawai", "Golongan", "Jabatan", "Unit Kerja", "Kedudukan hukum", "Agen"], page);

        var csv = await CsvAsync(client, "/pegawai/ekspor?" + query);
        AssertPageColumnsInOrder(page, csv[0]);
        Assert.Equal(["Nama", "NIP", "Jenis pegawai", "Golongan", "Jabatan", "Jenis jabatan", "Unit Kerja", "Kedudukan hukum", "Hukuman disiplin", "Agen"], csv[0]);
        Assert.Equal(31, csv.Count);   // all 30, not the page's 25
        var expected = made.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(e => e.Name), Column(csv, "Nama"));
        Assert.Equal(expected.Select(e => Nip.FormatForDisplay(e.Nip)), Column(csv, "NIP"));
        Assert.All(csv.Skip(1), r =>
        {
            Assert.Equal("PNS", r[2]);
            Assert.Equal("Penata Muda (III/a)", r[3]);
            Assert.Equal("Pranata \"Humas\" Ahli", r[4]);
            Assert.Equal(PositionType.Fungsional.Label(), r[5]);
            Assert.Equal("Unit Ekspor Pegawai", r[6]);
            Assert.Equal("Aktif", r[7]);
            Assert.Equal("Tidak", r[9]);
        });
        Assert.Equal(expected.Select(e => e.Name.EndsWith("07", StringComparison.Ordinal) ? "Ya" : "Tidak"), Column(csv, "Hukuman disiplin"));

        var xlsx = await XlsxAsync(client, "/pegawai/ekspor?" + query + "&format=xlsx");
        Assert.Equal(csv, xlsx.Select(r => Texts(r, csv[0].Count)).ToList());
        Assert.All(xlsx.Skip(1), r => Assert.False(r[1]!.IsNumber));   // the NIP stays text

        // Both downloads are in the trail: the list, format, row count and filter names, never a filter's value.
        var entries = await ExportEntriesAsync("Employee");
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal("/pegawai/ekspor", e.Path);
            Assert.Contains("\"rows\":30", e.Changes, StringComparison.Ordinal);
            Assert.Contains("\"filters\":[\"unit\",\"urut\"]", e.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain(unit.ToString(CultureInfo.InvariantCulture) + "\"", e.Changes, StringComparison.Ordinal);
        });
        Assert.Contains("\"format\":\"csv\"", entries[0].Changes, StringComparison.Ordinal);
        Assert.Contains("\"format\":\"xlsx\"", entries[1].Changes, StringComparison.Ordinal);

        // A NIP search: its one row, and the NIP is in neither the trail nor a redirect.
        var sari = made[4];
        var byNip = await CsvAsync(client, "/pegawai/ekspor?q=" + Uri.EscapeDataString(Nip.FormatForDisplay(sari.Nip)));
        Assert.Equal([sari.Name], Column(byNip, "Nama"));
        Assert.DoesNotContain(await ExportEntriesAsync("Employee"), e => (e.Changes ?? "").Contains(sari.Nip[..8], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agents_export_holds_every_filtered_agent_with_the_page_columns_and_the_split_out_counts()
    {
        var unit = await app.SeedUnitAsync("Unit Ekspor Agen");
        var agents = new List<AgentProgram.Tests.Features.Agents.SeededAgent>();
        for (var i = 1; i <= 30; i++)
            agents.Add(await app.SeedAgentAsync($"Ekspor Agen {i:00}", employee: e => e.UnitId = unit.Id));
        await app.SeedAgentAsync("Ekspor Agen Luar");
        await app.SeedAccountAsync(agents[0].AgentId, Platform.Instagram, "eksporagen01", VerificationState.Verified);
        await app.SeedAccountAsync(agents[0].AgentId, Platform.TikTok, "eksporagen01b");
        var (_, client) = await app.StaffAsync();
        var list = $"/agen?q=ekspor%20agen&unit={unit.Id}";

        var html = await client.GetHtmlAsync(list);
        Assert.Contains("30 agen", html);
        Assert.Equal(25, Count(html, "agent-row"));
        Assert.Contains($"href=\"/agen/ekspor?q=ekspor%20agen&amp;unit={unit.Id}\"", html);
        Assert.Contains($"href=\"/agen/ekspor?q=ekspor%20agen&amp;unit={unit.Id}&amp;format=xlsx\"", html);
        var page = PageHeaders(html);
        Assert.Equal(["Nama", "NIP", "Unit Kerja", "Status", "Persetujuan", "Akun terverifikasi", "Terdaftar sejak"], page);

        var csv = await CsvAsync(client, $"/agen/ekspor?q=ekspor%20agen&unit={unit.Id}");
        AssertPageColumnsInOrder(page, csv[0]);
        Assert.Equal(["Nama", "NIP", "Unit Kerja", "Status", "Alasan status", "Persetujuan", "Akun terverifikasi", "Akun terdaftar", "Terdaftar sejak"], csv[0]);
        Assert.Equal(agents.Select(a => a.Name), Column(csv, "Nama"));
        Assert.Equal(agents.Select(a => Nip.FormatForDisplay(a.Nip)), Column(csv, "NIP"));
        var enrolled = await app.WithDb(db => db.Agents.Where(a => a.Employee.UnitId == unit.Id).OrderBy(a => a.Employee.Name).Select(a => a.EnrolledUtc).ToListAsync());
        Assert.Equal(enrolled.Select(Day), Column(csv, "Terdaftar sejak"));
        Assert.Equal(["Ekspor Agen 01", Nip.FormatForDisplay(agents[0].Nip), "Unit Ekspor Agen", "Aktif", "", "Sudah disetujui", "1", "2", Day(enrolled[0])], csv[1]);
        Assert.All(csv.Skip(2), r => Assert.Equal(["0", "0"], r[6..8]));

        var xlsx = await XlsxAsync(client, $"/agen/ekspor?q=ekspor%20agen&unit={unit.Id}&format=xlsx");
        Assert.Equal(csv[0], Texts(xlsx[0]));
        Assert.Equal(30, xlsx.Count - 1);
        for (var i = 1; i < xlsx.Count; i++)
        {
            Assert.Equal(csv[i][..6], Texts(xlsx[i])[..6]);
            Assert.True(xlsx[i][6]!.IsNumber);
            Assert.True(xlsx[i][7]!.IsNumber);
            Assert.Equal(csv[i][6..8], [xlsx[i][6]!.Text, xlsx[i][7]!.Text]);
            Assert.Equal(csv[i][8], DateText(xlsx[i][8]!, withTime: false));
        }
        Assert.Equal(2, (await ExportEntriesAsync("Agent")).Count);
    }

    [Fact]
    public async Task Messages_export_holds_every_matching_message_newest_first_and_other_roles_cannot_download_it()
    {
        var start = new DateTime(2026, 9, 1, 1, 0, 0, DateTimeKind.Utc);
        await app.WithDb(async db =>
        {
            var list = new List<PolicyMessage>();
            for (var i = 1; i <= 30; i++)
            {
                var m = new PolicyMessage
                {
                    Title = $"Ekspor Pesan {i:00} Katalunik", PolicyReference = "Perwal 1/2026", AuthorUserId = "seed", Mission = MissionTag.Partisipasi,
                    Status = i % 3 == 0 ? MessageStatus.Closed : MessageStatus.Published, ActiveFromUtc = start.AddDays(i), ActiveUntilUtc = start.AddDays(i + 7),
                    CreatedUtc = start.AddHours(i), ElectionFlag = i == 30 ? "masa kampanye" : null,
                };
                list.Add(m);
            }
            db.PolicyMessages.AddRange(list);
            db.PolicyMessages.Add(new PolicyMessage { Title = "Pesan lain", PolicyReference = "-", AuthorUserId = "seed", ActiveFromUtc = start, ActiveUntilUtc = start, CreatedUtc = start });
            return await db.SaveChangesAsync();
        });
        var (_, client) = await app.StaffAsync(Roles.Humas);

        var html = await client.GetHtmlAsync("/pesan?q=Katalunik");
        Assert.Contains("30 pesan", html);
        Assert.Equal(25, Count(html, "message-row"));
        var page = PageHeaders(html);
        Assert.Equal(["Judul", "Status", "Misi", "Masa aktif", "Dibuat"], page);

        var csv = await CsvAsync(client, "/pesan/ekspor?q=Katalunik");
        AssertPageColumnsInOrder(page, csv[0]);
        Assert.Equal(["Judul", "Masa pemilu", "Status", "Misi", "Masa aktif", "Dibuat"], csv[0]);
        var newestFirst = Enumerable.Range(1, 30).Reverse().ToList();
        Assert.Equal(newestFirst.Select(i => $"Ekspor Pesan {i:00} Katalunik"), Column(csv, "Judul"));
        Assert.Equal(newestFirst.Select(i => i == 30 ? "Ya" : "Tidak"), Column(csv, "Masa pemilu"));
        Assert.Equal(newestFirst.Select(i => (i % 3 == 0 ? MessageStatus.Closed : MessageStatus.Published).Label()), Column(csv, "Status"));
        Assert.All(Column(csv, "Misi"), m => Assert.Equal(MissionTag.Partisipasi.Label(), m));
        Assert.Equal(newestFirst.Select(i => Day(start.AddDays(i)) + " – " + Day(start.AddDays(i + 7))), Column(csv, "Masa aktif"));
        Assert.Equal(newestFirst.Select(i => Minute(start.AddHours(i))), Column(csv, "Dibuat"));

        // The status filter is honoured too.
        var closed = await CsvAsync(client, "/pesan/ekspor?q=Katalunik&status=Closed");
        Assert.Equal(new[] { 30, 27, 24, 21, 18, 15, 12, 9, 6, 3 }.Select(i => $"Ekspor Pesan {i:00} Katalunik"), Column(closed, "Judul"));

        var xlsx = await XlsxAsync(client, "/pesan/ekspor?q=Katalunik&format=xlsx");
        Assert.Equal(csv.Count, xlsx.Count);
        for (var i = 1; i < xlsx.Count; i++)
        {
            Assert.Equal(csv[i][..5], Texts(xlsx[i])[..5]);
            Assert.Equal(csv[i][5], DateText(xlsx[i][5]!, withTime: true));
        }

        foreach (var role in new[] { Roles.Kepegawaian, Roles.Agen, Roles.Administrator })
        {
            var other = await app.SignedInClientAsync(role);
            var refused = await other.GetAsync("/pesan/ekspor?q=Katalunik&format=xlsx");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/akun/akses-ditolak", LocationOf(refused), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verification_queue_export_holds_every_pending_report_of_the_filter_oldest_first_with_numbers_in_columns()
    {
        var unit = await app.SeedUnitAsync("Unit Ekspor Verifikasi");
        var a = await app.SeedAgentAsync("Ekspor Verif Ayu", employee: e => e.UnitId = unit.Id);
        var b = await app.SeedAgentAsync("Ekspor Verif Bima");
        var message = await TrackedLinkSeed.MessageAsync(app, "Ekspor Imunisasi Serentak");
        var otherMessage = await TrackedLinkSeed.MessageAsync(app, "Ekspor Pesan Lain");
        var start = new DateTime(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);
        var ofA = await ManyAsync(app, a.AgentId, message, 15, i => new ReportSpec { SubmittedUtc = start.AddHours(2 * i), UnitId = unit.Id });
        var ofB = await ManyAsync(app, b.AgentId, message, 15, i => i == 0
            ? new ReportSpec
            {
                SubmittedUtc = start.AddHours(1), Followers = 100, ScreenshotPath = "reports/ekspor.png",
                Snapshots = [(MetricSource.SelfReported, SnapshotWindow.Other, 1, 900, 10), (MetricSource.Screenshot, SnapshotWindow.Hours24, 24, 50_000, 1_234)],
            }
            : new ReportSpec { SubmittedUtc = start.AddHours(2 * i + 1) });
        await ReportAsync(app, a.AgentId, message, new ReportSpec { SubmittedUtc = start, State = ReportState.Verified });
        await ReportAsync(app, a.AgentId, otherMessage, new ReportSpec { SubmittedUtc = start });
        var expected = ofA.Concat(ofB).OrderBy(r => r.SubmittedUtc).ToList();

        var (_, client) = await app.StaffAsync(Roles.Humas);
        var html = await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}");
        Assert.Contains("30 laporan: Menunggu verifikasi", html);
        Assert.Equal(25, Count(html, "report-row"));
        var page = PageHeaders(html);
        Assert.Equal(["Agen", "Pesan", "Unggahan", "Angka terbaru", "Pengikut", "Bukti", "Tanda"], page);

        var csv = await CsvAsync(client, $"/verifikasi-laporan/ekspor?pesan={message}");
        AssertPageColumnsInOrder(page, csv[0]);
        Assert.Equal(expected.Select(r => r.PostUrl), Column(csv, "Tautan unggahan"));
        Assert.Equal(expected.Select(r => r.AgentId == a.AgentId ? "Ekspor Verif Ayu" : "Ekspor Verif Bima"), Column(csv, "Agen"));
        Assert.Equal(expected.Select(r => r.AgentId == a.AgentId ? "Unit Ekspor Verifikasi" : ""), Column(csv, "Unit Kerja"));
        Assert.Equal(expected.Select(r => Minute(r.SubmittedUtc)), Column(csv, "Dilaporkan"));
        Assert.All(Column(csv, "Pesan"), t => Assert.Equal("Ekspor Imunisasi Serentak", t));
        Assert.All(Column(csv, "Status"), s => Assert.Equal("Menunggu verifikasi", s));

        // The report with numbers is the second oldest: its latest snapshot, one column per metric.
        var numbered = csv[2];
        Assert.Equal(ofB[0].PostUrl, numbered[csv[0].IndexOf("Tautan unggahan")]);
        Assert.Equal("Tangkapan layar · 24 jam", numbered[csv[0].IndexOf("Angka terbaru")]);
        Assert.Equal("50000", numbered[csv[0].IndexOf("Tayangan")]);
        Assert.Equal("1234", numbered[csv[0].IndexOf("Suka")]);
        Assert.Equal("", numbered[csv[0].IndexOf("Jangkauan")]);
        Assert.Equal("100", numbered[csv[0].IndexOf("Pengikut")]);
        Assert.Equal("Ada", numbered[csv[0].IndexOf("Bukti")]);
        Assert.Equal("Tidak ada", csv[1][csv[0].IndexOf("Bukti")]);
        Assert.Equal("Instagram", numbered[csv[0].IndexOf("Unggahan")]);

        var xlsx = await XlsxAsync(client, $"/verifikasi-laporan/ekspor?pesan={message}&format=xlsx");
        Assert.Equal(csv[0], Texts(xlsx[0]));
        Assert.Equal(31, xlsx.Count);
        var views = xlsx[2][csv[0].IndexOf("Tayangan")]!;
        Assert.True(views.IsNumber);
        Assert.Equal("50000", views.Text);
        Assert.Equal(expected.Select(r => r.PostUrl), xlsx.Skip(1).Select(r => r[csv[0].IndexOf("Tautan unggahan")]!.Text));
        Assert.Equal(2, (await ExportEntriesAsync(nameof(ShareReport))).Count);
    }

    [Fact]
    public async Task An_agent_downloads_only_their_own_reports_and_officers_cannot_use_that_download()
    {
        var message = await TrackedLinkSeed.MessageAsync(app, "Ekspor Laporan Saya");
        var mine = await app.SeedAgentAsync("Ekspor Pemilik Laporan");
        var theirs = await app.SeedAgentAsync("Ekspor Agen Lain");
        var start = new DateTime(2026, 4, 1, 3, 0, 0, DateTimeKind.Utc);
        var own = await ManyAsync(app, mine.AgentId, message, 3, i => new ReportSpec
        {
            SubmittedUtc = start.AddHours(i), State = i == 1 ? ReportState.Rejected : ReportState.Pending,
            Snapshots = i == 2 ? [(MetricSource.SelfReported, SnapshotWindow.Other, 1, 4_321, 5)] : [],
        });
        var other = await ManyAsync(app, theirs.AgentId, message, 2, i => new ReportSpec { SubmittedUtc = start.AddHours(10 + i) });

        var client = await app.SignInAsAsync(mine.Email);
        var html = await client.GetHtmlAsync("/laporan-saya");
        Assert.Contains("href=\"/laporan-saya/ekspor\"", html);
        Assert.Contains("href=\"/laporan-saya/ekspor?format=xlsx\"", html);

        var csv = await CsvAsync(client, "/laporan-saya/ekspor");
        Assert.Equal(["Pesan", "Platform", "Waktu unggah", "Status", "Tayangan", "Alasan penolakan", "Tautan unggahan"], csv[0]);
        var newestFirst = own.OrderByDescending(r => r.SubmittedUtc).ToList();
        Assert.Equal(newestFirst.Select(r => r.PostUrl), Column(csv, "Tautan unggahan"));
        Assert.Equal(["Menunggu", "Ditolak", "Menunggu"], Column(csv, "Status"));
        Assert.Equal(["4321", "", ""], Column(csv, "Tayangan"));
        Assert.Equal(["", "Alasan awal", ""], Column(csv, "Alasan penolakan"));
        Assert.Equal(newestFirst.Select(r => Minute(r.PostedUtc)), Column(csv, "Waktu unggah"));
        var xlsx = await XlsxAsync(client, "/laporan-saya/ekspor?format=xlsx");
        Assert.Equal(newestFirst.Select(r => r.PostUrl), xlsx.Skip(1).Select(r => r[6]!.Text));
        foreach (var r in other)
        {
            Assert.DoesNotContain(r.PostUrl!, string.Join("\n", csv.Select(x => string.Join(",", x))), StringComparison.Ordinal);
            Assert.DoesNotContain(xlsx, row => row.Any(c => c?.Text == r.PostUrl));
        }

        var theirClient = await app.SignInAsAsync(theirs.Email);
        Assert.Equal(other.OrderByDescending(r => r.SubmittedUtc).Select(r => r.PostUrl), Column(await CsvAsync(theirClient, "/laporan-saya/ekspor"), "Tautan unggahan"));

        // An Agen account without an agent record has nothing to download; officers are refused.
        Assert.NotEqual(HttpStatusCode.OK, (await (await app.SignedInClientAsync(Roles.Agen)).GetAsync("/laporan-saya/ekspor")).StatusCode);
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        var refused = await humas.GetAsync("/laporan-saya/ekspor");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/akun/akses-ditolak", LocationOf(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_trail_export_holds_every_filtered_entry_newest_first_and_is_itself_audited()
    {
        var start = new DateTime(2026, 2, 1, 1, 0, 0, DateTimeKind.Utc);
        await app.WithDb(async db =>
        {
            for (var i = 0; i < 60; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    OccurredUtc = start.AddMinutes(i), UserName = "penelusur-ekspor@uji.test", Action = i == 0 ? AuditActions.Updated : AuditActions.SignInFailed,
                    EntityType = "AppUser", EntityKey = "kunci-ekspor", IpAddress = "10.9.8." + i.ToString(CultureInfo.InvariantCulture), Path = "/admin/pengguna/kunci-ekspor",
                    Changes = i == 0 ? """{"DisplayName":{"old":"Nama Lama","new":"Nama Baru"},"IsActive":{"old":true,"new":false}}""" : "wrong password",
                });
            }
            return await db.SaveChangesAsync();
        });
        var (admin, client) = await app.AdminAsync();

        var html = await client.GetHtmlAsync("/admin/jejak-audit?kunci=kunci-ekspor");
        Assert.Contains("60 entri", html);
        Assert.Equal(50, Count(html, "audit-row"));
        var page = PageHeaders(html);
        Assert.Equal(["Waktu", "Dilakukan oleh", "Aksi", "Data terkait", "Alamat IP", "Rincian"], page);

        var csv = await CsvAsync(client, "/admin/jejak-audit/ekspor?kunci=kunci-ekspor");
        AssertPageColumnsInOrder(page, csv[0]);
        Assert.Equal(["Waktu", "Dilakukan oleh", "Aksi", "Halaman", "Data terkait", "Kunci data", "Alamat IP", "Rincian"], csv[0]);
        Assert.Equal(61, csv.Count);
        Assert.Equal(Enumerable.Range(0, 60).Reverse().Select(i => Minute(start.AddMinutes(i))), Column(csv, "Waktu"));
        Assert.Equal(Enumerable.Range(0, 60).Reverse().Select(i => "10.9.8." + i.ToString(CultureInfo.InvariantCulture)), Column(csv, "Alamat IP"));
        // The oldest entry, 01:00 UTC, is 08:00 WIB.
        Assert.Equal(["2026-02-01 08:00", "penelusur-ekspor@uji.test", "Data diubah", "/admin/pengguna/kunci-ekspor", "Akun pengguna", "kunci-ekspor", "10.9.8.0"], csv[60][..7]);
        Assert.Equal("Nama tampilan: Nama Lama → Nama Baru; Akun aktif: Ya → Tidak", csv[60][7]);
        Assert.Equal("wrong password", csv[1][7]);
        Assert.Equal("Gagal masuk", csv[1][2]);

        var xlsx = await XlsxAsync(client, "/admin/jejak-audit/ekspor?kunci=kunci-ekspor&format=xlsx");
        Assert.Equal(61, xlsx.Count);
        Assert.Equal(csv.Select(r => r[1..]), xlsx.Select(r => Texts(r, csv[0].Count)[1..]));
        Assert.Equal(csv.Skip(1).Select(r => r[0]), xlsx.Skip(1).Select(r => DateText(r[0]!, withTime: true)));

        var entries = await ExportEntriesAsync("AuditEntry");
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(admin.Email, e.UserName));
        Assert.All(entries, e => Assert.Equal("/admin/jejak-audit/ekspor", e.Path));
        Assert.DoesNotContain(entries, e => (e.Changes ?? "").Contains("kunci-ekspor", StringComparison.Ordinal));
        // The export action can be filtered on the trail page.
        Assert.Contains("2 entri", await client.GetHtmlAsync("/admin/jejak-audit?aksi=Exported&entitas=AuditEntry"));
    }

    [Fact]
    public async Task Period_results_export_holds_every_filtered_agent_across_pages_with_numbers_as_numbers()
    {
        var scheme = await SchemeAsync(app);
        var unit = await app.SeedUnitAsync("Unit Ekspor Hasil");
        var period = await PeriodAsync(app, scheme.SchemeId, name: "Periode Ekspor Oktober");
        var results = new List<RewardResult>();
        for (var i = 1; i <= 52; i++)
        {
            var ranked = await TrackedLinkSeed.AgentAsync(app, $"Ekspor Hasil {i:00}", unit.Id);
            results.Add(Result(ranked.AgentId, i, 100m - i + 0.25m, unit.Id, EmploymentType.Pns,
                i == 1 ? RewardOutcomes.Recognition | RewardOutcomes.Incentive : RewardOutcomes.None, incentive: i == 1 ? 1_500_000 : 0));
        }
        var pppk = await TrackedLinkSeed.AgentAsync(app, "Ekspor Hasil PPPK", unit.Id);
        results.Add(Result(pppk.AgentId, 53, 1m, unit.Id, EmploymentType.Pppk));
        await RunAsync(app, period.Id, scheme.VersionId, results);
        var (_, client) = await app.StaffAsync(Roles.Pimpinan);
        var url = $"/periode-penghargaan/{period.Id}";

        var html = await client.GetHtmlAsync(url + "?jenis=pns");
        Assert.Contains("52 agen", html);
        Assert.Equal(50, Count(html, "result-row"));
        var page = PageHeaders(html, "data-testid=\"results\"");
        Assert.Equal(["Peringkat", "Nama", "Unit Kerja", "Partisipasi", "Keterlibatan", "Skor", "Sebaran dihitung", "Hasil", "Insentif"], page);
        Assert.Contains($"href=\"{url}/ekspor?jenis=pns&amp;format=xlsx\"", html);

        var csv = await CsvAsync(client, url + "/ekspor?jenis=pns");
        AssertPageColumnsInOrder(page, csv[0]);
        Assert.Equal(53, csv.Count);
        Assert.Equal(Enumerable.Range(1, 52).Select(i => i.ToString(CultureInfo.InvariantCulture)), Column(csv, "Peringkat"));
        Assert.Equal(Enumerable.Range(1, 52).Select(i => $"Ekspor Hasil {i:00}"), Column(csv, "Nama"));
        Assert.Equal(Enumerable.Range(1, 52).Select(i => (100m - i + 0.25m).ToString(CultureInfo.InvariantCulture)), Column(csv, "Skor"));
        Assert.Equal("99.25", csv[1][csv[0].IndexOf("Skor")]);
        Assert.Equal("49.625", csv[1][csv[0].IndexOf("Partisipasi")]);
        Assert.Equal("1500000", csv[1][csv[0].IndexOf("Insentif")]);
        Assert.Equal("0", csv[2][csv[0].IndexOf("Insentif")]);
        Assert.Equal("PNS", csv[1][csv[0].IndexOf("Jenis kepegawaian")]);
        Assert.Equal("Ya", csv[1][csv[0].IndexOf("Memenuhi syarat")]);
        Assert.Contains(";", csv[1][csv[0].IndexOf("Hasil")], StringComparison.Ordinal);   // two outcomes
        Assert.Equal("", csv[2][csv[0].IndexOf("Hasil")]);
        Assert.DoesNotContain(csv, r => r.Contains("Ekspor Hasil PPPK"));

        var bytes = await (await DownloadAsync(client, url + "/ekspor?jenis=pns&format=xlsx", XlsxType)).Content.ReadAsByteArrayAsync();
        var xlsx = ReadXlsx(bytes);
        Assert.Equal(csv, xlsx.Select(r => Texts(r, csv[0].Count)).ToList());
        Assert.Equal("Periode Ekspor Oktober", SheetName(bytes));
        foreach (var header in new[] { "Peringkat", "Partisipasi", "Keterlibatan", "Skor", "Sebaran dihitung", "Insentif" })
            Assert.All(xlsx.Skip(1), r => Assert.True(r[csv[0].IndexOf(header)]!.IsNumber, header));

        var entries = await ExportEntriesAsync("RewardResult");
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(period.Id.ToString(CultureInfo.InvariantCulture), e.EntityKey));

        var agent = await app.SignedInClientAsync(Roles.Agen);
        var refused = await agent.GetAsync(url + "/ekspor");
        Assert.StartsWith("/akun/akses-ditolak", LocationOf(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/periode-penghargaan/987654/ekspor")).StatusCode);
    }

    [Fact]
    public async Task Every_other_list_downloads_as_csv_and_xlsx_with_the_page_headers()
    {
        await app.AddUnitAsync("Unit Ekspor Umum", code: "UEU");
        await SchemeAsync(app, name: "Skema Ekspor Umum");
        var scheme = await SchemeAsync(app);
        await PeriodAsync(app, scheme.SchemeId, name: "Periode Ekspor Umum");
        var agent = await app.SeedAgentAsync("Ekspor Umum Agen");
        await app.SeedAccountAsync(agent.AgentId, Platform.Instagram, "eksporumum");

        var hr = (await app.StaffAsync(Roles.Kepegawaian)).Client;
        var humas = (await app.StaffAsync(Roles.Humas)).Client;
        var pimpinan = (await app.StaffAsync(Roles.Pimpinan)).Client;
        var (_, admin) = await app.AdminAsync();
        var agen = await app.SignInAsAsync(agent.Email);

        // (client, page, marker of its table or null, export, first export header)
        var lists = new (HttpClient Client, string? Page, string Export, string First)[]
        {
            (hr, "/unit-kerja", "/unit-kerja/ekspor", "Unit"),
            (hr, null, "/catatan-disiplin/ekspor", "Agen"),
            (admin, "/admin/pengguna", "/admin/pengguna/ekspor", "Nama"),
            (humas, "/skema-penghargaan", "/skema-penghargaan/ekspor", "Nama skema"),
            (pimpinan, "/periode-penghargaan", "/periode-penghargaan/ekspor", "Periode"),
            (humas, "/verifikasi-akun", "/verifikasi-akun/ekspor", "Agen"),
            (humas, null, "/tanggapan-publik/ekspor", "Tanggapan"),
            (pimpinan, null, "/statistik-tautan/ekspor?tabel=pesan", "Pesan"),
            (pimpinan, null, "/statistik-tautan/ekspor?tabel=platform", "Nama"),
            (pimpinan, null, "/statistik-tautan/ekspor?tabel=unit", "Nama"),
            (pimpinan, null, "/statistik-tautan/ekspor?tabel=agen", "Nama"),
            (agen, null, "/penghargaan-saya/ekspor", "Periode"),
        };
        foreach (var (client, page, export, first) in lists)
        {
            var csv = await CsvAsync(client, export);
            Assert.Equal(first, csv[0][0]);
            var separator = export.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var xlsx = await XlsxAsync(client, export + separator + "format=xlsx");
            Assert.Equal(csv[0], Texts(xlsx[0]));
            Assert.Equal(csv.Count, xlsx.Count);
            if (page is not null)
            {
                var html = await client.GetHtmlAsync(page);
                Assert.Contains("data-testid=\"export-buttons\"", html);
                AssertPageColumnsInOrder(PageHeaders(html), csv[0]);
            }
        }

        var units = await CsvAsync(hr, "/unit-kerja/ekspor?q=Unit%20Ekspor%20Umum");
        Assert.Equal(["Unit Ekspor Umum", "", "Tidak", "UEU", "", "0", "0"], units[1]);
        var accounts = await CsvAsync(humas, "/verifikasi-akun/ekspor?platform=Instagram");
        Assert.Contains(accounts, r => r[0] == "Ekspor Umum Agen" && r[4].Contains("eksporumum", StringComparison.Ordinal) && r[7] == "1200");
        Assert.Contains(await CsvAsync(humas, "/skema-penghargaan/ekspor?q=Ekspor%20Umum"), r => r[0] == "Skema Ekspor Umum" && r[2] == "1");
        var periods = await CsvAsync(pimpinan, "/periode-penghargaan/ekspor?cari=Ekspor%20Umum");
        Assert.Equal(["Periode Ekspor Umum", PeriodWorkflow.Label(PeriodKind.Monthly), "2026-10-01 – 2026-10-31"], periods[1][..3]);

        // An unknown format is refused rather than guessed.
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync("/unit-kerja/ekspor?format=pdf")).StatusCode);
    }
}

/// <summary>A list longer than the limit is refused with a message on the list, not cut short.</summary>
public sealed class ExportLimitTests(ExportLimitTests.SmallLimitApp app) : IClassFixture<ExportLimitTests.SmallLimitApp>
{
    public sealed class SmallLimitApp : AppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Exports:MaxRows"] = "3" };
    }

    [Fact]
    public async Task A_list_over_the_limit_goes_back_to_the_list_with_the_message_and_at_the_limit_downloads()
    {
        var start = new DateTime(2026, 9, 1, 1, 0, 0, DateTimeKind.Utc);
        await app.WithDb(async db =>
        {
            for (var i = 1; i <= 4; i++)
            {
                db.PolicyMessages.Add(new PolicyMessage
                {
                    Title = $"Batas {i} {(i <= 3 ? "Tiga" : "Empat")}", PolicyReference = "-", AuthorUserId = "seed", Status = MessageStatus.Published,
                    ActiveFromUtc = start, ActiveUntilUtc = start.AddDays(3), CreatedUtc = start.AddHours(i),
                });
            }
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInClientAsync(Roles.Humas);

        var refused = await client.GetAsync("/pesan/ekspor?q=Batas&format=xlsx");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/pesan?q=Batas", LocationOf(refused));
        var html = WebUtility.HtmlDecode(await client.GetHtmlAsync("/pesan?q=Batas"));
        Assert.Contains("data-testid=\"export-refused\"", html);
        Assert.Contains("Daftar ini berisi lebih dari 3 baris, batas satu unduhan.", html);
        Assert.DoesNotContain("data-testid=\"export-refused\"", await client.GetHtmlAsync("/pesan?q=Batas"));   // shown once

        var csv = await CsvAsync(client, "/pesan/ekspor?q=Tiga");
        Assert.Equal(["Batas 3 Tiga", "Batas 2 Tiga", "Batas 1 Tiga"], Column(csv, "Judul"));
    }
}
