using System.Net;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Tests.Features.Messages;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Messages.MessageTestKit;

namespace AgentProgram.Tests.Features.ElectionGuard;

public sealed class ElectionSettingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Periods_are_typed_as_whole_days_in_WIB_and_stored_as_UTC_instants_then_edited_and_deleted()
    {
        var (_, client) = await app.UserAsync(false, Roles.Humas);
        var bad = await client.PostFormAsync("/admin/pemilu", "/admin/pemilu/periode",
            ("Period.Name", "Masa Tenang Uji"), ("Period.Kind", "QuietPeriod"), ("Period.Start", "2026-12-05"), ("Period.End", "2026-12-03"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Tanggal selesai tidak boleh sebelum tanggal mulai.", await HtmlOf(bad));
        Assert.Contains("value=\"Masa Tenang Uji\"", await HtmlOf(bad));

        var ok = await client.PostFormAsync("/admin/pemilu", "/admin/pemilu/periode",
            ("Period.Name", "Masa Tenang Uji"), ("Period.Kind", "QuietPeriod"), ("Period.Start", "2026-12-03"), ("Period.End", "2026-12-05"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var p = await app.WithDb(db => db.ElectionPeriods.AsNoTracking().SingleAsync(x => x.Name == "Masa Tenang Uji"));
        Assert.Equal(ElectionPeriodKind.QuietPeriod, p.Kind);
        Assert.Equal(new DateTime(2026, 12, 2, 17, 0, 0), p.StartUtc);   // 3 Dec 00.00 WIB
        Assert.Equal(new DateTime(2026, 12, 5, 17, 0, 0), p.EndUtc);     // 6 Dec 00.00 WIB: the 5th is included
        var html = WebUtility.HtmlDecode(await client.GetHtmlAsync("/admin/pemilu"));
        Assert.Contains("3 Desember 2026 – 5 Desember 2026", html);

        var edited = await client.PostFormAsync($"/admin/pemilu/periode/{p.Id}", $"/admin/pemilu/periode/{p.Id}",
            ("Period.Name", "Masa Tenang Uji 2"), ("Period.Kind", "QuietPeriod"), ("Period.Start", "2026-12-03"), ("Period.End", "2026-12-06"),
            ("Period.Version", p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var changed = await app.WithDb(db => db.ElectionPeriods.AsNoTracking().SingleAsync(x => x.Id == p.Id));
        Assert.Equal("Masa Tenang Uji 2", changed.Name);
        Assert.Equal(new DateTime(2026, 12, 6, 17, 0, 0), changed.EndUtc);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/admin/pemilu", $"/admin/pemilu/periode/{p.Id}/hapus")).StatusCode);
        Assert.False(await app.WithDb(db => db.ElectionPeriods.AnyAsync(x => x.Id == p.Id)));
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(e => e.EntityType == "ElectionPeriodSetting" && e.Action == "Deleted")));
    }

    [Fact]
    public async Task Two_edits_of_one_period_from_the_same_version_the_second_is_told_what_is_stored_and_keeps_its_entries()
    {
        var (_, first) = await app.UserAsync(false, Roles.Administrator);
        var (_, second) = await app.UserAsync(false, Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync("/admin/pemilu", "/admin/pemilu/periode",
            ("Period.Name", "Kampanye Bersamaan"), ("Period.Kind", "Campaign"), ("Period.Start", "2027-01-10"), ("Period.End", "2027-01-20"))).StatusCode);
        var p = await app.WithDb(db => db.ElectionPeriods.AsNoTracking().SingleAsync(x => x.Name == "Kampanye Bersamaan"));
        var loaded = p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"name=\"Period.Version\" value=\"{loaded}\"", await second.GetHtmlAsync($"/admin/pemilu/periode/{p.Id}"));
        var url = $"/admin/pemilu/periode/{p.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, url,
            ("Period.Name", "Kampanye Diperpanjang"), ("Period.Kind", "Campaign"), ("Period.Start", "2027-01-10"), ("Period.End", "2027-01-25"), ("Period.Version", loaded))).StatusCode);
        var stale = await second.PostFormAsync(url, url,
            ("Period.Name", "Kampanye Dipersingkat"), ("Period.Kind", "Campaign"), ("Period.Start", "2027-01-10"), ("Period.End", "2027-01-15"), ("Period.Version", loaded));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await HtmlOf(stale));
        Assert.Contains("Masa pemilu ini baru saja diubah orang lain. Sekarang tersimpan: Kampanye Diperpanjang, Masa kampanye, 10 Januari 2027 s.d. 25 Januari 2027.", html);
        Assert.Contains("value=\"Kampanye Dipersingkat\"", html);
        Assert.Equal("Kampanye Diperpanjang", (await app.WithDb(db => db.ElectionPeriods.AsNoTracking().SingleAsync(x => x.Id == p.Id))).Name);

        // The returned form carries the stored version: saving it again applies the second officer's entries knowingly.
        var now = System.Text.RegularExpressions.Regex.Match(html, "name=\"Period.Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEqual(loaded, now);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(url, url,
            ("Period.Name", "Kampanye Dipersingkat"), ("Period.Kind", "Campaign"), ("Period.Start", "2027-01-10"), ("Period.End", "2027-01-15"), ("Period.Version", now))).StatusCode);
        Assert.Equal("Kampanye Dipersingkat", (await app.WithDb(db => db.ElectionPeriods.AsNoTracking().SingleAsync(x => x.Id == p.Id))).Name);
    }

    [Fact]
    public async Task Candidate_names_are_added_once_shown_as_matched_and_deleted()
    {
        var (_, client) = await app.UserAsync(false, Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/admin/pemilu", "/admin/pemilu/calon", ("Candidate.Name", "Dr. Ir. Siti  Rahma"))).StatusCode);
        var html = WebUtility.HtmlDecode(await client.GetHtmlAsync("/admin/pemilu"));
        Assert.Contains("dicocokkan sebagai siti rahma", html);

        var twice = await client.PostFormAsync("/admin/pemilu", "/admin/pemilu/calon", ("Candidate.Name", "Dr. Ir. Siti Rahma"));
        Assert.Contains("Nama calon ini sudah ada di daftar.", await HtmlOf(twice));
        var titles = await client.PostFormAsync("/admin/pemilu", "/admin/pemilu/calon", ("Candidate.Name", "Dr. H."));
        Assert.Contains("Nama calon harus memuat nama, bukan hanya gelar.", await HtmlOf(titles));

        var c = await app.WithDb(db => db.ElectionCandidates.AsNoTracking().SingleAsync());
        Assert.Equal("Dr. Ir. Siti Rahma", c.Name);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/admin/pemilu", $"/admin/pemilu/calon/{c.Id}/hapus")).StatusCode);
        Assert.False(await app.WithDb(db => db.ElectionCandidates.AnyAsync()));
    }
}
