using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.EndToEnd.Journeys;

/// <summary>
/// Issue 8, done when: the Humas and Pimpinan home pages show the demo data's figures as the database holds them, at
/// phone and desktop widths, and the WhatsApp recap copies. Other journeys may change the shared demo database before
/// this one runs (a new period, decided reports), so every expected figure is read from the database when the page is
/// checked, with plain queries of its own rather than the dashboards' code.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class OfficerHomeJourney(BrowserApp app)
{
    private const string Test = "officer-home";
    private const int PhoneWidth = 360;
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static readonly (int Width, int Height, bool Mobile, string Name)[] Sizes = [(PhoneWidth, 740, true, "phone"), (1280, 800, false, "desktop")];

    [ChromiumFact]
    public async Task Humas_sees_the_queues_the_active_messages_and_participation_as_the_database_holds_them()
    {
        await app.RefreshFiguresAsync();
        foreach (var size in Sizes)
        {
            var page = await app.NewPageAsync(size.Width, size.Height, size.Mobile);
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
            await page.SignInAsync("humas@demo.test", BrowserApp.DemoPassword);
            await Expect(page.Heading1()).ToHaveTextAsync("Beranda");
            var board = page.GetByTestId("humas-dashboard");
            await Expect(board).ToBeVisibleAsync();
            await Expect(page.GetByTestId("pimpinan-dashboard")).ToHaveCountAsync(0);

            var now = DateTime.UtcNow;
            var e = Db(db =>
            {
                var pending = db.ShareReports.AsNoTracking().Where(r => r.State == ReportState.Pending).Select(r => r.Flags).ToList();
                var active = db.PolicyMessages.AsNoTracking()
                    .Where(m => m.Status == MessageStatus.Published && m.ActiveFromUtc <= now && m.ActiveUntilUtc > now).Select(m => m.Id).ToList();
                var perMessage = active.Select(id => new
                {
                    Id = id,
                    Reports = db.ShareReports.Count(r => r.MessageId == id),
                    Verified = db.ShareReports.Count(r => r.MessageId == id && r.State == ReportState.Verified),
                    Clicks = db.LinkClicks.Count(c => !c.IsBot && db.TrackedLinks.Any(t => t.Id == c.TrackedLinkId && t.Assignment.MessageId == id)),
                    Visitors = db.LinkClicks.Where(c => !c.IsBot && db.TrackedLinks.Any(t => t.Id == c.TrackedLinkId && t.Assignment.MessageId == id))
                        .Select(c => c.VisitorHash).Distinct().Count(),
                }).ToList();
                return new
                {
                    Submitted = db.PolicyMessages.Count(m => m.Status == MessageStatus.Submitted),
                    Approved = db.PolicyMessages.Count(m => m.Status == MessageStatus.Approved),
                    Pending = pending.Count,
                    Flagged = pending.Count(f => f != ReportFlagSet.None),
                    PerFlag = Enum.GetValues<ReportFlagCode>().ToDictionary(c => c, c => pending.Count(f => f.HasFlag(Bit(c)))),
                    Messages = perMessage,
                    Participation = Participation(db),
                };
            });

            await Expect(board.GetByTestId("humas-awaiting-approval")).ToHaveTextAsync(Number(e.Submitted));
            await Expect(board.GetByTestId("humas-awaiting-publication")).ToHaveTextAsync($"{Number(e.Approved)} pesan disetujui, menunggu diterbitkan");
            await Expect(board.GetByTestId("humas-pending")).ToHaveTextAsync(Number(e.Pending));
            foreach (var (code, count) in e.PerFlag)
                await Expect(board.GetByTestId($"humas-flag-{code}")).ToHaveTextAsync(Number(count));
            Assert.True(e.Flagged > 0, "The demo data has flagged reports waiting; the flag counts above checked nothing.");

            var rows = board.GetByTestId("active-message");
            await Expect(rows).ToHaveCountAsync(e.Messages.Count);
            Assert.NotEmpty(e.Messages);
            foreach (var m in e.Messages)
            {
                var row = board.Locator($"[data-testid=active-message][data-message-id='{m.Id}']");
                await Expect(row.GetByTestId("am-reports")).ToHaveTextAsync(Number(m.Reports));
                await Expect(row.GetByTestId("am-verified")).ToHaveTextAsync(Number(m.Verified));
                await Expect(row.GetByTestId("am-clicks")).ToHaveTextAsync(Number(m.Clicks));
                await Expect(row.GetByTestId("am-visitors")).ToHaveTextAsync(Number(m.Visitors));
            }

            var (periodName, active, enrolled) = e.Participation;
            await Expect(board.GetByTestId("humas-participation-counts")).ToHaveTextAsync($"{Number(active)} dari {Number(enrolled)} agen terdaftar aktif");
            if (periodName is not null) await Expect(board.GetByTestId("humas-window")).ToContainTextAsync(periodName);

            // Two charts drawn as SVG, with their numbers under "Lihat data".
            await Expect(board.GetByTestId("chart")).ToHaveCountAsync(2);
            await Expect(board.GetByRole(AriaRole.Img, new() { Name = "Laporan sebaran per hari menurut platform" })).ToBeVisibleAsync();
            await board.GetByText("Lihat data").First.ClickAsync();
            await Expect(board.GetByTestId("chart-table").First).ToBeVisibleAsync();

            await CopyRecapAsync(page, board);
            await AssertFitsAsync(page, size.Width, "The Humas home page");
            await BrowserApp.ScreenshotAsync(page, Test, $"humas-{size.Width}x{size.Height}");
            await page.Context.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task Pimpinan_sees_the_periods_figures_units_trend_and_documents_as_the_database_holds_them()
    {
        await app.RefreshFiguresAsync();
        foreach (var size in Sizes)
        {
            var page = await app.NewPageAsync(size.Width, size.Height, size.Mobile);
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
            await page.SignInAsync("pimpinan@demo.test", BrowserApp.DemoPassword);
            await Expect(page.Heading1()).ToHaveTextAsync("Beranda");
            var board = page.GetByTestId("pimpinan-dashboard");
            await Expect(board).ToBeVisibleAsync();
            await Expect(page.GetByTestId("humas-dashboard")).ToHaveCountAsync(0);

            var e = Db(db =>
            {
                var p = CurrentPeriod(db) ?? throw new InvalidOperationException("The demo data has reward periods; none was found.");
                var window = new PeriodWindow(p.StartDate, p.EndDate, Zone);
                var verified = db.ShareReports.AsNoTracking()
                    .Where(r => r.State == ReportState.Verified && r.PostedUtc >= window.StartUtc && r.PostedUtc < window.EndUtc)
                    .Select(r => r.AgentId).ToList();
                var trend = db.RewardPeriods.Count(x => x.SchemeId == p.SchemeId && x.EndDate <= p.EndDate);
                return new { p.Id, p.Name, Verified = verified.Count, Active = verified.Distinct().Count(), Trend = Math.Min(12, trend) };
            });

            await Expect(board.GetByTestId("pimpinan-period-name")).ToHaveTextAsync(e.Name);
            var tiles = board.GetByTestId("tile-value");
            await Expect(tiles).ToHaveCountAsync(6);
            await Expect(tiles.Nth(0)).ToHaveTextAsync(Number(e.Active));   // Agen aktif
            await Expect(tiles.Nth(2)).ToHaveTextAsync(Number(e.Verified)); // Sebaran terverifikasi
            await Expect(board.GetByTestId("key-figure")).ToHaveCountAsync(14);
            await Expect(board.GetByTestId("mission-row")).ToHaveCountAsync(3);
            await Expect(board.GetByTestId("trend-row")).ToHaveCountAsync(e.Trend);
            Assert.True(await board.GetByTestId("unit-row").CountAsync() > 0, "No unit is ranked.");
            await Expect(board.GetByRole(AriaRole.Link, new() { Name = "Ringkasan Pimpinan (PDF)" })).ToHaveAttributeAsync("href", $"/dokumen/periode/{e.Id}/ringkasan");
            await Expect(board.GetByTestId("chart")).ToHaveCountAsync(4);

            await CopyRecapAsync(page, board);
            await AssertFitsAsync(page, size.Width, "The Pimpinan home page");
            await BrowserApp.ScreenshotAsync(page, Test, $"pimpinan-{size.Width}x{size.Height}");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>"Salin rekap" puts the box's text on the clipboard and says "Tersalin"; the text carries no NIP.</summary>
    private async Task CopyRecapAsync(IPage page, ILocator board)
    {
        var recap = board.GetByTestId("recap");
        var text = await recap.GetByTestId("recap-text").InputValueAsync();
        Assert.StartsWith("*Rekap Agen Komunikasi*", text, StringComparison.Ordinal);
        var nips = Db(db => db.Employees.Select(x => x.Nip).ToList());
        Assert.DoesNotContain(nips, nip => text.Contains(nip, StringComparison.Ordinal));
        await recap.GetByRole(AriaRole.Button, new() { Name = "Salin rekap" }).ClickAsync();
        await Expect(recap.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersalin");
        Assert.Equal(text, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    /// <summary>The period the dashboards report on, found the plain way: the latest starting one containing today, else the latest calculated, approved or closed.</summary>
    private RewardPeriod? CurrentPeriod(AppDbContext db)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Zone));
        var periods = db.RewardPeriods.AsNoTracking().ToList();
        return periods.Where(p => p.StartDate <= today && p.EndDate >= today).OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).FirstOrDefault()
            ?? periods.Where(p => p.State != PeriodState.Open).OrderByDescending(p => p.EndDate).ThenByDescending(p => p.Id).FirstOrDefault();
    }

    /// <summary>Agents enrolled during the window and those with a verified share posted in it (the period's, else the last 30 days).</summary>
    private (string? Period, int Active, int Enrolled) Participation(AppDbContext db)
    {
        var p = CurrentPeriod(db);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Zone));
        var window = p is null ? new PeriodWindow(today.AddDays(-29), today, Zone) : new PeriodWindow(p.StartDate, p.EndDate, Zone);
        var enrolled = db.Agents.AsNoTracking().ToList()
            .Count(a => a.EnrolledUtc < window.EndUtc && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= window.StartUtc));
        var active = db.ShareReports.AsNoTracking()
            .Where(r => r.State == ReportState.Verified && r.PostedUtc >= window.StartUtc && r.PostedUtc < window.EndUtc)
            .Select(r => r.AgentId).Distinct().Count();
        return (p?.Name, active, enrolled);
    }

    private TimeZoneInfo Zone => app.Services.GetRequiredService<Display>().Zone;

    private static ReportFlagSet Bit(ReportFlagCode code) => (ReportFlagSet)(1 << ((int)code - 1));

    private T Db<T>(Func<AppDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static string Number(long value) => value.ToString("#,0", Indonesian);

    private static async Task AssertFitsAsync(IPage page, int viewport, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= viewport, $"{what} is {width} px wide at a {viewport} px viewport (it scrolls sideways).");
    }
}
