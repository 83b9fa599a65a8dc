using System.Net;
using AgentProgram.Web.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Account;

public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Sign_in_page_is_Indonesian_and_anonymous()
    {
        var html = await app.Client().GetHtmlAsync("/akun/masuk");
        Assert.Contains("Masuk ke AgentProgram", html);
        Assert.Contains("lang=\"id\"", html);
    }

    [Fact]
    public async Task Anonymous_home_redirects_to_sign_in()
    {
        var response = await app.Client().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/masuk", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Correct_password_signs_in_and_is_audited()
    {
        var user = await app.CreateUserAsync("Humas");
        var client = app.Client();
        var response = await client.SignInAsync(user.Email!, AppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await client.GetHtmlAsync("/");
        Assert.Contains(user.DisplayName, home);
        var audited = await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignIn && a.UserId == user.Id));
        Assert.True(audited);
    }

    [Fact]
    public async Task Wrong_password_is_refused_in_Indonesian_keeps_email_and_is_audited()
    {
        var user = await app.CreateUserAsync("Agen");
        var response = await app.Client().SignInAsync(user.Email!, "bukan-kata-sandi-yang-benar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Email atau kata sandi salah.", html);
        Assert.Contains($"value=\"{user.Email}\"", html);
        var failures = await app.WithDb(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.SignInFailed && a.UserId == user.Id));
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes()
    {
        var user = await app.CreateUserAsync("Agen");
        var client = app.Client();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++) last = await client.SignInAsync(user.Email!, "salah-salah-salah-salah");
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal("/akun/terkunci", last.Headers.Location!.OriginalString);
        // Even the right password is refused while locked.
        var again = await client.SignInAsync(user.Email!, AppFactory.Password);
        Assert.Equal("/akun/terkunci", again.Headers.Location!.OriginalString);
        var lockoutEnd = await app.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        var lockedHtml = await client.GetHtmlAsync("/akun/terkunci");
        Assert.Contains("dikunci selama 15 menit", lockedHtml);
    }

    [Fact]
    public async Task Session_cookie_is_host_prefixed_secure_httponly_lax()
    {
        var user = await app.CreateUserAsync("Agen");
        var response = await app.Client().SignInAsync(user.Email!, AppFactory.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-AgentProgram=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
