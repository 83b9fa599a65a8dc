using System.Globalization;
using System.Net;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;

namespace AgentProgram.Tests.Features.PublicResponses;

/// <summary>Public responses through the real app: the agent's form, Humas's queue and actions, and the dialogic-loop summary.</summary>
public sealed class PublicResponseTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Share(SeededAgent Agent, int MessageId, long ReportId);

    private async Task<Share> ShareAsync(string agentName, int? messageId = null, string? messageTitle = null)
    {
        var agent = await app.SeedAgentAsync(agentName);
        messageId ??= await TrackedLinkSeed.MessageAsync(app, messageTitle ?? "Pesan " + agentName);
        var reportId = await app.WithDb(async db =>
        {
            var a = new Assignment { MessageId = messageId.Value, AgentId = agent.AgentId, DueUtc = DateTime.UtcNow.AddDays(1), CreatedUtc = DateTime.UtcNow };
            db.Assignments.Add(a);
            await db.SaveChangesAsync();
            var r = new ShareReport
            {
                AssignmentId = a.Id, AgentId = agent.AgentId, MessageId = messageId.Value, Platform = Platform.WhatsApp,
                PostedUtc = DateTime.UtcNow.AddHours(-2), SubmittedUtc = DateTime.UtcNow.AddHours(-1), SubmissionKey = Guid.NewGuid(),
            };
            db.ShareReports.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        return new Share(agent, messageId.Value, reportId);
    }

    private Task<PublicResponse> SeedResponseAsync(Share s, ResponseKind kind, DateTime recordedUtc, string text, int? unitId = null,
        ResponseStatus status = ResponseStatus.Open, DateTime? resolvedUtc = null, int? routedUnitId = null) =>
        app.WithDb(async db =>
        {
            var r = new PublicResponse
            {
                ReportId = s.ReportId, MessageId = s.MessageId, AgentId = s.Agent.AgentId, Text = text, Kind = kind, Sentiment = Sentiment.Neutral,
                ConcernedUnitId = unitId, RoutedUnitId = routedUnitId, Status = status, RecordedUtc = recordedUtc, ResolvedUtc = resolvedUtc,
            };
            db.PublicResponses.Add(r);
            await db.SaveChangesAsync();
            return r;
        });

    private Task<PublicResponse> ReloadAsync(long id) => app.WithDb(db => db.PublicResponses.AsNoTracking().SingleAsync(r => r.Id == id));

    private static async Task<string> Html(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private static string V(int n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_agent_records_a_reaction_for_their_own_report_and_sees_it_listed()
    {
        var unit = await app.SeedUnitAsync("Dinas Kesehatan Tanggapan");
        var s = await ShareAsync("Agen Tanggapan Satu");
        var client = await app.SignInAsAsync(s.Agent.Email);
        var form = $"/laporan-saya/{s.ReportId}/tanggapan";

        var before = DateTime.UtcNow.AddSeconds(-1);
        var response = await client.PostFormAsync(form, form,
            ("Text", "  Kapan jadwal vaksinasi di puskesmas kami?  "), ("Kind", "Question"), ("Sentiment", "Neutral"), ("ConcernedUnitId", V(unit.Id)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/laporan-saya/{s.ReportId}", LocationOf(response));

        var saved = Assert.Single(await app.WithDb(db => db.PublicResponses.AsNoTracking().Where(r => r.ReportId == s.ReportId).ToListAsync()));
        Assert.Equal("Kapan jadwal vaksinasi di puskesmas kami?", saved.Text);
        Assert.Equal(ResponseKind.Question, saved.Kind);
        Assert.Equal(Sentiment.Neutral, saved.Sentiment);
        Assert.Equal(unit.Id, saved.ConcernedUnitId);
        Assert.Equal(s.MessageId, saved.MessageId);
        Assert.Equal(s.Agent.AgentId, saved.AgentId);
        Assert.Equal(ResponseStatus.Open, saved.Status);
        Assert.InRange(saved.RecordedUtc, before, DateTime.UtcNow.AddSeconds(1));

        // The same form sent again (double tap) is stored once.
        await client.PostFormAsync(form, form, ("Text", "Kapan jadwal vaksinasi di puskesmas kami?"), ("Kind", "Question"), ("Sentiment", "Neutral"));
        Assert.Equal(1, await app.WithDb(db => db.PublicResponses.CountAsync(r => r.ReportId == s.ReportId)));

        var page = await Html(await client.GetAsync(form));
        Assert.Equal(1, Count(page, "recorded-response"));
        Assert.Contains("Kapan jadwal vaksinasi di puskesmas kami?", page);
        Assert.Equal(["Menunggu"], TextsOf(page, "recorded-status"));
        Assert.Contains("Dinas Kesehatan Tanggapan", page);
    }

    [Fact]
    public async Task Another_agents_report_is_not_found_and_nothing_is_stored()
    {
        var owner = await ShareAsync("Agen Pemilik");
        var other = await app.SeedAgentAsync("Agen Lain Tanggapan");
        var client = await app.SignInAsAsync(other.Email);
        var url = $"/laporan-saya/{owner.ReportId}/tanggapan";
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        var post = await client.PostFormAsync("/laporan-saya", url, ("Text", "Hoaks!"), ("Kind", "HoaxReport"), ("Sentiment", "Negative"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.PublicResponses.CountAsync(r => r.ReportId == owner.ReportId)));
    }

    [Fact]
    public async Task Invalid_input_is_refused_in_Indonesian_keeping_what_was_typed()
    {
        var s = await ShareAsync("Agen Salah Isi");
        var client = await app.SignInAsAsync(s.Agent.Email);
        var form = $"/laporan-saya/{s.ReportId}/tanggapan";

        var noKind = await client.PostFormAsync(form, form, ("Text", "Jalan di depan kantor rusak parah"), ("Sentiment", "Negative"));
        Assert.Equal(HttpStatusCode.OK, noKind.StatusCode);
        var h1 = await Html(noKind);
        Assert.Contains("data-testid=\"error-Kind\"", h1);
        Assert.Contains("Pilih jenis tanggapan", h1);
        Assert.Contains("Jalan di depan kantor rusak parah</textarea>", h1);
        Assert.Contains("id=\"sentiment-Negative\" value=\"Negative\" checked=\"checked\"", h1);

        var tooLong = new string('a', 1001);
        var h2 = await Html(await client.PostFormAsync(form, form, ("Text", tooLong), ("Kind", "Complaint"), ("Sentiment", "Negative")));
        Assert.Contains("data-testid=\"error-Text\"", h2);
        Assert.Contains("paling banyak 1000 karakter", h2.Replace(".", "", StringComparison.Ordinal));
        Assert.Contains(tooLong, h2);
        Assert.Contains("id=\"kind-Complaint\" value=\"Complaint\" checked=\"checked\"", h2);

        var h3 = await Html(await client.PostFormAsync(form, form, ("Text", "   "), ("Kind", "Question"), ("Sentiment", "Neutral"), ("ConcernedUnitId", "987654")));
        Assert.Contains("data-testid=\"error-Text\"", h3);
        Assert.Contains("data-testid=\"error-ConcernedUnitId\"", h3);

        Assert.Equal(0, await app.WithDb(db => db.PublicResponses.CountAsync(r => r.ReportId == s.ReportId)));
    }

    [Fact]
    public async Task Humas_routes_answers_and_refers_with_time_stamps_and_an_audit_trail()
    {
        var unit = await app.SeedUnitAsync("Bagian Hukum Tanggapan");
        var s = await ShareAsync("Agen Rute");
        var q = await SeedResponseAsync(s, ResponseKind.Question, DateTime.UtcNow.AddHours(-3), "Di mana formulir izin usaha?");
        var c = await SeedResponseAsync(s, ResponseKind.Complaint, DateTime.UtcNow.AddHours(-2), "Antrean layanan terlalu lama");
        var (humas, client) = await app.StaffAsync(Roles.Humas);
        var back = $"/tanggapan-publik?pesan={s.MessageId}";

        var route = await client.PostFormAsync(back, $"/tanggapan-publik/{q.Id}/teruskan", ("Version", V(q.Version)), ("UnitId", V(unit.Id)), ("Kembali", back));
        Assert.Equal(HttpStatusCode.Redirect, route.StatusCode);
        Assert.Equal(back, LocationOf(route));
        var routed = await ReloadAsync(q.Id);
        Assert.Equal(unit.Id, routed.RoutedUnitId);
        Assert.NotNull(routed.RoutedUtc);
        Assert.Equal(ResponseStatus.Open, routed.Status);
        Assert.Equal(q.Version + 1, routed.Version);

        var answer = await client.PostFormAsync(back, $"/tanggapan-publik/{q.Id}/dijawab", ("Version", V(routed.Version)), ("Note", "Dijawab akun resmi di komentar"), ("Kembali", back));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var answered = await ReloadAsync(q.Id);
        Assert.Equal(ResponseStatus.Answered, answered.Status);
        Assert.Equal("Dijawab akun resmi di komentar", answered.ResolutionNote);
        Assert.Equal(humas.Id, answered.ResolvedByUserId);
        Assert.NotNull(answered.ResolvedUtc);
        Assert.True(answered.ResolvedUtc >= answered.RoutedUtc);

        // Referring needs the channel.
        var noChannel = await client.PostFormAsync(back, $"/tanggapan-publik/{c.Id}/dirujuk", ("Version", V(c.Version)), ("Note", " "), ("Kembali", back));
        Assert.Equal(HttpStatusCode.OK, noChannel.StatusCode);
        Assert.Contains("Tuliskan kanal resmi", await Html(noChannel));
        Assert.Equal(ResponseStatus.Open, (await ReloadAsync(c.Id)).Status);
        var refer = await client.PostFormAsync(back, $"/tanggapan-publik/{c.Id}/dirujuk", ("Version", V(c.Version)), ("Note", "LAPOR! SP4N"), ("Kembali", back));
        Assert.Equal(HttpStatusCode.Redirect, refer.StatusCode);
        var referred = await ReloadAsync(c.Id);
        Assert.Equal(ResponseStatus.Referred, referred.Status);
        Assert.Equal("LAPOR! SP4N", referred.ResolutionNote);
        Assert.Equal(humas.Id, referred.ResolvedByUserId);
        Assert.NotNull(referred.ResolvedUtc);

        var key = q.Id.ToString(CultureInfo.InvariantCulture);
        var entries = await app.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(PublicResponse) && a.EntityKey == key && a.Action == AuditActions.Updated).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(humas.Id, e.UserId));
        Assert.Contains(entries, e => e.Changes!.Contains("\"RoutedUnitId\"", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Changes!.Contains("\"Status\"", StringComparison.Ordinal));

        // A closed response cannot be closed again.
        var again = await client.PostFormAsync(back, $"/tanggapan-publik/{q.Id}/dirujuk", ("Version", V(answered.Version)), ("Note", "LAPOR!"), ("Kembali", back));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(ResponseStatus.Answered, (await ReloadAsync(q.Id)).Status);

        // The agent sees what happened.
        var agentPage = await (await app.SignInAsAsync(s.Agent.Email)).GetHtmlAsync($"/laporan-saya/{s.ReportId}/tanggapan");
        Assert.Contains("Dirujuk ke kanal resmi", agentPage);
        Assert.Contains("LAPOR! SP4N", WebUtility.HtmlDecode(agentPage));
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_changes_nothing()
    {
        var s = await ShareAsync("Agen Versi");
        var r = await SeedResponseAsync(s, ResponseKind.Question, DateTime.UtcNow.AddHours(-1), "Apakah program ini gratis?");
        var (_, first) = await app.StaffAsync(Roles.Humas);
        var (_, second) = await app.StaffAsync(Roles.Humas);
        var seen = r.Version;

        var ok = await first.PostFormAsync("/tanggapan-publik", $"/tanggapan-publik/{r.Id}/dijawab", ("Version", V(seen)), ("Note", "Ya, gratis"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stale = await second.PostFormAsync("/tanggapan-publik", $"/tanggapan-publik/{r.Id}/dirujuk", ("Version", V(seen)), ("Note", "LAPOR! SP4N"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("baru saja diubah petugas lain", await Html(stale));
        var now = await ReloadAsync(r.Id);
        Assert.Equal(ResponseStatus.Answered, now.Status);
        Assert.Equal("Ya, gratis", now.ResolutionNote);

        // Still open, but routed by someone else since the page was loaded: refused too.
        var open = await SeedResponseAsync(s, ResponseKind.Complaint, DateTime.UtcNow.AddHours(-1), "Lampu jalan mati");
        var unit = await app.SeedUnitAsync("Dinas Versi Tanggapan");
        var routed = await first.PostFormAsync("/tanggapan-publik", $"/tanggapan-publik/{open.Id}/teruskan", ("Version", V(open.Version)), ("UnitId", V(unit.Id)));
        Assert.Equal(HttpStatusCode.Redirect, routed.StatusCode);
        var late = await second.PostFormAsync("/tanggapan-publik", $"/tanggapan-publik/{open.Id}/dijawab", ("Version", V(open.Version)), ("Note", "Sudah diperbaiki"));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("baru saja diubah petugas lain", await Html(late));
        var still = await ReloadAsync(open.Id);
        Assert.Equal(ResponseStatus.Open, still.Status);
        Assert.Null(still.ResolvedUtc);
        Assert.Equal(unit.Id, still.RoutedUnitId);
    }

    [Fact]
    public async Task The_queue_shows_open_ones_first_oldest_first_with_filters_in_the_url_and_pimpinan_reads_only()
    {
        var unit = await app.SeedUnitAsync("Dinas Perhubungan Antrean");
        var s = await ShareAsync("Agen Antrean", messageTitle: "Pesan Antrean Tanggapan");
        var now = DateTime.UtcNow;
        await SeedResponseAsync(s, ResponseKind.Question, now.AddHours(-5), "Antrean muda", unitId: unit.Id);
        await SeedResponseAsync(s, ResponseKind.Complaint, now.AddHours(-26).AddMinutes(-10), "Antrean tua", unitId: unit.Id);
        await SeedResponseAsync(s, ResponseKind.Question, now.AddHours(-50), "Antrean selesai", status: ResponseStatus.Answered, resolvedUtc: now.AddHours(-49));
        await SeedResponseAsync(s, ResponseKind.Appreciation, now.AddHours(-40), "Antrean terima kasih");
        var (_, humas) = await app.StaffAsync(Roles.Humas);

        var html = await humas.GetHtmlAsync($"/tanggapan-publik?pesan={s.MessageId}");
        var texts = TextsOf(html, "row-text");
        Assert.Equal(["Antrean terima kasih", "Antrean tua", "Antrean muda", "Antrean selesai"], texts);
        Assert.Contains("4 tanggapan", WebUtility.HtmlDecode(html));
        var waits = TextsOf(html, "row-wait");
        Assert.Equal("menunggu 26 jam", waits[1]);
        Assert.Contains("text-danger fw-semibold\" data-testid=\"row-wait\" data-overdue=\"1\">menunggu 26 jam", html);
        Assert.Contains("data-overdue=\"0\">menunggu 40 jam", html); // appreciation is never overdue
        Assert.Contains("Pesan Antrean Tanggapan", html);
        Assert.Contains("Agen Antrean", html);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(html, "/dijawab\""));

        var filtered = await humas.GetHtmlAsync($"/tanggapan-publik?pesan={s.MessageId}&jenis=Complaint&status=Open&unit={unit.Id}");
        Assert.Equal(["Antrean tua"], TextsOf(filtered, "row-text"));
        Assert.Contains("1 tanggapan", WebUtility.HtmlDecode(filtered));
        var none = await humas.GetHtmlAsync($"/tanggapan-publik?pesan={s.MessageId}&jenis=HoaxReport");
        Assert.Contains("Tidak ada tanggapan yang cocok dengan filter ini", none);

        var (_, pimpinan) = await app.StaffAsync(Roles.Pimpinan);
        var read = await pimpinan.GetHtmlAsync($"/tanggapan-publik?pesan={s.MessageId}");
        Assert.Equal(4, Count(read, "response-row"));
        Assert.DoesNotContain("/dijawab\"", read);
        Assert.DoesNotContain("/teruskan\"", read);
    }

    [Fact]
    public async Task The_summary_page_shows_the_dialogic_loop_per_message_and_per_unit()
    {
        var unitA = await app.SeedUnitAsync("Unit Ringkasan Alfa");
        var unitB = await app.SeedUnitAsync("Unit Ringkasan Beta");
        var s1 = await ShareAsync("Agen Ringkas Satu", messageTitle: "Pesan Ringkasan Satu");
        var s2 = await ShareAsync("Agen Ringkas Dua", messageTitle: "Pesan Ringkasan Dua");
        var t = DateTime.UtcNow.AddDays(-400); // a day of its own, so the range filter isolates this test's data
        // Message 1: two questions (one in time, one late) and an appreciation: 1 of 2 = 50%.
        await SeedResponseAsync(s1, ResponseKind.Question, t, "r1", unitId: unitA.Id, status: ResponseStatus.Answered, resolvedUtc: t.AddHours(5));
        await SeedResponseAsync(s1, ResponseKind.Question, t, "r2", unitId: unitA.Id, status: ResponseStatus.Answered, resolvedUtc: t.AddHours(30));
        await SeedResponseAsync(s1, ResponseKind.Appreciation, t, "r3", unitId: unitA.Id);
        // Message 2: a complaint concerning unit A but routed to unit B, referred in time; a hoax report: 1 of 1 = 100%.
        await SeedResponseAsync(s2, ResponseKind.Complaint, t, "r4", unitId: unitA.Id, routedUnitId: unitB.Id, status: ResponseStatus.Referred, resolvedUtc: t.AddHours(2));
        await SeedResponseAsync(s2, ResponseKind.HoaxReport, t, "r5");
        // Outside the range: must not count.
        await SeedResponseAsync(s1, ResponseKind.Question, t.AddDays(-3), "r6", unitId: unitA.Id);

        var (_, pimpinan) = await app.StaffAsync(Roles.Pimpinan);
        var day = t.AddHours(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); // WIB date of t
        var html = WebUtility.HtmlDecode(await pimpinan.GetHtmlAsync($"/tanggapan-publik/ringkasan?dari={day}&sampai={day}"));

        Assert.Equal("66,7%", TextsOf(html, "overall-rate").Single());
        Assert.Contains("2 dari 3 pertanyaan dan keluhan ditutup dalam 24 jam; 0 masih menunggu. Semua tanggapan: 5.", html);
        var byMessage = Section(html, "by-message");
        Assert.Equal(["50%", "100%"], TextsOf(byMessage, "rate"));
        Assert.Contains("Pesan Ringkasan Satu", byMessage);
        var byUnit = Section(html, "by-unit");
        Assert.Contains("Unit Ringkasan Alfa", byUnit);
        Assert.Contains("Unit Ringkasan Beta", byUnit);
        Assert.Contains("Tanpa unit kerja", byUnit);
        Assert.Equal(["50%", "100%", "–"], TextsOf(byUnit, "rate"));

        var invalid = await pimpinan.GetHtmlAsync($"/tanggapan-publik/ringkasan?dari={day}&sampai=2000-01-01");
        Assert.Contains("data-testid=\"range-invalid\"", invalid);
    }

    /// <summary>The table with the test id, up to its end.</summary>
    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No {testId} table.");
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
