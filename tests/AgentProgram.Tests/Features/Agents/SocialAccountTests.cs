using System.Globalization;
using System.Net;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;

namespace AgentProgram.Tests.Features.Agents;

public sealed class SocialAccountTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string New = "/agen/akun-media-sosial/baru";

    private static (string, string)[] Form(string platform, string handle, string url, string followers = "1500", string asOf = "2025-06-10",
        string kind = "Personal", bool consent = true, string? version = null)
    {
        var fields = new List<(string, string)>
        {
            ("Platform", platform), ("Handle", handle), ("ProfileUrl", url), ("Kind", kind), ("Followers", followers), ("FollowersAsOf", asOf),
        };
        if (consent) fields.Add(("Consent", "true"));
        if (version is not null) fields.Add(("Version", version));
        return [.. fields];
    }

    private Task<SocialAccount?> Find(Platform platform, string handle) =>
        app.WithDb(db => db.SocialAccounts.AsNoTracking().SingleOrDefaultAsync(s => s.Platform == platform && s.Handle == handle));

    [Fact]
    public async Task An_agent_adds_an_account_whose_link_and_handle_are_normalised_and_it_waits_for_verification()
    {
        var agent = await app.SeedAgentAsync("Hana Pertiwi");
        var client = await app.SignInAsAsync(agent.Email);
        var empty = await client.GetHtmlAsync("/agen/akun-media-sosial");
        Assert.Contains("Belum ada akun", empty);

        var response = await client.PostFormAsync(New, New, Form("Instagram", "@Hana.Pertiwi", "instagram.com/Hana.Pertiwi?igsh=MWx0eXh4"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agen/akun-media-sosial", LocationOf(response));

        var saved = await Find(Platform.Instagram, "hana.pertiwi");
        Assert.NotNull(saved);
        Assert.Equal(agent.AgentId, saved.AgentId);
        Assert.Equal("https://www.instagram.com/hana.pertiwi", saved.ProfileUrl);
        Assert.Equal(VerificationState.Pending, saved.State);
        Assert.Equal(1500, saved.Followers);
        Assert.Equal(new DateOnly(2025, 6, 10), saved.FollowersAsOf);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SocialAccount) && a.Action == AuditActions.Created && a.UserId == agent.UserId)));

        var list = await client.GetHtmlAsync("/agen/akun-media-sosial");
        Assert.Contains("Akun ditambahkan dan menunggu verifikasi Humas.", list);
        Assert.Contains("@hana.pertiwi", list);
        Assert.Contains("Menunggu", list);
        Assert.Contains("rel=\"noopener noreferrer\"", list);
    }

    [Theory]
    [InlineData("Instagram", "hana_pertiwi2", "https://www.instagram.com/hana.pertiwi2", "Handle", "Periksa setiap huruf, terutama titik (.) dan garis bawah (_) yang sering tertukar.")]
    [InlineData("Instagram", "hana.pertiwi2", "https://www.tiktok.com/@hana.pertiwi2", "ProfileUrl", "Ini tautan TikTok, bukan Instagram.")]
    [InlineData("TikTok", "hana.pertiwi2", "https://www.tiktok.com/@hana.pertiwi2/video/7300000000000000000", "ProfileUrl", "Ini bukan tautan profil TikTok")]
    [InlineData("X", "hana", "hana pertiwi", "ProfileUrl", "bukan tautan yang dikenali")]
    public async Task A_link_that_does_not_match_the_platform_or_the_handle_is_refused_in_plain_words(string platform, string handle, string url, string field, string message)
    {
        var agent = await app.SeedAgentAsync("Indra Gunawan");
        var client = await app.SignInAsAsync(agent.Email);
        var response = await client.PostFormAsync(New, New, Form(platform, handle, url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Contains($"id=\"{field}\" name=\"{field}\" class=\"form-control is-invalid\"", html.Replace("type=\"url\" inputmode=\"url\" ", "", StringComparison.Ordinal));
        Assert.Contains($"value=\"{handle}\"", html); // what was typed stays
        Assert.False(await app.WithDb(db => db.SocialAccounts.AnyAsync(s => s.AgentId == agent.AgentId)));
    }

    [Fact]
    public async Task Followers_date_consent_and_required_fields_are_checked()
    {
        var agent = await app.SeedAgentAsync("Joko Susilo");
        var client = await app.SignInAsAsync(agent.Email);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var future = await client.PostFormAsync(New, New, Form("X", "joko_susilo", "https://x.com/joko_susilo", asOf: tomorrow));
        Assert.Contains("Tanggal jumlah pengikut tidak boleh setelah hari ini.", await future.Content.ReadAsStringAsync());

        var noDate = await client.PostFormAsync(New, New, Form("X", "joko_susilo", "https://x.com/joko_susilo", asOf: ""));
        Assert.Contains("Isi tanggal saat jumlah pengikut itu dilihat.", await noDate.Content.ReadAsStringAsync());

        var noConsent = await client.PostFormAsync(New, New, Form("X", "joko_susilo", "https://x.com/joko_susilo", consent: false));
        Assert.Contains("Centang persetujuan agar angka dari akun ini boleh diproses.", await noConsent.Content.ReadAsStringAsync());

        var blank = await client.PostFormAsync(New, New, ("Platform", ""), ("Handle", ""), ("ProfileUrl", ""), ("Consent", "true"));
        var blankHtml = await blank.Content.ReadAsStringAsync();
        Assert.Contains("Pilih platform.", blankHtml);
        Assert.Contains("Nama pengguna wajib diisi.", blankHtml);
        Assert.Contains("Tautan profil wajib diisi.", blankHtml);
        Assert.Contains("Pilih jenis akun.", blankHtml);

        Assert.False(await app.WithDb(db => db.SocialAccounts.AnyAsync(s => s.AgentId == agent.AgentId)));

        // No follower count at all is fine (WhatsApp has none).
        var whatsapp = await client.PostFormAsync(New, New, Form("WhatsApp", "0812 9876 5432", "https://wa.me/6281298765432", followers: "", asOf: ""));
        Assert.Equal(HttpStatusCode.Redirect, whatsapp.StatusCode);
        Assert.NotNull(await Find(Platform.WhatsApp, "6281298765432"));
    }

    [Fact]
    public async Task One_account_belongs_to_one_agent_and_the_refusal_says_so()
    {
        var owner = await app.SeedAgentAsync("Kurnia Sari");
        await app.SeedAccountAsync(owner.AgentId, Platform.TikTok, "kurnia.sari");
        var other = await app.SeedAgentAsync("Lina Marlina");
        var client = await app.SignInAsAsync(other.Email);

        var response = await client.PostFormAsync(New, New, Form("TikTok", "Kurnia.Sari", "https://www.tiktok.com/@KURNIA.SARI"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Akun TikTok @kurnia.sari sudah didaftarkan oleh agen lain. Bila ini benar akun Anda, hubungi Humas.", await response.Content.ReadAsStringAsync());
        Assert.Equal(owner.AgentId, (await Find(Platform.TikTok, "kurnia.sari"))!.AgentId);

        // The same handle on another platform is another account.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(New, New, Form("Instagram", "kurnia.sari", "https://www.instagram.com/kurnia.sari"))).StatusCode);
        var twice = await client.PostFormAsync(New, New, Form("Instagram", "kurnia.sari", "https://instagram.com/kurnia.sari/"));
        Assert.Contains("Anda sudah mendaftarkan akun Instagram @kurnia.sari.", await twice.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Changing_the_handle_of_a_verified_account_sends_it_back_to_verification_but_a_new_follower_count_does_not()
    {
        var agent = await app.SeedAgentAsync("Mega Utami");
        var account = await app.SeedAccountAsync(agent.AgentId, Platform.X, "mega_utami", VerificationState.Verified);
        await app.WithDb(async db =>
        {
            var s = await db.SocialAccounts.SingleAsync(x => x.Id == account.Id);
            s.ReviewedByUserId = "someone";
            s.ReviewedUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        var client = await app.SignInAsAsync(agent.Email);
        var url = $"/agen/akun-media-sosial/{account.Id}";
        async Task<string> Version() => (await app.WithDb(db => db.SocialAccounts.Where(s => s.Id == account.Id).Select(s => s.Version).SingleAsync())).ToString(CultureInfo.InvariantCulture);

        var form = await client.GetHtmlAsync(url);
        Assert.Contains("value=\"mega_utami\"", form);
        Assert.Contains("Akun ini sudah terverifikasi.", form);

        var followersOnly = await client.PostFormAsync(url, url, Form("X", "mega_utami", "https://x.com/mega_utami", followers: "2100", version: await Version()));
        Assert.Equal(HttpStatusCode.Redirect, followersOnly.StatusCode);
        var saved = await app.WithDb(db => db.SocialAccounts.AsNoTracking().SingleAsync(s => s.Id == account.Id));
        Assert.Equal(VerificationState.Verified, saved.State);
        Assert.Equal(2100, saved.Followers);

        var renamed = await client.PostFormAsync(url, url, Form("X", "mega_utami2", "https://twitter.com/Mega_Utami2", version: await Version()));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        saved = await app.WithDb(db => db.SocialAccounts.AsNoTracking().SingleAsync(s => s.Id == account.Id));
        Assert.Equal(VerificationState.Pending, saved.State);
        Assert.Equal("mega_utami2", saved.Handle);
        Assert.Equal("https://x.com/mega_utami2", saved.ProfileUrl);
        Assert.Null(saved.ReviewedByUserId);
        Assert.Null(saved.ReviewedUtc);

        // A stale form does not overwrite a newer change.
        var stale = await client.PostFormAsync(url, url, Form("X", "mega_utami3", "https://x.com/mega_utami3", version: "0"));
        Assert.Contains("Akun @mega_utami2 baru saja diubah di tempat lain: kini berstatus Menunggu.", System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal("mega_utami2", (await app.WithDb(db => db.SocialAccounts.AsNoTracking().SingleAsync(s => s.Id == account.Id))).Handle);
    }

    [Fact]
    public async Task An_agent_deletes_their_own_account()
    {
        var agent = await app.SeedAgentAsync("Nur Aini");
        var account = await app.SeedAccountAsync(agent.AgentId, Platform.Telegram, "nur_aini_uji");
        var client = await app.SignInAsAsync(agent.Email);
        var response = await client.PostFormAsync("/agen/akun-media-sosial", $"/agen/akun-media-sosial/{account.Id}/hapus");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await Find(Platform.Telegram, "nur_aini_uji"));
        var key = account.Id.ToString(CultureInfo.InvariantCulture);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SocialAccount) && a.EntityKey == key && a.Action == AuditActions.Deleted)));
    }

    [Fact]
    public async Task Another_agents_account_cannot_be_read_changed_or_deleted()
    {
        var owner = await app.SeedAgentAsync("Oktaviani Putri");
        var theirs = await app.SeedAccountAsync(owner.AgentId, Platform.Facebook, "oktaviani.putri");
        var intruder = await app.SeedAgentAsync("Pandu Wicaksono");
        var mine = await app.SeedAccountAsync(intruder.AgentId, Platform.Facebook, "pandu.wicaksono");
        var client = await app.SignInAsAsync(intruder.Email);

        var url = $"/agen/akun-media-sosial/{theirs.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        var edit = await client.PostFormAsync($"/agen/akun-media-sosial/{mine.Id}", url,
            Form("Facebook", "pandu.wicaksono.dua", "https://www.facebook.com/pandu.wicaksono.dua", version: theirs.Version.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var delete = await client.PostFormAsync("/agen/akun-media-sosial", url + "/hapus");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);

        var untouched = await app.WithDb(db => db.SocialAccounts.AsNoTracking().SingleAsync(s => s.Id == theirs.Id));
        Assert.Equal("oktaviani.putri", untouched.Handle);
        Assert.Equal(owner.AgentId, untouched.AgentId);
        var list = await client.GetHtmlAsync("/agen/akun-media-sosial");
        Assert.Contains("@pandu.wicaksono", list);
        Assert.DoesNotContain("oktaviani", list);
    }

    [Fact]
    public async Task An_ended_agent_may_delete_but_not_add_accounts()
    {
        var agent = await app.SeedAgentAsync("Rina Wati", agent: a => { a.Status = AgentStatus.Ended; a.StatusReason = "Pensiun"; });
        var client = await app.SignInAsAsync(agent.Email);
        var list = await client.GetHtmlAsync("/agen/akun-media-sosial");
        Assert.DoesNotContain("href=\"/agen/akun-media-sosial/baru\"", list);
        var response = await client.PostFormAsync(New, New, Form("Threads", "rina.wati", "https://www.threads.net/@rina.wati"));
        Assert.Contains("Keikutsertaan Anda sebagai agen telah berakhir, sehingga akun media sosial tidak dapat ditambah atau diubah.", await response.Content.ReadAsStringAsync());
        Assert.Null(await Find(Platform.Threads, "rina.wati"));
    }
}
