using System.Net;
using AgentProgram.Web.Data.Seed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentProgram.EndToEnd.Infrastructure;

/// <summary>
/// The real app on Kestrel (plain http on a free loopback port) with the Development demo data on
/// a fresh SQLite file, plus one headless Chromium. Shared by every browser test (one collection),
/// each test opening its own browser context so cookies never leak between journeys.
/// Nothing starts when Chromium is missing: the tests then report themselves skipped.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Sandi-Demo-Rahasia-2026";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentprogram-e2e", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Chromium.MissingMessage);

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dir);
        builder.UseEnvironment("Development");
        // The dashboards' figures are brought up to date on demand (RefreshFiguresAsync), never by a timer mid-journey.
        builder.UseSetting("Aggregates:RefreshSeconds", "0");
        builder.UseSetting("Storage:DataPath", _dir);
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_dir, "e2e.db")};Default Timeout=30");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Seed:DemoOnStartup", "true");
        builder.UseSetting("Seed:DemoPassword", DemoPassword);
        builder.UseSetting("Security:AllowInsecureCookies", "true");
        builder.UseSetting("Security:RequireTwoFactorForStaff", "false");
        builder.UseSetting("Security:SignInAttemptsPerMinutePerIp", "10000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled) return;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseUrl = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        await RefreshFiguresAsync();

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) whose relative URLs resolve against the app.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool mobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            Locale = "id-ID",
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string test, string step) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{test}-{step}.png"), FullPage = true });

    /// <summary>The seeded display name, read from the database (agents take theirs from the imported employee).</summary>
    public string DisplayNameOf(string email)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgentProgram.Web.Data.AppDbContext>();
        return db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).Single();
    }

    /// <summary>
    /// Brings the dashboards' stored figures up to date with the database (the first call after the demo seed builds
    /// everything; the app's own timer is off here, so the claim is always free) and forgets the pages' short cache, so
    /// a journey can compare a page with the database.
    /// </summary>
    public async Task RefreshFiguresAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgentProgram.Web.Data.AppDbContext>();
        var refresher = scope.ServiceProvider.GetRequiredService<AgentProgram.Web.Infrastructure.Aggregates.AggregateRefresher>();
        if (!(await refresher.RefreshAsync("e2e")).Claimed) throw new InvalidOperationException("The aggregate refresher's claim is held: nothing else refreshes in the browser tests.");
        AgentProgram.Web.Features.Home.HomeCache.Clear(db);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
