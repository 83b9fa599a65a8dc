using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh, migrated SQLite file of its own, with production cookie settings
/// (`__Host-`, Secure), so clients talk https. One factory per test class (IClassFixture).
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Kalimat-Rahasia-Uji-Coba-2026";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentprogram-tests", Guid.NewGuid().ToString("N"));
    private int _userCounter;

    /// <summary>Settings a test class can add before the host starts.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public string DataPath => _dir;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dir);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataPath", _dir);
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_dir, "test.db")};Default Timeout=30");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Security:RequireTwoFactorForStaff", "false");
        builder.UseSetting("Security:SignInAttemptsPerMinutePerIp", "100000");
        builder.UseSetting("Institution:Name", "Pemerintah Kota Uji");
        builder.UseSetting("Institution:ShortName", "Pemkot Uji");
        builder.UseSetting("Seed:DemoOnStartup", "false");
        // The aggregate refresher runs when a test asks for it (AggregateOracle), never on a timer.
        builder.UseSetting("Aggregates:RefreshSeconds", "0");
        foreach (var (k, v) in Settings) builder.UseSetting(k, v);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, over https.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    public async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithServices(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Creates an active user with the given roles and the shared test password.</summary>
    public async Task<AppUser> CreateUserAsync(params string[] roles)
    {
        var n = Interlocked.Increment(ref _userCounter);
        var email = $"{(roles.Length == 0 ? "user" : roles[0].ToLowerInvariant())}{n}@uji.test";
        AppUser? user = null;
        await WithServices(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Pengguna Uji {n}", CreatedUtc = DateTime.UtcNow };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            if (roles.Length > 0) await users.AddToRolesAsync(user, roles);
        });
        return user!;
    }

    /// <summary>A client signed in as a new user with the given roles.</summary>
    public async Task<HttpClient> SignedInClientAsync(params string[] roles)
    {
        var user = await CreateUserAsync(roles);
        var client = Client();
        var response = await client.SignInAsync(user.Email!, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {user.Email} answered {(int)response.StatusCode}.");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public static partial class HttpClientExtensions
{
    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string AntiforgeryToken(string html)
    {
        var m = TokenPattern().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");
    }

    /// <summary>GETs the page that holds the form, then posts the fields with that page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetAsync(formPage);
        var html = await page.Content.ReadAsStringAsync();
        var all = fields.Append(new KeyValuePair<string, string>("__af", AntiforgeryToken(html)));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, params (string Key, string Value)[] fields) =>
        client.PostFormAsync(formPage, action, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/akun/masuk", "/akun/masuk", ("Email", email), ("Password", password));

    public static async Task<string> GetHtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}.");
        return await response.Content.ReadAsStringAsync();
    }
}
