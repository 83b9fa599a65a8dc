using System.Globalization;
using System.Net;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;
using static AgentProgram.Tests.Features.ShareVerification.ReportSeed;

namespace AgentProgram.Tests.Features.ShareVerification;

public sealed class ReportDecisionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string V(ShareReport r) => r.Version.ToString(CultureInfo.InvariantCulture);

    private Task<List<Notification>> NotificationsOf(string userId) =>
        app.WithDb(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync());

    private Task<List<AuditEntry>> DecisionsOf(long id) =>
        app.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(ShareReport) && a.EntityKey == Key(id) && a.Action.StartsWith("Report")).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Humas_verifies_a_report_the_agent_is_notified_and_the_decision_is_audited()
    {
        var agent = await app.SeedAgentAsync("Fajar Nugroho");
        var message = await TrackedLinkSeed.MessageAsync(app, "Layanan Adminduk Keliling");
        var report = await ReportAsync(app, agent.AgentId, message);
        var (humas, client) = await app.StaffAsync(Roles.Humas);

        var page = $"/verifikasi-laporan/{report.Id}";
        var detail = await client.GetHtmlAsync(page);
        Assert.Contains("Fajar Nugroho", detail);
        Assert.Contains($"action=\"{page}/verifikasi\"", detail);
        Assert.Contains($"action=\"{page}/tolak\"", detail);
        Assert.DoesNotContain("/balikkan", detail);

        var response = await client.PostFormAsync(page, page + "/verifikasi", ("Version", V(report)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, LocationOf(response));
        var saved = await ReloadAsync(app, report.Id);
        Assert.Equal(ReportState.Verified, saved.State);
        Assert.Equal(humas.Id, saved.ReviewedByUserId);
        Assert.NotNull(saved.ReviewedUtc);
        Assert.Null(saved.DecisionReason);

        var note = Assert.Single(await NotificationsOf(agent.UserId));
        Assert.Equal(NotificationKind.ReportVerified, note.Kind);
        Assert.Equal("Layanan Adminduk Keliling", note.Text);
        Assert.Equal($"/laporan-saya/{report.Id}", note.Url);

        var entry = Assert.Single(await DecisionsOf(report.Id));
        Assert.Equal("ReportVerified", entry.Action);
        Assert.Equal(humas.Id, entry.UserId);
        Assert.Contains("\"to\":\"Verified\"", entry.Changes);
        // The entity change is audited too, with its reviewer.
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ShareReport) && a.EntityKey == Key(report.Id) && a.Action == "Updated")));

        var after = await client.GetHtmlAsync(page);
        Assert.Contains("Laporan diverifikasi.", after);
        Assert.Contains("data-testid=\"history-row\"", after);
        Assert.Contains("Diverifikasi", after);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_which_reaches_the_agent()
    {
        var agent = await app.SeedAgentAsync("Gita Savitri");
        var message = await TrackedLinkSeed.MessageAsync(app, "Bulan Bakti Gotong Royong");
        var report = await ReportAsync(app, agent.AgentId, message);
        var (_, client) = await app.StaffAsync(Roles.Humas);
        var page = $"/verifikasi-laporan/{report.Id}";

        var blank = await client.PostFormAsync(page, page + "/tolak", ("Version", V(report)), ("Reason", "  "));
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains(ReportTexts.ReasonRequired, await blank.Content.ReadAsStringAsync());
        Assert.Equal(ReportState.Pending, (await ReloadAsync(app, report.Id)).State);
        Assert.Empty(await NotificationsOf(agent.UserId));

        const string reason = "Tautan mengarah ke unggahan akun lain; laporkan unggahan dari akun Anda sendiri.";
        var queue = $"/verifikasi-laporan?pesan={message}";
        var rejected = await client.PostFormAsync(page, page + "/tolak", ("Version", V(report)), ("Reason", reason), ("Kembali", queue));
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(queue, LocationOf(rejected));
        var saved = await ReloadAsync(app, report.Id);
        Assert.Equal(ReportState.Rejected, saved.State);
        Assert.Equal(reason, saved.DecisionReason);
        var note = Assert.Single(await NotificationsOf(agent.UserId));
        Assert.Equal(NotificationKind.ReportRejected, note.Kind);
        Assert.Equal(reason, note.Text);
        var entry = Assert.Single(await DecisionsOf(report.Id));
        Assert.Equal("ReportRejected", entry.Action);
        Assert.Contains(reason, entry.Changes);
    }

    [Fact]
    public async Task A_report_changed_since_the_page_was_shown_is_refused_not_overwritten()
    {
        var agent = await app.SeedAgentAsync("Hadi Susanto");
        var message = await TrackedLinkSeed.MessageAsync(app, "Pencegahan DBD");
        var report = await ReportAsync(app, agent.AgentId, message);
        var (_, client) = await app.StaffAsync(Roles.Humas);
        var page = $"/verifikasi-laporan/{report.Id}";
        var seen = V(report);
        await app.WithDb(async db =>
        {
            var r = await db.ShareReports.SingleAsync(x => x.Id == report.Id);
            r.CorrectionCount = 1; // the agent corrected it meanwhile
            return await db.SaveChangesAsync();
        });

        var response = await client.PostFormAsync(page, page + "/verifikasi", ("Version", seen));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Laporan ini sudah diubah orang lain setelah halaman Anda dimuat", await response.Content.ReadAsStringAsync());
        Assert.Equal(ReportState.Pending, (await ReloadAsync(app, report.Id)).State);
        Assert.Empty(await DecisionsOf(report.Id));
    }

    [Fact]
    public async Task Bulk_verification_decides_each_report_and_reports_the_refused_ones()
    {
        var agent = await app.SeedAgentAsync("Indah Permata");
        var message = await TrackedLinkSeed.MessageAsync(app, "Festival UMKM");
        var pending = await ManyAsync(app, agent.AgentId, message, 3, _ => new());
        var already = await ReportAsync(app, agent.AgentId, message, new() { State = ReportState.Rejected });
        var (_, client) = await app.StaffAsync(Roles.Humas);
        var queue = $"/verifikasi-laporan?pesan={message}";

        var changed = await ReportAsync(app, agent.AgentId, message);
        var seenChanged = Item(changed);
        await app.WithDb(async db =>
        {
            (await db.ShareReports.SingleAsync(r => r.Id == changed.Id)).CorrectionCount = 1;
            return await db.SaveChangesAsync();
        });
        var fields = pending.Append(already).Select(r => ("Ids", Item(r))).Append(("Ids", seenChanged))
            .Append(("Ids", "999999:0")).Append(("Action", "verify")).Append(("Pesan", Key(message))).ToArray();
        var response = await client.PostFormAsync(queue, "/verifikasi-laporan/massal", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(queue, LocationOf(response));
        foreach (var r in pending) Assert.Equal(ReportState.Verified, (await ReloadAsync(app, r.Id)).State);
        Assert.Equal(ReportState.Rejected, (await ReloadAsync(app, already.Id)).State);
        Assert.Equal(ReportState.Pending, (await ReloadAsync(app, changed.Id)).State);
        Assert.Equal(3, (await NotificationsOf(agent.UserId)).Count(n => n.Kind == NotificationKind.ReportVerified));
        foreach (var r in pending) Assert.Equal("ReportVerified", Assert.Single(await DecisionsOf(r.Id)).Action);
        Assert.Empty(await DecisionsOf(already.Id));

        var html = await client.GetHtmlAsync(queue);
        Assert.Contains("3 laporan diverifikasi.", html);
        Assert.Contains("3 laporan tidak diputuskan:", html);
        Assert.Contains($"Laporan nomor {changed.Id}: Laporan ini sudah diubah orang lain", html);
        Assert.Contains($"Laporan nomor {already.Id}: {ReportTexts.VerifyWrongState}", html);
        Assert.Contains("Laporan nomor 999999: Laporan tidak ditemukan.", html);
        Assert.Equal(1, Count(html, "report-row"));
    }

    [Fact]
    public async Task Bulk_rejection_needs_one_reason_for_all()
    {
        var agent = await app.SeedAgentAsync("Joko Santoso");
        var message = await TrackedLinkSeed.MessageAsync(app, "Hemat Air");
        var reports = await ManyAsync(app, agent.AgentId, message, 2, _ => new());
        var (_, client) = await app.StaffAsync(Roles.Humas);
        var queue = $"/verifikasi-laporan?pesan={message}";
        var ids = reports.Select(r => ("Ids", Item(r))).ToArray();

        var blank = await client.PostFormAsync(queue, "/verifikasi-laporan/massal", [.. ids, ("Action", "reject"), ("Pesan", Key(message))]);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains(ReportTexts.ReasonRequired, await blank.Content.ReadAsStringAsync());
        foreach (var r in reports) Assert.Equal(ReportState.Pending, (await ReloadAsync(app, r.Id)).State);

        var none = await client.PostFormAsync(queue, "/verifikasi-laporan/massal", ("Action", "verify"));
        Assert.Contains("Pilih minimal satu laporan.", await none.Content.ReadAsStringAsync());

        var done = await client.PostFormAsync(queue, "/verifikasi-laporan/massal", [.. ids, ("Action", "reject"), ("Reason", "Tangkapan layar tidak terbaca."), ("Pesan", Key(message))]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        foreach (var r in reports)
        {
            var saved = await ReloadAsync(app, r.Id);
            Assert.Equal(ReportState.Rejected, saved.State);
            Assert.Equal("Tangkapan layar tidak terbaca.", saved.DecisionReason);
        }
        Assert.All(await NotificationsOf(agent.UserId), n => Assert.Equal("Tangkapan layar tidak terbaca.", n.Text));
        Assert.Contains("2 laporan ditolak.", await client.GetHtmlAsync(queue));
    }

    [Fact]
    public async Task Only_Pimpinan_or_an_approving_Humas_reverses_a_decision_with_a_reason()
    {
        var agent = await app.SeedAgentAsync("Kartika Sari");
        var message = await TrackedLinkSeed.MessageAsync(app, "Sekolah Ramah Anak");
        var report = await ReportAsync(app, agent.AgentId, message, new() { State = ReportState.Verified });
        var page = $"/verifikasi-laporan/{report.Id}";

        // A plain Humas officer sees no reversal and is refused.
        var (_, plain) = await app.StaffAsync(Roles.Humas);
        var plainPage = await plain.GetHtmlAsync(page);
        Assert.DoesNotContain("/balikkan", plainPage);
        Assert.Contains("Keputusan ini hanya dapat dibalik oleh Pimpinan", plainPage);
        var refused = await plain.PostFormAsync(page, page + "/balikkan", ("Version", V(report)), ("Reason", "Angka tidak cocok."));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(ReportTexts.NotReverser, await refused.Content.ReadAsStringAsync());
        Assert.Equal(ReportState.Verified, (await ReloadAsync(app, report.Id)).State);

        // A Humas officer allowed to approve reverses it, with a reason.
        var (approver, approving) = await app.StaffAsync(Roles.Humas);
        await AllowApprovalAsync(app, approver.Id);
        Assert.Contains("/balikkan", await approving.GetHtmlAsync(page));
        var noReason = await approving.PostFormAsync(page, page + "/balikkan", ("Version", V(report)));
        Assert.Contains(ReportTexts.ReverseReasonRequired, await noReason.Content.ReadAsStringAsync());
        var reversed = await approving.PostFormAsync(page, page + "/balikkan", ("Version", V(report)), ("Reason", "Unggahan sudah dihapus agen."));
        Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);
        var saved = await ReloadAsync(app, report.Id);
        Assert.Equal(ReportState.Rejected, saved.State);
        Assert.Equal("Unggahan sudah dihapus agen.", saved.DecisionReason);
        Assert.Equal(approver.Id, saved.ReviewedByUserId);

        // A Pimpinan reverses it back.
        var (_, leader) = await app.StaffAsync(Roles.Pimpinan);
        var back = await leader.PostFormAsync(page, page + "/balikkan", ("Version", V(saved)), ("Reason", "Unggahan ternyata masih ada."));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(ReportState.Verified, (await ReloadAsync(app, report.Id)).State);

        var decisions = await DecisionsOf(report.Id);
        Assert.Equal(["ReportReversed", "ReportReversed"], decisions.Select(d => d.Action));
        Assert.Contains("Unggahan sudah dihapus agen.", decisions[0].Changes);
        Assert.Equal([NotificationKind.ReportRejected, NotificationKind.ReportVerified], (await NotificationsOf(agent.UserId)).Select(n => n.Kind));
        var history = await leader.GetHtmlAsync(page);
        Assert.Equal(2, Count(history, "history-row"));
        Assert.Contains("Keputusan dibalik", history);
        Assert.Contains("Alasan: Unggahan ternyata masih ada.", history);
    }

    [Fact]
    public async Task Nobody_decides_their_own_report_even_as_Humas()
    {
        var both = await app.SeedAgentAsync("Lukman Hakim");
        await AddRoleAsync(app, both.UserId, Roles.Humas);
        await AllowApprovalAsync(app, both.UserId);
        var message = await TrackedLinkSeed.MessageAsync(app, "Kota Bersih");
        var own = await ReportAsync(app, both.AgentId, message);
        var ownVerified = await ReportAsync(app, both.AgentId, message, new() { State = ReportState.Verified });
        var client = await app.SignInAsAsync(both.Email);

        var queue = await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}");
        Assert.Contains($"value=\"{Item(own)}\" form=\"bulk\" id=\"rep-{own.Id}\" disabled=\"disabled\"", queue);
        Assert.Contains("Laporan Anda sendiri: diputuskan petugas lain.", queue);

        var page = $"/verifikasi-laporan/{own.Id}";
        var detail = await client.GetHtmlAsync(page);
        Assert.Contains("data-testid=\"own-report\"", detail);
        Assert.DoesNotContain($"action=\"{page}/verifikasi\"", detail);

        var single = await client.PostFormAsync(page, page + "/verifikasi", ("Version", V(own)));
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Contains(ReportTexts.OwnReport, await single.Content.ReadAsStringAsync());

        var bulk = await client.PostFormAsync($"/verifikasi-laporan?pesan={message}", "/verifikasi-laporan/massal", ("Ids", Item(own)), ("Action", "verify"));
        Assert.Equal(HttpStatusCode.Redirect, bulk.StatusCode);
        Assert.Contains(ReportTexts.OwnReport, await client.GetHtmlAsync("/verifikasi-laporan"));

        var reversePage = $"/verifikasi-laporan/{ownVerified.Id}";
        var reverse = await client.PostFormAsync(reversePage, reversePage + "/balikkan", ("Version", V(ownVerified)), ("Reason", "Saya keliru."));
        Assert.Contains(ReportTexts.OwnReport, await reverse.Content.ReadAsStringAsync());

        Assert.Equal(ReportState.Pending, (await ReloadAsync(app, own.Id)).State);
        Assert.Equal(ReportState.Verified, (await ReloadAsync(app, ownVerified.Id)).State);
        Assert.Empty(await DecisionsOf(own.Id));
        Assert.Empty(await NotificationsOf(both.UserId));
    }
}
