using System.Security.Claims;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.MyRewards;

/// <summary>
/// Reward statements. An agent sees only their own (the agent id comes from the sign-in, never the
/// URL); Humas, Kepegawaian and Pimpinan open any agent's statement from the period's results.
/// </summary>
public sealed class MyRewardsController : Controller
{
    private const string Officers = Roles.Humas + "," + Roles.Kepegawaian + "," + Roles.Pimpinan + "," + Roles.Administrator;

    [HttpGet("penghargaan-saya")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> Index([FromServices] MyRewardsHandler handler) => View(await handler.ListAsync(UserId));

    /// <summary>The agent's own periods as CSV or XLSX (format=xlsx): only theirs, found from the sign-in (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("penghargaan-saya/ekspor")]
    [Authorize(Policy = Policies.Agent)]
    public Task<IActionResult> Export(string? format, [FromServices] MyRewardsHandler handler, [FromServices] IStringLocalizer<SharedResource> l) =>
        this.ExportAsync(format, "penghargaan-saya", "/penghargaan-saya", async limit => await handler.ExportAsync(UserId, limit, l));

    [HttpGet("penghargaan-saya/{periodId:int}")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> Statement(int periodId, [FromServices] MyRewardsHandler handler) =>
        await handler.StatementAsync(UserId, periodId) is { } page ? View(page) : NotFound();

    [HttpGet("penghargaan-saya/{periodId:int}/peringkat")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> Leaderboard(int periodId, [FromServices] MyRewardsHandler handler) =>
        await handler.LeaderboardAsync(periodId) is { } page ? View(page) : NotFound();

    [HttpGet("penghargaan/{periodId:int}/agen/{agentId:int}")]
    [Authorize(Roles = Officers)]
    public async Task<IActionResult> AgentStatement(int periodId, int agentId, [FromServices] MyRewardsHandler handler) =>
        await handler.OfficerStatementAsync(periodId, agentId, User) is { } page ? View(page) : NotFound();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
