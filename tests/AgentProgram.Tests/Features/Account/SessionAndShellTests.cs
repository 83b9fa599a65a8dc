using System.Net;
using System.Security.Claims;
using AgentProgram.Web.Infrastructure.Security;

namespace AgentProgram.Tests.Features.Account;

public sealed class SessionAndShellTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static ClaimsPrincipal SignedInAt(DateTimeOffset at) =>
        new(new ClaimsIdentity([new Claim(AppClaims.AuthTime, at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));

    [Fact]
    public void Sessions_end_twelve_hours_after_sign_in_whatever_the_activity()
    {
        var start = new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
        Assert.False(IdentityServices.IsPastAbsoluteLimit(SignedInAt(start), new FixedClock(start.AddHours(11).AddMinutes(59))));
        Assert.True(IdentityServices.IsPastAbsoluteLimit(SignedInAt(start), new FixedClock(start.AddHours(12).AddMinutes(1))));
        Assert.True(IdentityServices.IsPastAbsoluteLimit(new ClaimsPrincipal(new ClaimsIdentity()), new FixedClock(start)));
    }

    [Fact]
    public async Task Idle_timeout_is_thirty_minutes_sliding()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), IdentityServices.IdleTimeout);
        var user = await app.CreateUserAsync("Agen");
        var response = await app.Client().SignInAsync(user.Email!, AppFactory.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-AgentProgram=", StringComparison.Ordinal));
        // Session cookie (no persistent expiry); the 30-minute limit lives in the encrypted ticket.
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await app.Client().GetAsync("/akun/masuk");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS outside Development");
    }

    [Fact]
    public async Task Pages_have_no_inline_script()
    {
        var client = await app.SignedInClientAsync("Administrator");
        foreach (var url in new[] { "/", "/akun/kata-sandi", "/akun/autentikator" })
        {
            var html = await client.GetHtmlAsync(url);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotContain(" style=\"", html);
            Assert.DoesNotContain("onclick=", html);
        }
    }

    [Fact]
    public async Task Health_endpoints_answer_without_sign_in()
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_pages_get_a_friendly_Indonesian_404()
    {
        var client = await app.SignedInClientAsync("Agen");
        var response = await client.GetAsync("/tidak-ada-halaman-ini");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task English_can_be_chosen_and_is_remembered()
    {
        var client = app.Client();
        var choose = await client.PostFormAsync("/akun/masuk", "/bahasa", ("budaya", "en-US"), ("kembali", "/akun/masuk"));
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        var html = await client.GetHtmlAsync("/akun/masuk");
        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("Sign in to AgentProgram", html);
        Assert.Contains("Use your official email and your password.", html);
    }

    [Fact]
    public async Task Language_switch_refuses_to_redirect_off_site()
    {
        var client = app.Client();
        var response = await client.PostFormAsync("/akun/masuk", "/bahasa", ("budaya", "en-US"), ("kembali", "https://evil.example/"));
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_in_return_url_must_be_local()
    {
        var user = await app.CreateUserAsync("Agen");
        var client = app.Client();
        var response = await client.PostFormAsync("/akun/masuk", "/akun/masuk", ("Email", user.Email!), ("Password", AppFactory.Password), ("ReturnUrl", "//evil.example/x"));
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_is_audited()
    {
        var client = await app.SignedInClientAsync("Agen");
        var token = HttpClientExtensions.AntiforgeryToken(await client.GetHtmlAsync("/"));
        var response = await client.PostAsync("/akun/keluar", new FormUrlEncodedContent([new("__af", token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
