namespace AgentProgram.EndToEnd.Infrastructure;

/// <summary>Steps that several journeys take, done the way a person does them.</summary>
public static class PageExtensions
{
    public static ILocator MainNavigation(this IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Navigasi utama" });

    public static ILocator Heading1(this IPage page) =>
        page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Fills the real sign-in form and submits it; the page must already show the form.</summary>
    public static async Task SubmitSignInAsync(this IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
    }

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/akun/masuk");
        await page.SubmitSignInAsync(email, password);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
    }
}
