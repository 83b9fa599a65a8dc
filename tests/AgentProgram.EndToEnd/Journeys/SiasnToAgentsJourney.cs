using System.Text.RegularExpressions;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentProgram.EndToEnd.Journeys;

/// <summary>
/// Issue "Institution, units, employees and agent enrolment": HR goes from a SIASN export to
/// enrolled agents with accounts in the browser, and a new agent signs in for the first time.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class SiasnToAgentsJourney(BrowserApp app)
{
    private const string Test = "siasn-to-agents";

    [ChromiumFact]
    public async Task HR_imports_a_SIASN_export_enrols_an_employee_and_the_agent_signs_in()
    {
        // A small export with its own unit tree (a different seed from the demo data).
        var generator = new SiasnSampleGenerator(seed: 4242, institution: "Dinas Uji Perjalanan", referenceDate: DateOnly.FromDateTime(DateTime.UtcNow));
        var units = generator.Units(6);
        var employees = generator.Employees(15, units).ToList();
        var chosen = employees.First(e => e["KEDUDUKAN HUKUM NAMA"].Equals("Aktif", StringComparison.OrdinalIgnoreCase)
                                          && e["JENIS PEGAWAI NAMA"].Contains("PNS", StringComparison.Ordinal) && !e["JENIS PEGAWAI NAMA"].StartsWith('C')
                                          && e["EMAIL GOV"].Length > 0);
        var dir = Directory.CreateTempSubdirectory("e2e-siasn").FullName;
        var unitFile = Path.Combine(dir, "unor.csv");
        var employeeFile = Path.Combine(dir, "export-data-asn.csv");
        await File.WriteAllBytesAsync(unitFile, SiasnSampleGenerator.UnitsCsv(units));
        await File.WriteAllBytesAsync(employeeFile, SiasnSampleGenerator.EmployeesCsv(employees));

        var hr = await app.NewPageAsync();
        await hr.SignInAsync("kepegawaian@demo.test", BrowserApp.DemoPassword);
        await ImportAsync(hr, "Units", unitFile, "1-units");
        await ImportAsync(hr, "Employees", employeeFile, "2-employees");

        // Enrol the chosen employee from the filtered list of employees who are not agents yet.
        var name = chosen.Name;
        await hr.GotoAsync("/agen/daftarkan?q=" + Uri.EscapeDataString(name));
        var row = hr.Locator("[data-testid=candidate-row]").Filter(new() { HasTextString = name }).First;
        await Expect(row).ToBeVisibleAsync();
        await row.Locator("input[type=checkbox]").CheckAsync();
        await BrowserApp.ScreenshotAsync(hr, Test, "3-choose");
        await hr.Locator("#enrol-selected button[type=submit]").ClickAsync();
        await Expect(hr.Heading1()).ToHaveTextAsync("Hasil pendaftaran agen");
        var enrolled = hr.Locator("[data-testid=enrolled-row]");
        await Expect(enrolled).ToHaveCountAsync(1);
        var email = (await enrolled.Locator("[data-testid=enrolled-email]").InnerTextAsync()).Trim();
        var temporary = (await enrolled.Locator("[data-testid=enrolled-password]").InnerTextAsync()).Trim();
        Assert.Equal(chosen["EMAIL GOV"], email, ignoreCase: true);
        await BrowserApp.ScreenshotAsync(hr, Test, "4-enrolled");
        await hr.Context.CloseAsync();

        // The new agent, on a phone: temporary password, new password, code of conduct and consent, then Tugas Saya.
        var agent = await app.NewPageAsync(360, 740, mobile: true);
        await agent.GotoAsync("/akun/masuk");
        await agent.SubmitSignInAsync(email, temporary);
        await Expect(agent).ToHaveURLAsync(new Regex("/akun/kata-sandi$"));
        await agent.Locator("#CurrentPassword").FillAsync(temporary);
        await agent.Locator("#NewPassword").FillAsync("teh manis di pagi hari");
        await agent.Locator("#ConfirmPassword").FillAsync("teh manis di pagi hari");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await agent.GotoAsync("/");
        await Expect(agent).ToHaveURLAsync(new Regex("/agen/persetujuan$"));
        await BrowserApp.ScreenshotAsync(agent, Test, "5-consent");
        await agent.Locator("#AcceptCodeOfConduct").CheckAsync();
        await agent.Locator("#AcceptDataProcessing").CheckAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Setuju dan lanjutkan" }).ClickAsync();
        await agent.GotoAsync("/");
        await Expect(agent.Heading1()).ToHaveTextAsync("Tugas Saya");
        await BrowserApp.ScreenshotAsync(agent, Test, "6-tugas-saya");
        await agent.Context.CloseAsync();
        Directory.Delete(dir, recursive: true);
    }

    private static async Task ImportAsync(IPage page, string kind, string file, string step)
    {
        await page.GotoAsync("/impor");
        await page.Locator($"#kind-{kind}").CheckAsync();
        await page.Locator("#File").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah dan lihat pratinjau" }).ClickAsync();
        await BrowserApp.ScreenshotAsync(page, Test, step + "-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mulai impor" }).ClickAsync();
        // The result page refreshes itself while the background worker runs.
        await Expect(page.Locator("[data-testid=import-state]")).ToHaveTextAsync("Selesai", new() { Timeout = 60_000 });
        await BrowserApp.ScreenshotAsync(page, Test, step + "-result");
    }
}
