using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentProgram.EndToEnd.Journeys;

/// <summary>
/// Issue "Policy messages, assignments and tracked sharing", done when: Humas drafts a message with
/// media and captions, a Pimpinan approves it, it is assigned to a unit, an agent opens Tugas Saya on
/// a phone-sized screen, follows a share action, and the click shows up in Humas's numbers.
/// External sites (x.com, the institution's own page) are not reachable here: every request to a
/// host other than the app is answered by a stub page, so nothing waits on the network.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class MessageToShareJourney(BrowserApp app)
{
    private const string Test = "message-to-share";
    private const int PhoneWidth = 360;
    private const string ScrollWidth = "() => document.documentElement.scrollWidth";

    /// <summary>A person's phone browser (the bot detector must see a human, not HeadlessChrome).</summary>
    private const string PhoneUserAgent =
        "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    /// <summary>X's link-preview crawler, which fetches every shared link once.</summary>
    private const string PreviewBotUserAgent = "Twitterbot/1.0";

    /// <summary>The agent with registered social accounts in the demo data (Instagram verified, X pending).</summary>
    private const string AgentEmail = "agen1@demo.test";

    /// <summary>A 1×1 transparent PNG: a real image by its magic bytes, small enough for any limit.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [ChromiumFact]
    public async Task Humas_drafts_a_message_Pimpinan_approves_it_an_agent_shares_it_from_a_phone_and_the_click_is_counted()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Lapor SPT tahunan dari rumah {suffix}";
        const string canonical = "https://contohkota.go.id/berita/lapor-spt-daring";
        const string xCaption = "Lapor SPT tahunan kini bisa dari rumah, cukup 10 menit. Cek caranya di laman resmi.";
        const string instagramCaption = "Tidak perlu antre: lapor SPT tahunan bisa dari rumah. Panduan lengkap ada di laman resmi Pemkot.";

        // The agent's phone: the unit they belong to is on their own data page.
        var agent = await NewPhonePageAsync();
        await agent.SignInAsync(AgentEmail, BrowserApp.DemoPassword);
        await agent.GotoAsync("/agen/data-saya");
        var unitName = (await agent.GetByTestId("my-employee")
            .Locator("xpath=.//dt[normalize-space()='Unit Kerja']/following-sibling::dd[1]").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(unitName) || unitName == "–", $"{AgentEmail} has no unit on their data page.");

        // 1. Humas drafts the message: active since yesterday so agents can share it today.
        var humas = await app.NewPageAsync();
        await humas.SignInAsync("humas@demo.test", BrowserApp.DemoPassword);
        await humas.GotoAsync("/pesan/baru");
        await Expect(humas.Heading1()).ToHaveTextAsync("Tulis pesan baru");
        await humas.GetByLabel("Judul").FillAsync(title);
        await humas.GetByLabel("Kebijakan atau program yang didukung").FillAsync("Program Lapor SPT Daring 2026");
        await humas.Locator("#Mission").SelectOptionAsync("Partisipasi");
        await humas.GetByLabel("Pesan utama").FillAsync("Wajib pajak kini dapat melaporkan SPT tahunan secara daring tanpa datang ke kantor.");
        await humas.GetByLabel("Manfaat bagi masyarakat").FillAsync("Hemat waktu dan biaya perjalanan.");
        await humas.GetByLabel("Tautan laman resmi").FillAsync(canonical);
        await humas.GetByLabel("Tagar").FillAsync("#LaporSPT #PajakKita");
        var from = ParseLocal(await humas.Locator("#ActiveFrom").InputValueAsync());
        await humas.Locator("#ActiveFrom").FillAsync(FormatLocal(from.AddDays(-2)));
        await humas.Locator("#caption-X").FillAsync(xCaption);
        await humas.Locator("#caption-Instagram").FillAsync(instagramCaption);
        await humas.Locator("#g-term-0").FillAsync("SPT");
        await humas.Locator("#g-meaning-0").FillAsync("Surat Pemberitahuan Tahunan: laporan pajak setahun sekali.");
        await BrowserApp.ScreenshotAsync(humas, Test, "01-draft-form");
        await humas.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Expect(humas).ToHaveURLAsync(new Regex(@"/pesan/\d+$"));
        var messageUrl = new Uri(humas.Url).AbsolutePath;
        await Expect(humas.GetByTestId("message-status")).ToHaveTextAsync("Draf");
        await Expect(humas.GetByTestId("caption-X")).ToContainTextAsync(xCaption);
        await Expect(humas.GetByTestId("caption-Instagram")).ToContainTextAsync(instagramCaption);

        // Media: an image, recognised by its content.
        await humas.Locator("#berkas").SetInputFilesAsync(new FilePayload { Name = "poster-lapor-spt.png", MimeType = "image/png", Buffer = TinyPng });
        await humas.GetByRole(AriaRole.Button, new() { Name = "Unggah", Exact = true }).ClickAsync();
        await Expect(humas.GetByTestId("media")).ToContainTextAsync("poster-lapor-spt.png");
        await BrowserApp.ScreenshotAsync(humas, Test, "02-draft-with-media");

        // Submit with the three checklist statements; the author cannot approve their own message.
        await humas.Locator("#ChecklistSources").CheckAsync();
        await humas.Locator("#ChecklistNoHoax").CheckAsync();
        await humas.Locator("#ChecklistNoPartisan").CheckAsync();
        await humas.GetByRole(AriaRole.Button, new() { Name = "Ajukan untuk persetujuan" }).ClickAsync();
        await Expect(humas.GetByTestId("message-status")).ToHaveTextAsync("Menunggu persetujuan");
        await Expect(humas.GetByRole(AriaRole.Button, new() { Name = "Setujui", Exact = true })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(humas, Test, "03-submitted");

        // 2. A Pimpinan approves it.
        var pimpinan = await app.NewPageAsync();
        await pimpinan.SignInAsync("pimpinan@demo.test", BrowserApp.DemoPassword);
        await pimpinan.GotoAsync(messageUrl);
        await Expect(pimpinan.Heading1()).ToHaveTextAsync(title);
        var electionReview = pimpinan.Locator("#ElectionReviewed");
        if (await electionReview.CountAsync() > 0) await electionReview.CheckAsync(); // an election period configured on this machine
        await pimpinan.GetByRole(AriaRole.Button, new() { Name = "Setujui", Exact = true }).ClickAsync();
        await Expect(pimpinan.GetByTestId("message-status")).ToHaveTextAsync("Disetujui");
        await Expect(pimpinan.GetByTestId("current-revision")).ToContainTextAsync("Disetujui");
        await Expect(pimpinan.GetByTestId("revision-1")).ToContainTextAsync("Disetujui oleh " + app.DisplayNameOf("pimpinan@demo.test"));
        await BrowserApp.ScreenshotAsync(pimpinan, Test, "04-approved");
        await pimpinan.Context.CloseAsync();

        // 3. Humas publishes it and assigns it to the agent's unit (that unit only, not all agents).
        await humas.GotoAsync(messageUrl);
        await humas.GetByRole(AriaRole.Button, new() { Name = "Terbitkan", Exact = true }).ClickAsync();
        await Expect(humas.GetByTestId("message-status")).ToHaveTextAsync("Terbit");
        await humas.GetByRole(AriaRole.Link, new() { Name = "Tugaskan ke agen" }).ClickAsync();
        await Expect(humas).ToHaveURLAsync(new Regex(Regex.Escape(messageUrl) + "/tugaskan$"));
        await Expect(humas.Locator("#AllAgents")).Not.ToBeCheckedAsync();
        var unitValues = await humas.Locator("#UnitIds").EvaluateAsync<string[]>(
            "(s, name) => [...s.options].filter(o => o.textContent.replace(/\\u00a0/g, ' ').trim() === name).map(o => o.value)", unitName);
        Assert.True(unitValues.Length > 0, $"The unit '{unitName}' of {AgentEmail} is not among the units on the assignment page.");
        await humas.Locator("#UnitIds").SelectOptionAsync(unitValues);
        await humas.Locator("#IncludeSubUnits").UncheckAsync();
        Assert.False(string.IsNullOrEmpty(await humas.Locator("#Due").InputValueAsync()), "The due date is not pre-filled.");
        await humas.GetByTestId("preview-assign").ClickAsync();
        var preview = humas.GetByTestId("assign-preview");
        await Expect(preview).ToContainTextAsync("Sasaran ini mencakup");
        var targeted = int.Parse(Regex.Match(await preview.InnerTextAsync(), @"mencakup ([\d.]+) agen").Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.InRange(targeted, 1, 320); // the unit's agents, not the whole institution
        await BrowserApp.ScreenshotAsync(humas, Test, "05-assign-preview");
        await humas.GetByTestId("confirm-assign").ClickAsync();
        await Expect(humas).ToHaveURLAsync(new Regex(Regex.Escape(messageUrl) + "$"));
        await Expect(humas.GetByTestId("assignments")).ToContainTextAsync($"{targeted} agen sudah ditugaskan");
        await BrowserApp.ScreenshotAsync(humas, Test, "06-assigned");

        // 4. The agent opens Tugas Saya on the phone: the new task, no sideways scrolling.
        await agent.GotoAsync("/");
        await Expect(agent.Heading1()).ToHaveTextAsync("Tugas Saya");
        var card = agent.GetByTestId("task-card").Filter(new() { HasTextString = title });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync("Belum dibagikan ke");
        await AssertFitsPhoneAsync(agent, "Tugas Saya");
        await BrowserApp.ScreenshotAsync(agent, Test, "07-tugas-saya-phone");

        await card.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex(@"/tugas/\d+$"));
        await Expect(agent.Heading1()).ToHaveTextAsync(title);
        var xShare = agent.GetByTestId("share-X");
        await Expect(xShare).ToContainTextAsync(xCaption);
        await Expect(agent.GetByTestId("share-Instagram")).ToContainTextAsync(instagramCaption);
        await Expect(agent.GetByTestId("media")).ToContainTextAsync("poster-lapor-spt.png");
        await Expect(agent.GetByTestId("glossary")).ToContainTextAsync("Surat Pemberitahuan Tahunan");
        var trackedLink = await agent.GetByTestId("tracked-link-X").InputValueAsync();
        Assert.Matches(new Regex("^" + Regex.Escape(app.BaseUrl.ToString().TrimEnd('/')) + "/s/[A-Za-z0-9_-]{22}$"), trackedLink);
        var token = trackedLink[(trackedLink.LastIndexOf('/') + 1)..];
        Assert.NotEqual(trackedLink, await agent.GetByTestId("tracked-link-Instagram").InputValueAsync());
        await AssertFitsPhoneAsync(agent, "the assignment page");
        await BrowserApp.ScreenshotAsync(agent, Test, "08-assignment-phone");

        // 5. The share action: the X intent opens in a new tab with the agent's own tracked link. The
        // browser itself follows the app's redirect (so the page's Content-Security-Policy applies to it).
        var console = new List<string>();
        agent.Console += (_, m) => console.Add(m.Text);
        var intentUrl = await FollowToExternalAsync(agent.Context, () => agent.GetByTestId("share-button-X").ClickAsync(), "x.com",
            () => $"The X share button did not lead the browser to the X intent. Browser console: [{string.Join(" | ", console)}]");
        Assert.StartsWith("https://x.com/intent/", intentUrl, StringComparison.Ordinal);
        Assert.Contains("url=" + Uri.EscapeDataString(trackedLink), intentUrl, StringComparison.Ordinal);
        Assert.Contains("text=", intentUrl, StringComparison.Ordinal);
        foreach (var tab in agent.Context.Pages.Where(p => p != agent).ToList()) await tab.CloseAsync();
        await agent.ReloadAsync();
        await Expect(xShare).ToContainTextAsync("Sudah dibagikan");

        // 6. Someone on X follows the link: the preview crawler fetches it first, then a person opens it on a phone.
        var bot = await app.Browser.NewContextAsync(new BrowserNewContextOptions { UserAgent = PreviewBotUserAgent });
        var crawl = await bot.APIRequest.GetAsync(trackedLink, new() { MaxRedirects = 0 });
        Assert.Equal(302, crawl.Status);
        await bot.CloseAsync();

        var visitor = await NewPhonePageAsync(PhoneUserAgent);
        var landedUrl = await FollowToExternalAsync(visitor.Context, async () =>
        {
            try { await visitor.GotoAsync(trackedLink); }
            catch (PlaywrightException) { } // the canonical page is unreachable here (dead proxy); only the redirect matters
        }, "contohkota.go.id", () => $"Opening {trackedLink} did not redirect to the message's canonical page; the visitor saw {visitor.Url}.");
        var landed = new Uri(landedUrl);
        Assert.Equal(canonical, landed.GetLeftPart(UriPartial.Path));
        var utm = System.Web.HttpUtility.ParseQueryString(landed.Query);
        Assert.Equal("x", utm["utm_source"]);
        Assert.Equal("asn_agent", utm["utm_medium"]);
        Assert.False(string.IsNullOrEmpty(utm["utm_campaign"]), "The redirect carries no utm_campaign.");
        Assert.Equal(token, utm["utm_content"]);
        await visitor.Context.CloseAsync();

        // 7. Humas's numbers: one click, one visitor, the crawler counted apart (the writer flushes within about a second).
        var row = humas.GetByTestId("message-stats").Locator("tbody tr").Filter(new() { HasTextString = title });
        var figures = await PollAsync(humas, "/statistik-tautan", row, cells => cells is [_, _, "1", "1", "1"]);
        Assert.True(figures is [_, "Terbit", "1", "1", "1"],
            $"Statistik Tautan shows [{string.Join(" | ", figures)}] for the message; expected status Terbit, 1 click, 1 unique visitor, 1 bot click.");
        await BrowserApp.ScreenshotAsync(humas, Test, "09-statistik");

        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(humas.GetByTestId("selected-total")).ToContainTextAsync("1 klik dari 1 pengunjung unik; 1 klik bot tidak dihitung.");
        await BrowserApp.ScreenshotAsync(humas, Test, "10-statistik-rincian");
        // Per agent: only the agent whose link was followed, in their unit (the table shows the name without academic titles).
        var agentRows = humas.GetByTestId("agent-stats").Locator("tbody tr");
        await Expect(agentRows).ToHaveCountAsync(1);
        var shownName = (await agentRows.Locator("td").Nth(0).InnerTextAsync()).Trim();
        var agentName = app.DisplayNameOf(AgentEmail);
        Assert.True(shownName.Length > 0 && agentName.Contains(shownName, StringComparison.OrdinalIgnoreCase),
            $"Statistik Tautan credits '{shownName}', not the agent {agentName}.");
        await Expect(agentRows.Locator("td").Nth(1)).ToHaveTextAsync(unitName);
        await Expect(agentRows.Locator("td").Nth(2)).ToHaveTextAsync("1");

        await humas.Context.CloseAsync();
        await agent.Context.CloseAsync();
    }

    /// <summary>
    /// A phone browser of its own. Requests to other hosts are answered by a stub page; the hop of a
    /// redirect cannot be routed by Playwright, so it goes to a dead proxy instead and fails at once
    /// (no DNS, no internet), while <see cref="FollowToExternalAsync"/> still sees where it went.
    /// </summary>
    private async Task<IPage> NewPhonePageAsync(string? userAgent = null)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "id-ID",
            UserAgent = userAgent,
            Proxy = new Proxy { Server = "http://127.0.0.1:9", Bypass = "127.0.0.1,localhost" },
        });
        context.SetDefaultTimeout(10_000);
        await StubExternalSitesAsync(context);
        return await context.NewPageAsync();
    }

    /// <summary>Runs <paramref name="action"/> and returns the URL of the first request the browser then makes to <paramref name="host"/> (any tab).</summary>
    private static async Task<string> FollowToExternalAsync(IBrowserContext context, Func<Task> action, string host, Func<string> failure)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRequest(object? sender, IRequest r)
        {
            if (Uri.TryCreate(r.Url, UriKind.Absolute, out var u) && u.Host == host) seen.TrySetResult(r.Url);
        }
        context.Request += OnRequest;
        try
        {
            await action();
            var done = await Task.WhenAny(seen.Task, Task.Delay(TimeSpan.FromSeconds(10)));
            Assert.True(done == seen.Task, failure());
            return await seen.Task;
        }
        finally
        {
            context.Request -= OnRequest;
        }
    }

    /// <summary>Answers every request to a host other than the app with a stub page (there is no internet here).</summary>
    private static Task StubExternalSitesAsync(IBrowserContext context) =>
        context.RouteAsync(
            url => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.Ordinal) && !u.IsLoopback,
            route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>stub</title><p>external site</p>" }));

    private static async Task AssertFitsPhoneAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>(ScrollWidth);
        Assert.True(width <= PhoneWidth, $"{what} is {width} px wide at a {PhoneWidth} px viewport (it scrolls sideways).");
    }

    /// <summary>Reloads <paramref name="url"/> until <paramref name="row"/>'s cells satisfy <paramref name="done"/> (at most 15 s), then returns them.</summary>
    private static async Task<string[]> PollAsync(IPage page, string url, ILocator row, Func<string[], bool> done)
    {
        string[] cells = [];
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await page.GotoAsync(url);
            if (await row.CountAsync() == 1)
                cells = [.. (await row.Locator("td").AllInnerTextsAsync()).Select(c => c.Trim())];
            if (done(cells) || DateTime.UtcNow > until) return cells;
            await Task.Delay(250);
        }
    }

    private static DateTime ParseLocal(string value) =>
        DateTime.ParseExact(value, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static string FormatLocal(DateTime value) =>
        value.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
