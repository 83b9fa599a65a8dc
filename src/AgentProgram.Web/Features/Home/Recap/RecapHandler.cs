using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Features.Units;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Web.Features.Home;

/// <summary>The recap as a page shows it: the text (in a read-only box, so it can be copied without script) and a page-unique id.</summary>
public sealed record RecapView(string Text, string DomId)
{
    public int Lines => Text.Count(c => c == '\n') + 1;
}

/// <summary>
/// Builds the WhatsApp recap for the whole institution (the Humas and Pimpinan dashboards pass the figures they
/// already have) or for one unit with its sub-units (the unit page: units, period, participation, open
/// assignments: four statements).
/// </summary>
public sealed class RecapHandler(AppDbContext db, Display display, TimeProvider clock, IConfiguration config)
{
    private static int _sequence;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(display.ToLocal(Now));

    public RecapView View(RecapData data) =>
        new(RecapText.Build(data, display.Zone, config["Institution:TimeZoneLabel"] ?? "WIB"),
            "rekap-" + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture));

    public async Task<RecapView?> ForUnitAsync(int unitId, CancellationToken ct = default)
    {
        var tree = await UnitTree.LoadAsync(db, ct);
        if (tree.Find(unitId) is not { } unit) return null;
        var units = tree.SelfAndDescendants(unitId).ToList();
        var now = Now;
        var today = Today;
        var window = HomeFigures.WindowOf(await HomeFigures.CurrentPeriodAsync(db, today, ct), today, display.Zone);
        var participation = await HomeFigures.ParticipationAsync(db, window, units, ct);
        var open = await HomeFigures.OpenAssignmentsAsync(db, now, units, ct);
        return View(new RecapData(unit.Name, window, now, participation, open));
    }
}

/// <summary>The recap on a unit's page: <c>@await Component.InvokeAsync("UnitRecap", new { unitId })</c>.</summary>
public sealed class UnitRecapViewComponent(RecapHandler handler) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int unitId) =>
        await handler.ForUnitAsync(unitId) is { } recap
            ? View("~/Features/Home/Recap/_Recap.cshtml", recap)
            : Content("");
}
