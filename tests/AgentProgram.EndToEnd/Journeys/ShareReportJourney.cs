using System.Text.RegularExpressions;

namespace AgentProgram.EndToEnd.Journeys;

/// <summary>
/// Issue "Share reports, evidence, verification and public responses", done when: an agent logs a share with a screenshot on a
/// phone-sized screen, a second agent tries to claim the same link and is refused, Humas sees a flag,
/// rejects with a reason, the agent corrects it, Humas verifies it.
/// The demo message "Pemutihan denda PBB sampai akhir tahun" is published, active now and assigned to
/// every consenting agent. An Instagram /p/ link carries no handle, so any agent with an Instagram
/// account may claim it: only the one-claim-per-post rule stops the second agent.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ShareReportJourney(BrowserApp app)
{
    private const string Test = "share-report";
    private const int PhoneWidth = 360;
    private const string MessageTitle = "Pemutihan denda PBB sampai akhir tahun";

    /// <summary>Instagram verified with 1,840 followers (and a pending X account) in the demo data.</summary>
    private const string FirstAgent = "agen1@demo.test";

    /// <summary>Given a verified Instagram account by the demo campaigns.</summary>
    private const string SecondAgent = "agen2@demo.test";

    /// <summary>A 1×1 transparent PNG: a real image by its magic bytes.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [ChromiumFact]
    public async Task An_agent_reports_a_share_from_a_phone_a_second_claim_is_refused_Humas_rejects_the_agent_corrects_and_Humas_verifies()
    {
        var run = Guid.NewGuid().ToString("N");
        var postUrl = $"https://www.instagram.com/p/E2E{run[..10]}/";
        var correctedUrl = $"https://www.instagram.com/p/E2F{run[10..20]}/";
        const string reason = "Tautan tidak membuka kiriman tentang pemutihan PBB; kirim tautan unggahan yang benar.";
        // Unique bytes after IEND: still a valid PNG, but no other report in this app shares its hash (no duplicate-screenshot flag).
        byte[] screenshot = [.. TinyPng, .. Guid.NewGuid().ToByteArray()];

        // 1. The first agent logs the share on a phone, from Tugas Saya, with a screenshot and numbers far above their followers.
        var agent = await NewPhonePageAsync();
        await agent.SignInAsync(FirstAgent, BrowserApp.DemoPassword);
        await OpenReportFormAsync(agent, FirstAgent);
        await Expect(agent.Heading1()).ToHaveTextAsync("Laporkan sebaran");
        await Expect(agent.Locator("#Platform")).ToHaveValueAsync("Instagram");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$", await agent.Locator("#PostedAt").InputValueAsync()); // pre-filled with now
        await agent.GetByLabel("Tautan kiriman").FillAsync(postUrl);
        await agent.GetByLabel("Tayangan").FillAsync("90000");
        await agent.GetByLabel("Suka").FillAsync("1200");
        await agent.Locator("#screenshot").SetInputFilesAsync(new FilePayload { Name = "statistik-instagram.png", MimeType = "image/png", Buffer = screenshot });
        await AssertFitsPhoneAsync(agent, "The share-report form");
        await BrowserApp.ScreenshotAsync(agent, Test, "01-log-form-phone");
        await agent.GetByTestId("submit-report").ClickAsync();

        await Expect(agent).ToHaveURLAsync(new Regex(@"/laporan-saya/\d+$"));
        var reportPath = new Uri(agent.Url).AbsolutePath;
        var reportId = reportPath[(reportPath.LastIndexOf('/') + 1)..];
        await ExpectFlashAsync(agent, "Laporan sebaran terkirim dan menunggu verifikasi Humas.");
        await Expect(agent.Heading1()).ToHaveTextAsync(MessageTitle);
        await Expect(agent.GetByTestId("report-state")).ToHaveTextAsync("Menunggu");
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = postUrl })).ToBeVisibleAsync();
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = "Lihat tangkapan layar" })).ToBeVisibleAsync();
        await Expect(agent.GetByTestId("snapshots")).ToContainTextAsync("90.000");
        await Expect(agent.GetByTestId("correction-form")).ToHaveCountAsync(0); // nothing to correct while pending
        await AssertFitsPhoneAsync(agent, "The report page");
        await BrowserApp.ScreenshotAsync(agent, Test, "02-report-pending-phone");

        // 2. A second agent claims the same post (the link as Instagram's "copy link" gives it, with its share parameter) and is refused.
        var other = await NewPhonePageAsync();
        await other.SignInAsync(SecondAgent, BrowserApp.DemoPassword);
        var otherFormUrl = await OpenReportFormAsync(other, SecondAgent);
        await Expect(other.Locator("#Platform")).ToHaveValueAsync("Instagram");
        await other.GetByLabel("Tautan kiriman").FillAsync(postUrl + "?igsh=" + run[20..30]);
        await other.GetByLabel("Tayangan").FillAsync("300");
        await other.GetByTestId("submit-report").ClickAsync();
        await Expect(other.GetByTestId("error-PostUrl")).ToContainTextAsync("Kiriman ini sudah dilaporkan.");
        Assert.Equal(otherFormUrl, new Uri(other.Url).AbsolutePath); // still on the form: no report was made
        await Expect(other.GetByLabel("Tautan kiriman")).ToHaveValueAsync(postUrl + "?igsh=" + run[20..30]); // what was typed is kept
        await AssertFitsPhoneAsync(other, "The share-report form with an error");
        await BrowserApp.ScreenshotAsync(other, Test, "03-second-claim-refused-phone");
        await other.GotoAsync("/laporan-saya");
        await Expect(other.GetByRole(AriaRole.Link, new() { Name = postUrl })).ToHaveCountAsync(0);
        await other.Context.CloseAsync();

        // 3. Humas narrows the queue to this message on Instagram: the report shows the flag and why, the numbers and the screenshot.
        var humas = await app.NewPageAsync();
        var confirmations = new List<string>();
        humas.Dialog += async (_, dialog) =>
        {
            confirmations.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.AcceptAsync();
        };
        await humas.SignInAsync("humas@demo.test", BrowserApp.DemoPassword);
        await humas.GotoAsync("/verifikasi-laporan");
        await Expect(humas.Heading1()).ToContainTextAsync("Verifikasi Laporan Sebaran");
        await humas.GetByLabel("Pesan", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = MessageTitle });
        await humas.GetByLabel("Platform", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Instagram" });
        await humas.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await Expect(humas).ToHaveURLAsync(new Regex(@"/verifikasi-laporan\?.*pesan=\d+.*platform=Instagram"));
        var queueUrl = humas.Url;
        var row = humas.Locator($"tr[data-testid='report-row'][data-report='{reportId}']");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("agent-name")).ToHaveTextAsync(app.DisplayNameOf(FirstAgent));
        await Expect(row.GetByTestId("post-link")).ToHaveAttributeAsync("href", postUrl);
        await Expect(row.GetByTestId("followers")).ToHaveTextAsync("1.840");
        await Expect(row.GetByTestId("latest-numbers")).ToContainTextAsync("90.000");
        var flag = row.Locator("[data-testid='flag'][data-flag='AboveFollowers']");
        await Expect(flag).ToBeVisibleAsync();
        await Expect(flag).ToHaveTextAsync("Angka jauh di atas pengikut");
        await Expect(row.GetByTestId("flags")).ToContainTextAsync("90.000");
        await Expect(row.GetByTestId("flags")).ToContainTextAsync("48 kali jumlah pengikut akun (1.840)");
        await AssertImageLoadedAsync(row.GetByRole(AriaRole.Img, new() { Name = $"Tangkapan layar laporan nomor {reportId}" }), "the queue's screenshot thumbnail");
        await BrowserApp.ScreenshotAsync(humas, Test, "04-queue-flag");

        // Narrowed further to that flag, the report must still be listed. Checked at the end of the journey,
        // so one wrong filter does not hide whether the rest of the journey works.
        await humas.GetByLabel("Tanda", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Angka jauh di atas pengikut" });
        await humas.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await Expect(humas).ToHaveURLAsync(new Regex("bendera=AboveFollowers"));
        await Expect(humas.GetByTestId("queue-count")).ToBeVisibleAsync();
        var listedUnderItsFlag = await row.CountAsync() == 1;
        await BrowserApp.ScreenshotAsync(humas, Test, "04b-queue-filtered-by-flag");
        await humas.GotoAsync(queueUrl);

        // 4. Humas opens the report and rejects it with a reason (the browser asks for confirmation first).
        await row.GetByRole(AriaRole.Link, new() { Name = "Periksa" }).ClickAsync();
        await Expect(humas).ToHaveURLAsync(new Regex($"/verifikasi-laporan/{reportId}\\?kembali="));
        await Expect(humas.Heading1()).ToHaveTextAsync($"Laporan Sebaran nomor {reportId}");
        await Expect(humas.GetByTestId("report-state")).ToHaveTextAsync("Menunggu verifikasi");
        await Expect(humas.Locator("[data-testid='flag'][data-flag='AboveFollowers']")).ToBeVisibleAsync();
        await Expect(humas.GetByTestId("post-link")).ToHaveTextAsync(postUrl);
        await AssertImageLoadedAsync(humas.GetByRole(AriaRole.Img, new() { Name = $"Tangkapan layar laporan nomor {reportId}" }), "the detail page's screenshot");
        await humas.GetByLabel("Alasan penolakan").FillAsync(reason);
        await BrowserApp.ScreenshotAsync(humas, Test, "05-detail-reject");
        await humas.GetByRole(AriaRole.Button, new() { Name = "Tolak", Exact = true }).ClickAsync();
        // Back to the filtered queue it came from; the report left the pending list.
        await ExpectFlashAsync(humas, "Laporan ditolak.");
        await Expect(humas).ToHaveURLAsync(new Regex(@"/verifikasi-laporan\?.*pesan=\d+.*platform=Instagram")); // back to the narrowed queue
        Assert.True(confirmations is [var asked] && asked.StartsWith("confirm: Tolak laporan ini?", StringComparison.Ordinal),
            $"Rejecting asked [{string.Join(" | ", confirmations)}]; expected one confirmation.");
        await Expect(row).ToHaveCountAsync(0);
        await humas.GotoAsync($"/verifikasi-laporan/{reportId}");
        await Expect(humas.GetByTestId("report-state")).ToHaveTextAsync("Ditolak");
        await Expect(humas.GetByTestId("decision-reason")).ToContainTextAsync(reason);

        // 5. The agent sees the rejection and its reason, on the phone, and corrects the link once.
        await agent.GotoAsync("/notifikasi");
        await Expect(agent.GetByTestId("notifications").GetByRole(AriaRole.Link, new() { Name = reason })).ToHaveCountAsync(1);
        await agent.GetByTestId("notifications").GetByRole(AriaRole.Link, new() { Name = reason }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex(Regex.Escape(reportPath) + "$"));
        await Expect(agent.GetByTestId("report-state")).ToHaveTextAsync("Ditolak");
        await Expect(agent.GetByTestId("rejection-reason")).ToContainTextAsync(reason);
        var correction = agent.GetByTestId("correction-form");
        await Expect(correction).ToBeVisibleAsync();
        await Expect(agent.Locator("#fix-PostUrl")).ToHaveValueAsync(postUrl);
        await AssertFitsPhoneAsync(agent, "The rejected report with its correction form");
        await BrowserApp.ScreenshotAsync(agent, Test, "06-rejected-phone");
        await agent.Locator("#fix-PostUrl").FillAsync(correctedUrl);
        await correction.GetByRole(AriaRole.Button, new() { Name = "Kirim perbaikan" }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex(Regex.Escape(reportPath) + "$"));
        await ExpectFlashAsync(agent, "Koreksi terkirim.");
        await Expect(agent.GetByTestId("report-state")).ToHaveTextAsync("Menunggu");
        await Expect(agent.GetByTestId("rejection-reason")).ToHaveCountAsync(0);
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = correctedUrl })).ToBeVisibleAsync();
        await Expect(correction).ToHaveCountAsync(0); // one correction only
        await AssertFitsPhoneAsync(agent, "The corrected report");
        await BrowserApp.ScreenshotAsync(agent, Test, "07-corrected-phone");

        // 6. Humas finds it back in the pending queue, marked as corrected, and verifies it.
        await humas.GotoAsync(queueUrl);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Sudah diperbaiki agen");
        await Expect(row.GetByTestId("post-link")).ToHaveAttributeAsync("href", correctedUrl);
        await row.GetByRole(AriaRole.Link, new() { Name = "Periksa" }).ClickAsync();
        await Expect(humas.GetByTestId("report-state")).ToHaveTextAsync("Menunggu verifikasi");
        await Expect(humas.GetByTestId("post-link")).ToHaveTextAsync(correctedUrl);
        await Expect(humas.GetByText("1 dari 1 kali")).ToBeVisibleAsync();
        var history = humas.GetByTestId("history-row");
        await Expect(history.Filter(new() { HasTextString = reason })).ToHaveCountAsync(1);
        await humas.GetByRole(AriaRole.Button, new() { Name = "Verifikasi", Exact = true }).ClickAsync();
        await ExpectFlashAsync(humas, "Laporan diverifikasi.");
        await humas.GotoAsync($"/verifikasi-laporan/{reportId}");
        await Expect(humas.GetByTestId("report-state")).ToHaveTextAsync("Terverifikasi");
        await Expect(humas.GetByTestId("decision-reason")).ToHaveCountAsync(0);
        await Expect(humas.GetByTestId("no-actions")).ToBeVisibleAsync(); // only a reversal by someone allowed to approve may change it now
        await BrowserApp.ScreenshotAsync(humas, Test, "08-verified");
        await humas.Context.CloseAsync();

        // 7. The agent sees it verified, and the decision among the notifications.
        await agent.GotoAsync(reportPath);
        await Expect(agent.GetByTestId("report-state")).ToHaveTextAsync("Terverifikasi");
        await Expect(agent.GetByTestId("correction-form")).ToHaveCountAsync(0);
        await AssertFitsPhoneAsync(agent, "The verified report");
        await BrowserApp.ScreenshotAsync(agent, Test, "09-verified-phone");
        await agent.GotoAsync("/notifikasi");
        var notifications = agent.GetByTestId("notifications").Locator("li");
        await Expect(notifications.Nth(0)).ToContainTextAsync(MessageTitle); // the newest: the verification
        await Expect(notifications.Nth(1)).ToContainTextAsync(reason); // before it: the rejection
        await AssertFitsPhoneAsync(agent, "Pemberitahuan");
        await BrowserApp.ScreenshotAsync(agent, Test, "10-notifications-phone");
        await notifications.Nth(0).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex(Regex.Escape(reportPath) + "$"));
        await agent.Context.CloseAsync();

        Assert.True(listedUnderItsFlag,
            $"Report {reportId} showed the 'Angka jauh di atas pengikut' flag in the queue, but filtering the queue by that flag (bendera=AboveFollowers) " +
            "did not list it: the flags stored when the report was logged miss the ones raised by the numbers submitted with it.");
    }

    /// <summary>From Tugas Saya to the report form of the demo message, the way an agent gets there; returns the form's path.</summary>
    private static async Task<string> OpenReportFormAsync(IPage page, string who)
    {
        await page.GotoAsync("/");
        await Expect(page.Heading1()).ToHaveTextAsync("Tugas Saya");
        var card = page.GetByTestId("task-card").Filter(new() { HasTextString = MessageTitle });
        await Expect(card).ToHaveCountAsync(1);
        await AssertFitsPhoneAsync(page, $"Tugas Saya of {who}");
        await card.GetByRole(AriaRole.Link, new() { Name = MessageTitle }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/tugas/\d+$"));
        var report = page.GetByTestId("report-button-Instagram");
        Assert.True(await report.CountAsync() == 1, $"{who} has no 'Laporkan sebaran' button for Instagram on the assignment (no Instagram account in the demo data?).");
        await report.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/tugas/\d+/lapor\?platform=Instagram$"));
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>A phone browser of its own; any request to a host other than the app gets a stub page (there is no internet here).</summary>
    private async Task<IPage> NewPhonePageAsync()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "id-ID",
        });
        context.SetDefaultTimeout(10_000);
        await context.RouteAsync(
            url => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.Ordinal) && !u.IsLoopback,
            route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>stub</title><p>external site</p>" }));
        return await context.NewPageAsync();
    }

    /// <summary>The one-off confirmation the layout shows after a redirect.</summary>
    private static Task ExpectFlashAsync(IPage page, string text) =>
        Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = text })).ToBeVisibleAsync();

    private static async Task AssertFitsPhoneAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{what} is {width} px wide at a {PhoneWidth} px viewport (it scrolls sideways).");
    }

    private static async Task AssertImageLoadedAsync(ILocator image, string what)
    {
        await Expect(image).ToHaveCountAsync(1);
        await image.ScrollIntoViewIfNeededAsync();
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0, $"{what} did not load as an image.");
    }
}
