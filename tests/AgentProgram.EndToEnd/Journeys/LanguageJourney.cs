namespace AgentProgram.EndToEnd.Journeys;

[Collection(BrowserTests.Name)]
public sealed class LanguageJourney(BrowserApp app)
{
    [ChromiumFact]
    public async Task The_footer_switches_the_sign_in_page_to_English_and_back()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/akun/masuk");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(page.Heading1()).ToHaveTextAsync("Masuk ke AgentProgram");
        await BrowserApp.ScreenshotAsync(page, "language", "1-indonesian");

        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/akun/masuk$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Heading1()).ToHaveTextAsync("Sign in to AgentProgram");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await BrowserApp.ScreenshotAsync(page, "language", "2-english");

        // The choice sticks (a cookie) and can be undone the same way.
        await page.ReloadAsync();
        await Expect(page.Heading1()).ToHaveTextAsync("Sign in to AgentProgram");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bahasa Indonesia", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(page.Heading1()).ToHaveTextAsync("Masuk ke AgentProgram");
        await page.Context.CloseAsync();
    }
}
