using System.Net;
using System.Net.Http.Headers;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Messages;

public static class MessageTestKit
{
    /// <summary>The decoded location of a redirect.</summary>
    public static string LocationOf(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}.");

    public static async Task<string> HtmlOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>A signed-in client for a new user with these roles; <paramref name="canApprove"/> sets AppUser.CanApproveMessages.</summary>
    public static async Task<(AppUser User, HttpClient Client)> UserAsync(this AppFactory app, bool canApprove, params string[] roles)
    {
        var user = await app.CreateUserAsync(roles);
        if (canApprove)
        {
            await app.WithServices(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                var u = await users.FindByIdAsync(user.Id);
                u!.CanApproveMessages = true;
                await users.UpdateAsync(u);
            });
        }
        var client = app.Client();
        var signIn = await client.SignInAsync(user.Email!, AppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (user, client);
    }

    public static (string, string)[] DraftFields(string title, params (string, string)[] extra)
    {
        var fields = new Dictionary<string, string>
        {
            ["Title"] = title,
            ["PolicyReference"] = "Program Pemutihan Denda PBB 2026",
            ["Source"] = nameof(MessageSource.OwnUnit),
            ["Mission"] = nameof(MissionTag.Partisipasi),
            ["KeyMessage"] = "Denda PBB dihapus bagi warga yang melunasi pokok pajak sebelum akhir tahun.",
            ["PublicBenefit"] = "Warga hemat biaya denda.",
            ["CanonicalUrl"] = "https://www.kotauji.go.id/berita/pemutihan-pbb",
            ["Hashtags"] = "#PBBKita #KotaUji",
            ["ActiveFrom"] = "2026-12-01T08:00",
            ["ActiveUntil"] = "2026-12-20T17:00",
            ["Captions[0].Platform"] = "X",
            ["Captions[0].Text"] = "Lunasi PBB, denda dihapus! kotauji.go.id/pbb",
            ["Captions[1].Platform"] = "Instagram",
            ["Captions[1].Text"] = "Pemutihan denda PBB sampai 20 Desember.",
            ["Glossary[0].Term"] = "PBB",
            ["Glossary[0].Meaning"] = "Pajak Bumi dan Bangunan: pajak tahunan atas tanah dan rumah.",
        };
        foreach (var (k, v) in extra) fields[k] = v;
        return [.. fields.Select(kv => (kv.Key, kv.Value))];
    }

    /// <summary>Creates a draft over HTTP and returns its id.</summary>
    public static async Task<int> CreateDraftAsync(this HttpClient client, string title, params (string, string)[] extra)
    {
        var response = await client.PostFormAsync("/pesan/baru", "/pesan/baru", DraftFields(title, extra));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await HtmlOf(response));
        return int.Parse(LocationOf(response)["/pesan/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, int id, string step, params (string, string)[] fields) =>
        client.PostFormAsync($"/pesan/{id}", $"/pesan/{id}/{step}", fields);

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, int id) =>
        client.ActAsync(id, "ajukan", ("ChecklistSources", "true"), ("ChecklistNoHoax", "true"), ("ChecklistNoPartisan", "true"));

    public static Task<PolicyMessage> MessageAsync(this AppFactory app, int id) =>
        app.WithDb(db => db.PolicyMessages.AsNoTracking().Include(m => m.Revisions).SingleAsync(m => m.Id == id));

    public static Task<List<string>> AuditActionsAsync(this AppFactory app, int id) =>
        app.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(PolicyMessage) && e.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action.StartsWith("Message"))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    /// <summary>Posts a multipart upload with the antiforgery token of the message page.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, int id, byte[] content, string fileName, string claimedType)
    {
        var page = await client.GetAsync($"/pesan/{id}");
        var token = HttpClientExtensions.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__af");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "berkas", fileName);
        return await client.PostAsync($"/pesan/{id}/media", form);
    }

    /// <summary>A valid 1×1 PNG.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
