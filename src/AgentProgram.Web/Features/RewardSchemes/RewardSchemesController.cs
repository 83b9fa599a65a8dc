using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardSchemes;

/// <summary>
/// Reward schemes (Skema Penghargaan): Humas writes and submits versions of the rules, a Pimpinan approves them or
/// returns them with a reason; both read. An approved version never changes; a change is a new version.
/// </summary>
[Route("skema-penghargaan")]
public sealed class RewardSchemesController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string Readers = Roles.Humas + "," + Roles.Pimpinan;

    [HttpGet("")]
    [Authorize(Roles = Readers)]
    public async Task<IActionResult> Index(string? q, [FromServices] ListSchemesHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(SchemeListQuery.From(q, hal)));

    /// <summary>The list as CSV or XLSX (format=xlsx), every page of it (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("ekspor")]
    [Authorize(Roles = Readers)]
    public Task<IActionResult> Export(string? q, string? format, [FromServices] ListSchemesHandler handler)
    {
        var query = SchemeListQuery.From(q, 1);
        return this.ExportAsync(format, "skema-penghargaan", query.UrlFor(1), async limit => await handler.ExportAsync(query, limit));
    }

    [HttpGet("baru")]
    [Authorize(Policy = Policies.PublicRelations)]
    public IActionResult Create() => View(new CreateSchemeForm());

    [HttpPost("baru")]
    [Authorize(Policy = Policies.PublicRelations)]
    public async Task<IActionResult> Create(CreateSchemeForm form, [FromServices] CreateSchemeHandler handler)
    {
        if (!ModelState.IsValid) return View(form);
        var (id, errors) = await handler.HandleAsync(form, User);
        if (id is null) return Invalid(View(form), errors);
        return Done($"/skema-penghargaan/{id}/versi/1", l["Skema dibuat dengan versi 1 sebagai draf berisi aturan awal. Sesuaikan aturannya, lalu ajukan untuk persetujuan."]);
    }

    [HttpGet("{id:int}")]
    [Authorize(Roles = Readers)]
    public async Task<IActionResult> Scheme(int id, [FromServices] SchemeDetailHandler handler) =>
        await handler.LoadSchemeAsync(id) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/versi-baru")]
    [Authorize(Policy = Policies.PublicRelations)]
    public async Task<IActionResult> NewVersion(int id, [FromServices] VersionWorkflowHandler handler, [FromServices] SchemeDetailHandler detail)
    {
        var (number, errors) = await handler.StartNewVersionAsync(id, User);
        if (number is not null) return Done($"/skema-penghargaan/{id}/versi/{number}", l["Versi {0} dibuat sebagai draf dengan aturan versi sebelumnya. Ubah aturannya, lalu ajukan untuk persetujuan.", number]);
        if (errors.Count == 0 || await detail.LoadSchemeAsync(id) is not { } page) return NotFound();
        return Invalid(View(nameof(Scheme), page), errors);
    }

    [HttpGet("{id:int}/versi/{number:int}")]
    [Authorize(Roles = Readers)]
    public async Task<IActionResult> Version(int id, int number, [FromServices] SchemeDetailHandler handler) =>
        await handler.LoadVersionAsync(id, number) is { } page ? View(page) : NotFound();

    [HttpGet("{id:int}/versi/{number:int}/ubah")]
    [Authorize(Policy = Policies.PublicRelations)]
    public async Task<IActionResult> Edit(int id, int number, [FromServices] EditRulesHandler handler, [FromServices] SchemeDetailHandler detail)
    {
        var (page, draft) = await handler.LoadAsync(id, number);
        if (page is null) return NotFound();
        if (draft) return View(page);
        return await VersionAgainAsync(id, number, detail, [new("", l["Hanya versi berstatus draf yang dapat diubah. Versi yang sudah disetujui tidak pernah berubah; buat versi baru untuk perubahan."])]);
    }

    [HttpPost("{id:int}/versi/{number:int}/ubah")]
    [Authorize(Policy = Policies.PublicRelations)]
    public async Task<IActionResult> Edit(int id, int number, RulesForm form, [FromServices] EditRulesHandler handler, [FromServices] SchemeDetailHandler detail)
    {
        var (outcome, errors) = await handler.SaveAsync(id, number, form);
        switch (outcome)
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.NotDraft:
                return await VersionAgainAsync(id, number, detail, errors);
            case EditOutcome.Invalid:
            case EditOutcome.Conflict:
                var (page, _) = await handler.LoadAsync(id, number, form);
                return page is null ? NotFound() : Invalid(View(page), errors);
            default:
                return Done($"/skema-penghargaan/{id}/versi/{number}", l["Aturan draf disimpan."]);
        }
    }

    [HttpPost("{id:int}/versi/{number:int}/ajukan")]
    [Authorize(Policy = Policies.PublicRelations)]
    public async Task<IActionResult> Submit(int id, int number, SubmitForm form, [FromServices] VersionWorkflowHandler handler, [FromServices] SchemeDetailHandler detail)
    {
        if (!ModelState.IsValid) return await VersionAgainAsync(id, number, detail, [], form);
        var (outcome, errors) = await handler.SubmitAsync(id, number, form, User);
        return outcome switch
        {
            StepOutcome.NotFound => NotFound(),
            StepOutcome.Refused => await VersionAgainAsync(id, number, detail, errors, form),
            _ => Done($"/skema-penghargaan/{id}/versi/{number}", l["Versi {0} diajukan untuk persetujuan Pimpinan.", number]),
        };
    }

    [HttpGet("{id:int}/versi/{number:int}/setujui")]
    [Authorize(Policy = Policies.Leadership)]
    public async Task<IActionResult> Approve(int id, int number, [FromServices] SchemeDetailHandler handler) =>
        await handler.LoadVersionAsync(id, number) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/versi/{number:int}/setujui")]
    [Authorize(Policy = Policies.Leadership)]
    public async Task<IActionResult> Approve(int id, int number, ApproveForm form, [FromServices] VersionWorkflowHandler handler, [FromServices] SchemeDetailHandler detail)
    {
        var (outcome, errors) = await handler.ApproveAsync(id, number, form, User);
        return outcome switch
        {
            StepOutcome.NotFound => NotFound(),
            StepOutcome.Refused => await VersionAgainAsync(id, number, detail, errors),
            _ => Done($"/skema-penghargaan/{id}/versi/{number}", l["Versi {0} disetujui. Periode yang belum pernah dihitung akan memakai versi ini; periode yang sudah dihitung tetap memakai versinya, kecuali Humas mencentang “Gunakan versi skema terbaru” saat menghitung ulang. Periode yang sudah disetujui tidak berubah.", number]),
        };
    }

    [HttpPost("{id:int}/versi/{number:int}/kembalikan")]
    [Authorize(Policy = Policies.Leadership)]
    public async Task<IActionResult> Return(int id, int number, ReturnForm form, [FromServices] VersionWorkflowHandler handler, [FromServices] SchemeDetailHandler detail)
    {
        if (!ModelState.IsValid) return await VersionAgainAsync(id, number, detail, [], giveBack: form);
        var (outcome, errors) = await handler.ReturnAsync(id, number, form, User);
        return outcome switch
        {
            StepOutcome.NotFound => NotFound(),
            StepOutcome.Refused => await VersionAgainAsync(id, number, detail, errors, giveBack: form),
            _ => Done($"/skema-penghargaan/{id}/versi/{number}", l["Versi {0} dikembalikan ke Humas sebagai draf.", number]),
        };
    }

    private async Task<IActionResult> VersionAgainAsync(int id, int number, SchemeDetailHandler detail, IEnumerable<FieldError> errors,
        SubmitForm? submit = null, ReturnForm? giveBack = null)
    {
        if (await detail.LoadVersionAsync(id, number, submit, giveBack) is not { } page) return NotFound();
        return Invalid(View(nameof(Version), page), errors);
    }

    private ViewResult Invalid(ViewResult view, IEnumerable<FieldError> errors)
    {
        foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        return view;
    }

    private RedirectResult Done(string url, string message)
    {
        TempData["Flash"] = message;
        return Redirect(url);
    }
}
