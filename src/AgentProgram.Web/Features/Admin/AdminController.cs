using System.Security.Claims;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Admin;

/// <summary>The administrator's user management. Users are addressed by their id, never by email.</summary>
[Route("admin/pengguna")]
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? peran, string? status, string? urut, [FromServices] ListUsersHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(UserListQuery.From(q, peran, status, urut, hal)));

    /// <summary>The list as CSV or XLSX (format=xlsx), every page of it (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("ekspor")]
    public Task<IActionResult> Export(string? q, string? peran, string? status, string? urut, string? format, [FromServices] ListUsersHandler handler)
    {
        var query = UserListQuery.From(q, peran, status, urut, 1);
        return this.ExportAsync(format, "pengguna", query.Url(page: 1), async limit => await handler.ExportAsync(query, limit), auditEntity: "AppUser");
    }

    [HttpGet("baru")]
    public IActionResult Create() => View(new CreateUserForm());

    [HttpPost("baru")]
    public async Task<IActionResult> Create(CreateUserForm form, [FromServices] CreateUserHandler handler)
    {
        if (!ModelState.IsValid) return View(form);
        var (created, errors) = await handler.HandleAsync(form);
        return created is null ? Invalid(View(form), errors) : TemporaryPasswordView(created);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Detail(string id, [FromServices] EditUserHandler handler) =>
        await handler.LoadAsync(id, ActorId) is { } page ? View(page) : NotFound();

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, EditUserForm form, [FromServices] EditUserHandler handler)
    {
        if (!ModelState.IsValid) return await DetailAgainAsync(id, handler, form);
        var (outcome, errors) = await handler.SaveAsync(id, ActorId, form);
        if (outcome == UserOutcome.NotFound) return NotFound();
        if (outcome == UserOutcome.Conflict) return await DetailAgainAsync(id, handler, form);
        if (errors.Count > 0) return Invalid(await DetailAgainAsync(id, handler, form), errors);
        return Done(id, outcome == UserOutcome.Done ? l["Perubahan data pengguna disimpan."] : l["Tidak ada perubahan untuk disimpan."]);
    }

    [HttpPost("{id}/nonaktifkan")]
    public Task<IActionResult> Deactivate(string id, ReasonForm form, [FromServices] SetUserActiveHandler handler, [FromServices] EditUserHandler detail) =>
        SetActiveAsync(id, false, form, handler, detail);

    [HttpPost("{id}/aktifkan")]
    public Task<IActionResult> Reactivate(string id, ReasonForm form, [FromServices] SetUserActiveHandler handler, [FromServices] EditUserHandler detail) =>
        SetActiveAsync(id, true, form, handler, detail);

    [HttpPost("{id}/setel-ulang")]
    public async Task<IActionResult> ResetPassword(string id, [FromServices] ResetPasswordHandler handler, [FromServices] EditUserHandler detail)
    {
        var (outcome, page) = await handler.HandleAsync(id, ActorId);
        return outcome switch
        {
            UserOutcome.NotFound => NotFound(),
            UserOutcome.Refused => Invalid(await DetailAgainAsync(id, detail), [new("", l["Untuk kata sandi Anda sendiri, gunakan halaman Ubah kata sandi."])]),
            _ => TemporaryPasswordView(page!),
        };
    }

    private async Task<IActionResult> SetActiveAsync(string id, bool active, ReasonForm form, SetUserActiveHandler handler, EditUserHandler detail)
    {
        if (!ModelState.IsValid) return await DetailAgainAsync(id, detail);
        return await handler.HandleAsync(id, ActorId, active, form) switch
        {
            UserOutcome.NotFound => NotFound(),
            UserOutcome.Refused => Invalid(await DetailAgainAsync(id, detail), [new("", l["Anda tidak dapat menonaktifkan akun Anda sendiri."])]),
            UserOutcome.Unchanged => Done(id, active ? l["Akun ini sudah aktif."] : l["Akun ini sudah nonaktif."]),
            _ => Done(id, active ? l["Akun diaktifkan kembali. Pengguna dapat masuk lagi."] : l["Akun dinonaktifkan. Sesi yang sedang terbuka berakhir paling lama dalam 5 menit."]),
        };
    }

    private string ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private async Task<IActionResult> DetailAgainAsync(string id, EditUserHandler handler, EditUserForm? form = null) =>
        await handler.LoadAsync(id, ActorId, form) is { } page ? View(nameof(Detail), page) : NotFound();

    private IActionResult Invalid(IActionResult view, IEnumerable<FieldError> errors)
    {
        foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        return view;
    }

    private RedirectResult Done(string id, string message)
    {
        TempData["Flash"] = message;
        return Redirect("/admin/pengguna/" + Uri.EscapeDataString(id));
    }

    /// <summary>Rendered from the POST itself: the password is never in a URL, TempData, or a cache.</summary>
    private ViewResult TemporaryPasswordView(TemporaryPasswordPage page)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        return View("TemporaryPassword", page);
    }
}
