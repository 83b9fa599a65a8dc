using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Time;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Messages;

public sealed record MessageEditPage(int? Id, MessageStatus? Status, MessageForm Form);

/// <summary>Policy messages: Humas writes them, Pimpinan and allowed Humas approvers approve them (the workflow decides who may do what).</summary>
[Route("pesan")]
public sealed class MessagesController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string Writers = Roles.Humas;
    private const string Staff = Roles.Humas + "," + Roles.Pimpinan;

    [HttpGet("")]
    [Authorize(Roles = Staff)]
    public async Task<IActionResult> Index(string? q, string? status, string? misi, string? antrean, [FromServices] ListMessagesHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(MessageListQuery.From(q, status, misi, antrean, hal)));

    /// <summary>The list as CSV or XLSX (format=xlsx), every page of it (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("ekspor")]
    [Authorize(Roles = Staff)]
    public Task<IActionResult> Export(string? q, string? status, string? misi, string? antrean, string? format, [FromServices] ListMessagesHandler handler)
    {
        var query = MessageListQuery.From(q, status, misi, antrean, 1);
        return this.ExportAsync(format, query.Queue ? "antrean-pesan" : "pesan", query.UrlFor(1), async limit => await handler.ExportAsync(query, limit));
    }

    [HttpGet("baru")]
    [Authorize(Roles = Writers)]
    public IActionResult Create([FromServices] Display display)
    {
        var today = display.ToLocal(DateTime.UtcNow).Date;
        return View("Edit", new MessageEditPage(null, null, new MessageForm { ActiveFrom = today.AddDays(1).AddHours(8), ActiveUntil = today.AddDays(8).AddHours(8) }.Normalized()));
    }

    [HttpPost("baru")]
    [Authorize(Roles = Writers)]
    public async Task<IActionResult> Create(MessageForm form, [FromServices] SaveMessageHandler handler)
    {
        if (!ModelState.IsValid) return View("Edit", new MessageEditPage(null, null, form.Normalized()));
        var (id, errors) = await handler.CreateAsync(form, User);
        if (id is null) return Invalid(View("Edit", new MessageEditPage(null, null, form.Normalized())), errors);
        return Done(id.Value, l["Draf pesan disimpan."]);
    }

    [HttpGet("{id:int}")]
    [Authorize(Roles = Staff)]
    public async Task<IActionResult> Detail(int id, [FromServices] MessageDetailHandler handler) =>
        await handler.LoadAsync(id, User) is { } page ? View(page) : NotFound();

    [HttpGet("{id:int}/ubah")]
    [Authorize(Roles = Writers)]
    public async Task<IActionResult> Edit(int id, [FromServices] MessageDetailHandler handler, [FromServices] Display display) =>
        await handler.LoadFormAsync(id, display) is { } loaded ? View(new MessageEditPage(id, loaded.Message.Status, loaded.Form)) : NotFound();

    [HttpPost("{id:int}/ubah")]
    [Authorize(Roles = Writers)]
    public async Task<IActionResult> Edit(int id, MessageForm form, [FromServices] SaveMessageHandler handler, [FromServices] MessageDetailHandler detail)
    {
        if (await detail.FindAsync(id) is not { } m) return NotFound();
        var again = View(new MessageEditPage(id, m.Status, form.Normalized()));
        if (!ModelState.IsValid) return again;
        var (outcome, errors) = await handler.EditAsync(id, form, User);
        return outcome switch
        {
            SaveOutcome.NotFound => NotFound(),
            SaveOutcome.Invalid => Invalid(again, errors),
            SaveOutcome.Conflict => View(new MessageEditPage(id, (await detail.FindAsync(id))?.Status ?? m.Status, form)),
            SaveOutcome.NewRevision => Done(id, l["Perubahan disimpan sebagai revisi baru dan diajukan untuk persetujuan. Agen tetap membagikan versi yang sudah disetujui sampai revisi ini disetujui."]),
            _ => Done(id, l["Perubahan pesan disimpan."]),
        };
    }

    [HttpPost("{id:int}/media")]
    [Authorize(Roles = Writers)]
    [RequestSizeLimit(MessageMediaHandler.MaxVideoBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MessageMediaHandler.MaxVideoBytes + 1024 * 1024)]
    public async Task<IActionResult> Upload(int id, IFormFile? berkas, [FromServices] MessageMediaHandler handler, [FromServices] MessageDetailHandler detail)
    {
        var (outcome, errors) = await handler.UploadAsync(id, berkas, User);
        return outcome switch
        {
            ActOutcome.NotFound => NotFound(),
            ActOutcome.Refused => Invalid(await DetailAgainAsync(id, detail), errors),
            _ => Done(id, l["Media ditambahkan."]),
        };
    }

    [HttpGet("media/{mediaId:int}")]
    [Authorize]
    public async Task<IActionResult> Media(int mediaId, [FromServices] MessageMediaHandler handler)
    {
        if (await handler.OpenAsync(mediaId, User) is not { } found) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, max-age=3600";
        var isImage = found.File.ContentType.StartsWith("image/", StringComparison.Ordinal);
        var disposition = new System.Net.Mime.ContentDisposition { FileName = found.File.FileName, Inline = isImage };
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(found.Content, found.File.ContentType);
    }

    [HttpPost("{id:int}/ajukan")]
    [Authorize(Roles = Writers)]
    public Task<IActionResult> Submit(int id, WorkflowForm form, [FromServices] ActOnMessageHandler handler, [FromServices] MessageDetailHandler detail) =>
        ActAsync(id, MessageAction.Submit, form, handler, detail, l["Pesan diajukan untuk persetujuan."]);

    [HttpPost("{id:int}/setujui")]
    [Authorize(Roles = Staff)]
    public Task<IActionResult> Approve(int id, WorkflowForm form, [FromServices] ActOnMessageHandler handler, [FromServices] MessageDetailHandler detail) =>
        ActAsync(id, MessageAction.Approve, form, handler, detail, l["Pesan disetujui."]);

    [HttpPost("{id:int}/terbitkan")]
    [Authorize(Roles = Staff)]
    public Task<IActionResult> Publish(int id, WorkflowForm form, [FromServices] ActOnMessageHandler handler, [FromServices] MessageDetailHandler detail) =>
        ActAsync(id, MessageAction.Publish, form, handler, detail, l["Pesan diterbitkan."]);

    [HttpPost("{id:int}/tutup")]
    [Authorize(Roles = Staff)]
    public Task<IActionResult> Close(int id, WorkflowForm form, [FromServices] ActOnMessageHandler handler, [FromServices] MessageDetailHandler detail) =>
        ActAsync(id, MessageAction.Close, form, handler, detail, l["Pesan ditutup."]);

    [HttpPost("{id:int}/tarik")]
    [Authorize(Roles = Staff)]
    public Task<IActionResult> Withdraw(int id, WorkflowForm form, [FromServices] ActOnMessageHandler handler, [FromServices] MessageDetailHandler detail) =>
        ActAsync(id, MessageAction.Withdraw, form, handler, detail, l["Pesan ditarik."]);

    private async Task<IActionResult> ActAsync(int id, MessageAction action, WorkflowForm form, ActOnMessageHandler handler, MessageDetailHandler detail, string done)
    {
        var (outcome, errors) = await handler.HandleAsync(id, action, form, User);
        return outcome switch
        {
            ActOutcome.NotFound => NotFound(),
            ActOutcome.Refused => Invalid(await DetailAgainAsync(id, detail, form), errors),
            _ => Done(id, done),
        };
    }

    private async Task<IActionResult> DetailAgainAsync(int id, MessageDetailHandler handler, WorkflowForm? form = null) =>
        await handler.LoadAsync(id, User, form) is { } page ? View(nameof(Detail), page) : NotFound();

    private IActionResult Invalid(IActionResult view, IEnumerable<FieldError> errors)
    {
        foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        return view;
    }

    private RedirectResult Done(int id, string message)
    {
        TempData["Flash"] = message;
        return Redirect("/pesan/" + id);
    }
}
