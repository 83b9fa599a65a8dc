using System.Security.Claims;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

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
