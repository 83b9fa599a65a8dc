using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Agents;

public sealed class WithdrawForm
{
    /// <summary>The agent ticks that they understand the enrolment is suspended until they consent again.</summary>
    public bool Confirm { get; set; }
}

public sealed record MyDataPage(
    MyAgent Agent, EmployeeFacts Employee, SignInFacts SignIn, DateTime EnrolledUtc, IReadOnlyList<SocialAccountRow> Accounts,
    string InstitutionName, string? ImportWarnings);

public enum WithdrawOutcome
{
    Done,
    NotEnrolled,
    Invalid,
}

/// <summary>
/// UU 27/2022 rights of access and withdrawal: everything the system holds about the signed-in agent,
/// as a page and as a JSON download, and the withdrawal of consent. Only the agent's own data: the
/// queries start from the signed-in user's id.
/// </summary>
public sealed class MyDataHandler(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock, Display display, IConfiguration config)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<MyDataPage?> LoadAsync(string userId, CancellationToken ct = default)
    {
        if (await MyAgent.FindAsync(db, userId, ct) is not { } me) return null;
        var a = await db.Agents.AsNoTracking().Include(x => x.Employee).ThenInclude(e => e.Unit).Include(x => x.User).SingleAsync(x => x.Id == me.Id, ct);
        var accounts = await AgentDetailHandler.SocialAccountRows(db.SocialAccounts.Where(s => s.AgentId == me.Id), ct);
        return new MyDataPage(me, EmployeeFacts.Of(a.Employee, a.Employee.Unit?.Name),
            new SignInFacts(a.User.Email ?? "", a.User.IsActive, a.User.MustChangePassword, a.User.CreatedUtc, a.User.LastSignInUtc),
            a.EnrolledUtc, accounts, await ConsentHandler.InstitutionNameAsync(db, config, ct), a.Employee.ImportWarnings);
    }

    /// <summary>The same data as the page, machine-readable, for the agent to keep.</summary>
    public async Task<FileDownload?> DownloadAsync(string userId, CancellationToken ct = default)
    {
        if (await LoadAsync(userId, ct) is not { } page) return null;
        var e = page.Employee;
        var document = new
        {
            exportedUtc = clock.GetUtcNow().UtcDateTime,
            dataController = page.InstitutionName,
            employee = new
            {
                name = e.Name, nip = e.Nip, employmentType = e.Type, legalStatus = e.LegalStatus, legalStatusName = e.LegalStatusName,
                disciplinarySanction = e.HasSanction, golongan = e.GolonganCode, position = e.PositionName, unit = e.Unit,
                govEmail = e.GovEmail, phone = e.Phone, contractStart = e.ContractStart, contractEnd = e.ContractEnd,
                importWarnings = page.ImportWarnings,
            },
            signInAccount = new
            {
                email = page.SignIn.Email, createdUtc = page.SignIn.CreatedUtc, lastSignInUtc = page.SignIn.LastSignInUtc,
            },
            agent = new
            {
                status = page.Agent.Status, statusReason = page.Agent.StatusReason, statusChangedUtc = page.Agent.StatusChangedUtc,
                enrolledUtc = page.EnrolledUtc, codeOfConductAcceptedUtc = page.Agent.CodeOfConductAcceptedUtc,
                dataConsentUtc = page.Agent.DataConsentUtc, consentWithdrawnUtc = page.Agent.ConsentWithdrawnUtc,
            },
            socialAccounts = page.Accounts.Select(s => new
            {
                platform = s.Platform, handle = s.Handle, profileUrl = s.ProfileUrl, kind = s.Kind, followers = s.Followers,
                followersAsOf = s.FollowersAsOf, verification = s.State, rejectionReason = s.RejectionReason, reviewedUtc = s.ReviewedUtc,
                createdUtc = s.CreatedUtc,
            }),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, Json);
        var day = display.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new FileDownload(bytes, "application/json; charset=utf-8", $"data-saya-{day}.json");
    }

    /// <summary>
    /// Withdraws consent: recorded with its time; an active enrolment is suspended with the
    /// withdrawal reason (one HR suspended stays as HR left it). The refreshed sign-in carries the
    /// "terms pending" claim, so the next request goes to the consent page.
    /// </summary>
    public async Task<WithdrawOutcome> WithdrawAsync(string userId, WithdrawForm form, CancellationToken ct = default)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.UserId == userId, ct);
        if (agent is null) return WithdrawOutcome.NotEnrolled;
        if (!form.Confirm) return WithdrawOutcome.Invalid;
        if (agent.ConsentWithdrawnUtc is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            agent.ConsentWithdrawnUtc = now;
            if (agent.Status == AgentStatus.Active)
            {
                agent.Status = AgentStatus.Suspended;
                agent.StatusReason = AgentStatusReasons.ConsentWithdrawn;
                agent.StatusChangedUtc = now;
            }
            await db.SaveChangesAsync(ct);
        }
        await ConsentHandler.RefreshSignInAsync(users, signIn, userId);
        return WithdrawOutcome.Done;
    }
}
