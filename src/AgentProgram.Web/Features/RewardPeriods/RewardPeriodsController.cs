using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardPeriods;

/// <summary>
/// Reward periods: Humas creates and calculates them, a Pimpinan approves (freezing results and scheme
/// version), Humas or a Pimpinan closes, an administrator reopens with a reason. All staff (Humas, HR,
/// Pimpinan, administrators) read the periods and their results; whether an action fits the period's
/// state is the workflow's decision inside the handler.
/// </summary>
[Route("periode-penghargaan")]
[Authorize(Policy = Policies.Staff)]
public sealed class RewardPeriodsController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string Managers = Roles.Humas + "," + Roles.Pimpinan;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? cari, string? status, [FromServices] ListPeriodsHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(PeriodListQuery.From(cari, status, hal)));

    /// <summary>The list as CSV or XLSX (format=xlsx), every page of it (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("ekspor")]
    public Task<IActionResult> Export(string? cari, string? status, string? format, [FromServices] ListPeriodsHandler handler)
    {
        var query = PeriodListQuery.From(cari, status, 1);
        return this.ExportAsync(format, "periode-penghargaan", query.Url(1), async limit => await handler.ExportAsync(query, limit));
    }

    [HttpGet("baru")]
    [Authorize(Roles = Managers)]
    public async Task<IActionResult> Create([FromServices] CreatePeriodHandler handler) => View(await handler.LoadAsync());

    [HttpPost("baru")]
    [Authorize(Roles = Managers)]
    public async Task<IActionResult> Create(CreatePeriodForm form, [FromServices] CreatePeriodHandler handler)
    {
        if (ModelState.IsValid)
        {
            var (id, errors) = await handler.CreateAsync(form, User);
            if (id is { } created)
            {
                TempData["Flash"] = l["Periode penghargaan dibuat. Tekan Hitung untuk menghitung hasilnya."].Value;
                return Redirect($"{PeriodLabels.BasePath}/{created}");
            }
            foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        }
        return View(await handler.LoadAsync(form));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, string? cari, int? unit, string? layak, string? hasil, string? jenis,
        [FromServices] PeriodDetailHandler handler, int hal = 1) =>
        await handler.LoadAsync(id, PeriodResultsQuery.From(cari, unit, layak, hasil, jenis, hal), User) is { } page ? View(page) : NotFound();

    /// <summary>
    /// The period's results table as CSV or XLSX (format=xlsx) with its filters, every page of it
    /// (convention: Infrastructure/Web/TableExport.cs). Names agents: written to the audit trail.
    /// </summary>
    [HttpGet("{id:int}/ekspor")]
    public Task<IActionResult> ExportResults(int id, string? cari, int? unit, string? layak, string? hasil, string? jenis, string? format,
        [FromServices] PeriodDetailHandler handler)
    {
        var query = PeriodResultsQuery.From(cari, unit, layak, hasil, jenis, 1);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return this.ExportAsync(format, "hasil-periode-" + key, query.Url(id, 1), limit => handler.ExportResultsAsync(id, query, limit, l),
            auditEntity: "RewardResult", auditKey: key);
    }

    [HttpPost("{id:int}/hitung")]
    [Authorize(Policy = Policies.PublicRelations)]
    public async Task<IActionResult> Calculate(int id, PeriodChangeForm form, [FromServices] ChangePeriodHandler handler, [FromServices] PeriodDetailHandler detail) =>
        await AfterAsync(id, await handler.CalculateAsync(id, form, User), detail);

    [HttpGet("{id:int}/setujui")]
    [Authorize(Policy = Policies.Leadership)]
    public async Task<IActionResult> Approve(int id, [FromServices] PeriodDetailHandler detail) =>
        await detail.ApprovalAsync(id, User) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/setujui")]
    [Authorize(Policy = Policies.Leadership)]
    public async Task<IActionResult> Approve(int id, PeriodChangeForm form, [FromServices] ChangePeriodHandler handler, [FromServices] PeriodDetailHandler detail) =>
        await AfterAsync(id, await handler.ApproveAsync(id, form, User), detail);

    [HttpPost("{id:int}/tutup")]
    [Authorize(Roles = Managers)]
    public async Task<IActionResult> Close(int id, PeriodChangeForm form, [FromServices] ChangePeriodHandler handler, [FromServices] PeriodDetailHandler detail) =>
        await AfterAsync(id, await handler.CloseAsync(id, form, User), detail);

    [HttpGet("{id:int}/buka-kembali")]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Reopen(int id, [FromServices] PeriodDetailHandler detail) =>
        await detail.InfoAsync(id) is { } period ? View(new ReopenPage(period, new PeriodChangeForm { Version = period.Version })) : NotFound();

    [HttpPost("{id:int}/buka-kembali")]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Reopen(int id, PeriodChangeForm form, [FromServices] ChangePeriodHandler handler, [FromServices] PeriodDetailHandler detail)
    {
        var result = await handler.ReopenAsync(id, form, User);
        if (result.Outcome == ChangeOutcome.NotFound) return NotFound();
        if (result.Outcome == ChangeOutcome.Done)
        {
            TempData["Flash"] = result.Message;
            return Redirect($"{PeriodLabels.BasePath}/{id}");
        }
        ModelState.AddModelError(result.Field, result.Message ?? "");
        return await detail.InfoAsync(id) is { } period ? View(new ReopenPage(period, form)) : NotFound();
    }

    [HttpPost("{id:int}/catatan")]
    [Authorize(Policy = Policies.PublicRelations)]
    public async Task<IActionResult> Notes(int id, PeriodChangeForm form, [FromServices] ChangePeriodHandler handler, [FromServices] PeriodDetailHandler detail) =>
        await AfterAsync(id, await handler.SaveNotesAsync(id, form, User), detail, form.Notes);

    private async Task<IActionResult> AfterAsync(int id, PeriodChange result, PeriodDetailHandler detail, string? notesDraft = null)
    {
        if (result.Outcome == ChangeOutcome.NotFound) return NotFound();
        if (result.Outcome == ChangeOutcome.Done)
        {
            TempData["Flash"] = result.Message;
            return Redirect($"{PeriodLabels.BasePath}/{id}");
        }
        ModelState.AddModelError(result.Field, result.Message ?? "");
        return await detail.LoadAsync(id, PeriodResultsQuery.Default, User, notesDraft) is { } page ? View(nameof(Detail), page) : NotFound();
    }
}

/// <summary>The administrator's reopen form: the period and what was typed.</summary>
public sealed record ReopenPage(PeriodInfo Period, PeriodChangeForm Form);
