using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Account;

/// <summary>Staff must enrol an authenticator (the installation default) and then sign in with it.</summary>
public sealed partial class TwoFactorTests(TwoFactorTests.RequiredFactory app) : IClassFixture<TwoFactorTests.RequiredFactory>
{
    public sealed class RequiredFactory : AppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" };
    }

    [GeneratedRegex("data-testid=\"shared-key\">([a-z0-9 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li>([a-zA-Z0-9-]{6,})</li>")]
    private static partial Regex RecoveryPattern();

    private static async Task<(string Key, string Html)> EnrolAsync(HttpClient client)
    {
        var page = await client.GetHtmlAsync("/akun/autentikator");
        var key = KeyPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Contains("data:image/png;base64,", page);
        var response = await client.PostFormAsync("/akun/autentikator", "/akun/autentikator", ("Code", Totp.Code(key)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (key, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_without_authenticator_are_sent_to_enrol_before_anything_else()
    {
        var client = await app.SignedInClientAsync("Humas");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/akun/autentikator", home.Headers.Location!.OriginalString);
        var page = await client.GetHtmlAsync("/akun/autentikator");
        Assert.Contains("Instansi mewajibkan verifikasi dua langkah", page);
    }

    [Fact]
    public async Task Agents_are_not_forced_to_enrol()
    {
        var client = await app.SignedInClientAsync("Agen");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_wrong_first_code_does_not_enable_it()
    {
        var client = await app.SignedInClientAsync("Pimpinan");
        var response = await client.PostFormAsync("/akun/autentikator", "/akun/autentikator", ("Code", "000000"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Kode salah.", html);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Enrolment_shows_ten_recovery_codes_then_sign_in_needs_a_code()
    {
        var user = await app.CreateUserAsync("Kepegawaian");
        var client = app.Client();
        await client.SignInAsync(user.Email!, AppFactory.Password);
        var (key, html) = await EnrolAsync(client);
        var recovery = RecoveryPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recovery.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TwoFactorEnabled && a.EntityKey == user.Id)));

        // A new session: the password alone is not enough.
        var second = app.Client();
        var first = await second.SignInAsync(user.Email!, AppFactory.Password);
        Assert.StartsWith("/akun/masuk-2fa", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/")).StatusCode);
        var wrong = await second.PostFormAsync("/akun/masuk-2fa", "/akun/masuk-2fa", ("Code", "123456"));
        Assert.Contains("Kode autentikator salah.", await wrong.Content.ReadAsStringAsync());
        var ok = await second.PostFormAsync("/akun/masuk-2fa", "/akun/masuk-2fa", ("Code", Totp.Code(key)));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).StatusCode);

        // A recovery code works once.
        var third = app.Client();
        await third.SignInAsync(user.Email!, AppFactory.Password);
        var viaRecovery = await third.PostFormAsync("/akun/masuk-2fa?pemulihan=true", "/akun/masuk-2fa", ("Code", recovery[0]), ("UseRecoveryCode", "true"));
        Assert.Equal(HttpStatusCode.Redirect, viaRecovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/")).StatusCode);
        var fourth = app.Client();
        await fourth.SignInAsync(user.Email!, AppFactory.Password);
        var reused = await fourth.PostFormAsync("/akun/masuk-2fa?pemulihan=true", "/akun/masuk-2fa", ("Code", recovery[0]), ("UseRecoveryCode", "true"));
        Assert.Contains("Kode pemulihan tidak valid atau sudah dipakai.", await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_cannot_switch_it_off_while_required()
    {
        var user = await app.CreateUserAsync("Humas");
        var client = app.Client();
        await client.SignInAsync(user.Email!, AppFactory.Password);
        await EnrolAsync(client);
        await client.PostFormAsync("/akun/autentikator", "/akun/autentikator/nonaktifkan");
        Assert.True(await app.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }
}
