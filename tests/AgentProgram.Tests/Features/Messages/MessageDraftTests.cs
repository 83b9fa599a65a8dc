using System.Net;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Messages.MessageTestKit;

namespace AgentProgram.Tests.Features.Messages;

public sealed class MessageDraftTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Create_stores_a_draft_with_revision_1_captions_glossary_and_an_audit_entry()
    {
        var (author, client) = await app.UserAsync(false, Roles.Humas);
        var id = await client.CreateDraftAsync("Buat Pemutihan PBB");

        var m = await app.MessageAsync(id);
        Assert.Equal(MessageStatus.Draft, m.Status);
        Assert.Equal(author.Id, m.AuthorUserId);
        Assert.Equal(MissionTag.Partisipasi, m.Mission);
        Assert.Equal(new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc), m.ActiveFromUtc);   // 08.00 WIB
        var r = Assert.Single(m.Revisions);
        Assert.Equal(1, r.Number);
        Assert.Equal(r.Id, m.CurrentRevisionId);
        Assert.Null(m.ApprovedRevisionId);
        Assert.Equal("PBBKita KotaUji", r.Hashtags);
        var captions = await app.WithDb(db => db.CaptionVariants.AsNoTracking().Where(c => c.RevisionId == r.Id).OrderBy(c => c.Platform).ToListAsync());
        Assert.Equal([Platform.Instagram, Platform.X], captions.Select(c => c.Platform));
        Assert.Equal(["MessageCreated"], await app.AuditActionsAsync(id));

        var html = WebUtility.HtmlDecode(await client.GetHtmlAsync($"/pesan/{id}"));
        Assert.Contains("Draf pesan disimpan.", html);
        Assert.Contains("Pajak Bumi dan Bangunan: pajak tahunan atas tanah dan rumah.", html);
        // Counted as posted: "Lunasi PBB, denda dihapus! " (27) + the bare link as 23, then the agent's
        // tracked link the intent adds (1 + 23) and the hashtags not in the caption (" #PBBKita #KotaUji", 18).
        Assert.Contains("92 dari 280 karakter (tautan dihitung 23).", html);
        Assert.Contains("Komentar", html);   // a Partisipasi KPI

        var list = WebUtility.HtmlDecode(await client.GetHtmlAsync("/pesan?q=Pemutihan&status=Draft"));
        Assert.Contains($"href=\"/pesan/{id}\">Buat Pemutihan PBB</a>", list);
        var filtered = WebUtility.HtmlDecode(await client.GetHtmlAsync("/pesan?q=Pemutihan&status=Approved"));
        Assert.DoesNotContain("Buat Pemutihan PBB", filtered);
    }

    [Fact]
    public async Task Create_refuses_an_X_caption_over_280_counting_the_link_as_23_and_a_non_https_url_keeping_the_input()
    {
        var (_, client) = await app.UserAsync(false, Roles.Humas);
        var link = " https://www.kotauji.go.id/berita/2026/12/pemutihan-denda-pajak-bumi-dan-bangunan";
        var tooLong = new string('a', 216) + link;   // 216 + 1 + 23, + tracked link 1 + 23, + " #PBBKita #KotaUji" 18 = 282
        var response = await client.PostFormAsync("/pesan/baru", "/pesan/baru",
            DraftFields("Tolak Keterangan Panjang", ("Captions[0].Text", tooLong), ("CanonicalUrl", "http://www.kotauji.go.id/pbb")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlOf(response);
        Assert.Contains("data-testid=\"caption-error-X\">Keterangan untuk X 282 karakter (tautan dihitung 23); batasnya 280. Persingkat 2 karakter.", html);
        Assert.Contains("Tautan laman resmi harus alamat lengkap yang diawali https://, misalnya https://www.instansi.go.id/berita/program.", html);
        Assert.Contains("value=\"Tolak Keterangan Panjang\"", html);
        Assert.Contains(tooLong + "</textarea>", html);
        Assert.False(await app.WithDb(db => db.PolicyMessages.AnyAsync(m => m.Title == "Tolak Keterangan Panjang")));

        // The same long link with 214 letters is exactly 280: accepted, so the link really counts 23.
        var id = await client.CreateDraftAsync("Terima Keterangan Pas", ("Captions[0].Text", new string('a', 214) + link));
        Assert.Equal(MessageStatus.Draft, (await app.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task Edit_of_a_draft_changes_it_in_place_and_refuses_an_end_before_the_start()
    {
        var (_, client) = await app.UserAsync(false, Roles.Humas);
        var id = await client.CreateDraftAsync("Ubah Draf");

        var bad = await client.PostFormAsync($"/pesan/{id}/ubah", $"/pesan/{id}/ubah",
            DraftFields("Ubah Draf Baru", ("ActiveUntil", "2026-11-30T08:00"), ("Version", (await app.MessageAsync(id)).Version.ToString())));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("harus setelah awalnya", await HtmlOf(bad));

        var ok = await client.PostFormAsync($"/pesan/{id}/ubah", $"/pesan/{id}/ubah",
            DraftFields("Ubah Draf Baru", ("Glossary[0].Term", "NJOP"), ("Glossary[0].Meaning", "Nilai jual objek pajak."), ("Version", (await app.MessageAsync(id)).Version.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var m = await app.MessageAsync(id);
        Assert.Equal("Ubah Draf Baru", m.Title);
        Assert.Single(m.Revisions);
        var glossary = await app.WithDb(db => db.GlossaryEntries.AsNoTracking().Where(g => g.RevisionId == m.CurrentRevisionId).ToListAsync());
        Assert.Equal("NJOP", Assert.Single(glossary).Term);
        Assert.Equal(["MessageCreated", "MessageEdited"], await app.AuditActionsAsync(id));
    }

    [Fact]
    public async Task Media_accepts_a_real_png_refuses_a_disguised_or_oversized_file_and_serves_it_only_to_signed_in_users()
    {
        var (_, client) = await app.UserAsync(false, Roles.Humas);
        var id = await client.CreateDraftAsync("Media Pesan");

        var accepted = await client.UploadAsync(id, TinyPng, "poster.png", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var disguised = await client.UploadAsync(id, "<html><script>alert(1)</script></html>"u8.ToArray(), "foto.png", "image/png");
        Assert.Equal(HttpStatusCode.OK, disguised.StatusCode);
        Assert.Contains("Berkas ini bukan gambar JPEG, PNG, atau WebP, atau video MP4.", await HtmlOf(disguised));

        var big = new byte[5 * 1024 * 1024 + 1];
        TinyPng.AsSpan(0, 16).CopyTo(big);
        var oversized = await client.UploadAsync(id, big, "besar.png", "image/png");
        Assert.Contains("Gambar paling besar 5 MB.", await HtmlOf(oversized));

        var media = Assert.Single(await app.WithDb(db => db.MediaFiles.AsNoTracking().ToListAsync()));
        Assert.Equal("image/png", media.ContentType);
        Assert.Equal("poster.png", media.FileName);
        var stored = Path.Combine(app.DataPath, "media", media.StoragePath);
        Assert.True(File.Exists(stored));
        Assert.DoesNotContain("wwwroot", Path.GetFullPath(stored), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("poster", media.StoragePath, StringComparison.Ordinal);

        // An agent with no assignment of this draft may not fetch its media by guessing the id.
        var (_, agent) = await app.UserAsync(false, Roles.Agen);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/pesan/media/{media.Id}")).StatusCode);

        var served = await client.GetAsync($"/pesan/media/{media.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(served.Headers.GetValues("X-Content-Type-Options")));
        Assert.StartsWith("inline", served.Content.Headers.ContentDisposition?.ToString() ?? served.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal(TinyPng, await served.Content.ReadAsByteArrayAsync());

        var anonymous = await app.Client().GetAsync($"/pesan/media/{media.Id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/akun/masuk", LocationOf(anonymous), StringComparison.Ordinal);
        var fromWebRoot = await agent.GetAsync("/media/" + media.StoragePath);
        Assert.NotEqual(HttpStatusCode.OK, fromWebRoot.StatusCode);
        Assert.Contains("MessageMediaAdded", await app.AuditActionsAsync(id));
    }

    [Fact]
    public async Task A_video_is_served_as_an_attachment()
    {
        var (_, client) = await app.UserAsync(false, Roles.Humas);
        var id = await client.CreateDraftAsync("Video Pesan");
        byte[] mp4 = [0, 0, 0, 0x18, .. "ftypmp42"u8.ToArray(), 0, 0, 0, 0, .. "isommp42"u8.ToArray()];
        Assert.Equal(HttpStatusCode.Redirect, (await client.UploadAsync(id, mp4, "klip.mp4", "video/mp4")).StatusCode);
        var media = await app.WithDb(db => db.MediaFiles.AsNoTracking().SingleAsync(x => x.FileName == "klip.mp4"));
        var served = await client.GetAsync($"/pesan/media/{media.Id}");
        Assert.Equal("video/mp4", served.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", served.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
    }
}
