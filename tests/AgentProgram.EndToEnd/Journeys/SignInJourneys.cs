using System.Text.RegularExpressions;

namespace AgentProgram.EndToEnd.Journeys;

[Collection(BrowserTests.Name)]
public sealed class SignInJourneys(BrowserApp app)
{
    [ChromiumTheory]
    [InlineData("admin@demo.test", "Beranda", "Administrator", true)]
    [InlineData("kepegawaian@demo.test", "Beranda", "Kepegawaian", false)]
    [InlineData("humas@demo.test", "Beranda", "Humas", false)]
    [InlineData("pimpinan@demo.test", "Beranda", "Pimpinan", false)]
    [InlineData("agen1@demo.test", "Tugas Saya", "Agen Komunikasi", false)]
    public async Task Each_role_signs_in_through_the_form_sees_its_home_and_menu_and_signs_out(string email, string heading, string roleLabel, bool isAdministrator)
    {
        var test = "signin-" + email.Split('@')[0];
        var page = await app.NewPageAsync();

        // A protected page sends the visitor to the sign-in form.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/akun/masuk\\?kembali=%2F$"));
        await Expect(page.Heading1()).ToHaveTextAsync("Masuk ke AgentProgram");
        await BrowserApp.ScreenshotAsync(page, test, "1-form");

        await page.SubmitSignInAsync(email, BrowserApp.DemoPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.Heading1()).ToHaveTextAsync(heading);
        var welcome = page.Locator("main p.text-muted").First;
        await Expect(welcome).ToContainTextAsync(app.DisplayNameOf(email));
        await Expect(welcome).ToContainTextAsync("Peran Anda: " + roleLabel);

        var nav = page.MainNavigation();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        foreach (var adminLink in new[] { "Pengguna", "Jejak Audit" })
        {
            var link = nav.GetByRole(AriaRole.Link, new() { Name = adminLink, Exact = true });
            if (isAdministrator) await Expect(link).ToBeVisibleAsync();
            else await Expect(link).ToHaveCountAsync(0);
        }
        await BrowserApp.ScreenshotAsync(page, test, "2-home");

        // Sign out through the user menu.
        await nav.GetByRole(AriaRole.Button, new() { Name = app.DisplayNameOf(email), Exact = true }).ClickAsync();
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Keluar", Exact = true });
        await Expect(signOut).ToBeVisibleAsync();
        await signOut.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/akun/masuk$"));
        await Expect(page.Heading1()).ToHaveTextAsync("Masuk ke AgentProgram");
        await BrowserApp.ScreenshotAsync(page, test, "3-signed-out");

        // The session is really gone: home asks for sign-in again.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/akun/masuk\\?kembali=%2F$"));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task A_wrong_password_is_refused_with_a_message_and_the_email_is_kept()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/akun/masuk");
        await page.SubmitSignInAsync("agen2@demo.test", "bukan-kata-sandi-yang-benar");

        await Expect(page.GetByText("Email atau kata sandi salah.")).ToBeVisibleAsync();
        await Expect(page.Heading1()).ToHaveTextAsync("Masuk ke AgentProgram");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync("agen2@demo.test");
        await Expect(page.GetByLabel("Kata sandi")).ToHaveValueAsync("");
        await BrowserApp.ScreenshotAsync(page, "wrong-password", "1-refused");

        // Still signed out.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/akun/masuk\\?kembali=%2F$"));
        await page.Context.CloseAsync();
    }
}
