namespace AgentProgram.EndToEnd.Journeys;

/// <summary>Agents use the app on a mid-range phone: no page may scroll sideways at 360 px (UX.md).</summary>
[Collection(BrowserTests.Name)]
public sealed class PhoneLayoutJourney(BrowserApp app)
{
    private const int PhoneWidth = 360;
    private const string ScrollWidth = "() => document.documentElement.scrollWidth";

    [ChromiumFact]
    public async Task The_agent_pages_fit_a_360_px_phone_without_horizontal_scrolling()
    {
        var page = await app.NewPageAsync(PhoneWidth, 740, mobile: true);

        await page.GotoAsync("/akun/masuk");
        await Expect(page.Heading1()).ToHaveTextAsync("Masuk ke AgentProgram");
        Assert.True(await page.EvaluateAsync<int>(ScrollWidth) <= PhoneWidth, "The sign-in page scrolls sideways at 360 px.");
        await BrowserApp.ScreenshotAsync(page, "phone", "1-signin");

        await page.SubmitSignInAsync("agen1@demo.test", BrowserApp.DemoPassword);
        await Expect(page.Heading1()).ToHaveTextAsync("Tugas Saya");
        var width = await page.EvaluateAsync<int>(ScrollWidth);
        Assert.True(width <= PhoneWidth, $"The agent's page is {width} px wide at a {PhoneWidth} px viewport.");
        await BrowserApp.ScreenshotAsync(page, "phone", "2-agent-home");

        // The menu collapses behind the toggler and opens on tap.
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka menu" }).ClickAsync();
        await Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Tugas Saya", Exact = true })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>(ScrollWidth) <= PhoneWidth, "The opened menu scrolls sideways at 360 px.");
        await BrowserApp.ScreenshotAsync(page, "phone", "3-menu-open");

        // The measurement itself sees overflow (body has overflow-x: hidden, which must not mask it).
        await page.EvaluateAsync("() => { const d = document.createElement('div'); d.style.width = '600px'; d.style.height = '1px'; document.querySelector('main').appendChild(d); }");
        Assert.True(await page.EvaluateAsync<int>(ScrollWidth) > PhoneWidth, "scrollWidth did not notice a 600 px element; the check above proves nothing.");
        await page.Context.CloseAsync();
    }
}
