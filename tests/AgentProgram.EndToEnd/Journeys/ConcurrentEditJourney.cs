using System.Text.RegularExpressions;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.EndToEnd.Journeys;

/// <summary>
/// Issue 9, "no lost updates": two officers, each signed in in their own browser, edit the same employee at
/// once. The second save does not overwrite the first: it shows what changed, keeps what they typed, and
/// their second save applies it on top of the first officer's change.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ConcurrentEditJourney(BrowserApp app)
{
    private const string Test = "concurrent-edit";

    [ChromiumFact]
    public async Task Two_officers_edit_the_same_employee_and_the_second_sees_what_changed_and_redoes_the_edit()
    {
        var id = Employee();
        var hr = await app.NewPageAsync();
        await hr.SignInAsync("kepegawaian@demo.test", BrowserApp.DemoPassword);
        var admin = await app.NewPageAsync();
        await admin.SignInAsync("admin@demo.test", BrowserApp.DemoPassword);

        var edit = $"/pegawai/{id}/ubah";
        await hr.GotoAsync(edit);
        await admin.GotoAsync(edit);
        await Expect(hr.Heading1()).ToHaveTextAsync("Ubah data pegawai");
        await Expect(admin.Heading1()).ToHaveTextAsync("Ubah data pegawai");

        // The HR officer saves a new position first.
        await hr.GetByLabel("Nama jabatan").FillAsync("Analis Kebijakan Ahli Muda");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await Expect(hr).ToHaveURLAsync(new Regex($"/pegawai/{id}$"));

        // The administrator, still on the page loaded before that save, changes the phone number.
        await admin.GetByLabel("Nomor HP").FillAsync("0812-3456-7001");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        var panel = admin.Locator("[data-testid=conflict]");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Data ini baru saja diubah orang lain.");
        var positionRow = panel.Locator("[data-field=PositionName]");
        await Expect(positionRow.Locator("[data-testid=conflict-stored]")).ToHaveTextAsync("Analis Kebijakan Ahli Muda");
        await Expect(panel.Locator("[data-field=Phone] [data-testid=conflict-yours]")).ToHaveTextAsync("0812-3456-7001");
        await BrowserApp.ScreenshotAsync(admin, Test, "1-what-changed");
        Assert.Equal(("Analis Kebijakan Ahli Muda", PhoneBefore(id)), Stored(id));

        // The form kept the administrator's entry and took the HR officer's position; saving again applies both.
        await Expect(admin.GetByLabel("Nomor HP")).ToHaveValueAsync("0812-3456-7001");
        await Expect(admin.GetByLabel("Nama jabatan")).ToHaveValueAsync("Analis Kebijakan Ahli Muda");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex($"/pegawai/{id}$"));
        await Expect(admin.GetByText("Perubahan data pegawai disimpan.")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(admin, Test, "2-saved");
        Assert.Equal(("Analis Kebijakan Ahli Muda", (string?)"0812-3456-7001"), Stored(id));

        await hr.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    private string? _phoneBefore;

    /// <summary>An active PNS of the demo data, with a position and phone other than the ones the journey types.</summary>
    private int Employee()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var e = db.Employees.AsNoTracking().OrderBy(x => x.Id)
            .First(x => x.EmploymentType == EmploymentType.Pns && x.LegalStatus == LegalStatus.Aktif
                        && x.PositionName != "Analis Kebijakan Ahli Muda" && x.Phone != "0812-3456-7001");
        _phoneBefore = e.Phone;
        return e.Id;
    }

    private string? PhoneBefore(int id) => _phoneBefore ?? Stored(id).Phone;

    private (string? PositionName, string? Phone) Stored(int id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var e = db.Employees.AsNoTracking().Single(x => x.Id == id);
        return (e.PositionName, e.Phone);
    }
}
