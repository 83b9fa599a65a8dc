using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Agents;

/// <summary>Two separate, required boxes: the code of conduct (SE MenPANRB 137/2018, SKB 2/2022) and the data consent (UU 27/2022).</summary>
public sealed class ConsentForm
{
    public bool AcceptCodeOfConduct { get; set; }
    public bool AcceptDataProcessing { get; set; }
}

public sealed record ConsentPage(MyAgent? Agent, string InstitutionName, ConsentForm Form);

public enum ConsentOutcome
{
    Done,
    NotEnrolled,
    Ended,
    Invalid,
}

/// <summary>
/// The agent's first-sign-in acceptance. Both timestamps are recorded (Agent is audited); an
/// enrolment that was suspended only because the agent withdrew consent becomes active again, an
/// enrolment suspended by HR stays suspended. The sign-in is refreshed so the account gate's
/// "terms pending" claim goes away at once.
/// </summary>
public sealed class ConsentHandler(
    AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock, IConfiguration config, IStringLocalizer<SharedResource> l)
{
    public async Task<ConsentPage> LoadAsync(string userId, ConsentForm? form = null, CancellationToken ct = default) =>
        new(await MyAgent.FindAsync(db, userId, ct), await InstitutionNameAsync(db, config, ct), form ?? new ConsentForm());

    public async Task<(ConsentOutcome Outcome, IReadOnlyList<FieldError> Errors)> AcceptAsync(string userId, ConsentForm form, CancellationToken ct = default)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.UserId == userId, ct);
        if (agent is null) return (ConsentOutcome.NotEnrolled, []);
        if (agent.Status == AgentStatus.Ended) return (ConsentOutcome.Ended, []);
        var errors = new List<FieldError>();
        if (!form.AcceptCodeOfConduct)
            errors.Add(new(nameof(form.AcceptCodeOfConduct), l["Centang kotak kode etik untuk menyatakan Anda akan mematuhinya."]));
        if (!form.AcceptDataProcessing)
            errors.Add(new(nameof(form.AcceptDataProcessing), l["Centang kotak persetujuan pemrosesan data. Tanpa persetujuan ini Anda tidak dapat ikut sebagai agen."]));
        if (errors.Count > 0) return (ConsentOutcome.Invalid, errors);

        if (!agent.HasAcceptedTerms)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            agent.CodeOfConductAcceptedUtc = now;
            agent.DataConsentUtc = now;
            agent.ConsentWithdrawnUtc = null;
            if (agent.Status == AgentStatus.Suspended && agent.StatusReason == AgentStatusReasons.ConsentWithdrawn)
            {
                agent.Status = AgentStatus.Active;
                agent.StatusReason = AgentStatusReasons.ConsentRenewed;
                agent.StatusChangedUtc = now;
            }
            await db.SaveChangesAsync(ct);
        }
        await RefreshSignInAsync(users, signIn, userId);
        return (ConsentOutcome.Done, []);
    }

    /// <summary>New claims for this session: the account gate reads "terms pending" from the cookie, not the database.</summary>
    internal static async Task RefreshSignInAsync(UserManager<AppUser> users, SignInManager<AppUser> signIn, string userId)
    {
        if (await users.FindByIdAsync(userId) is { } user) await signIn.RefreshSignInAsync(user);
    }

    internal static async Task<string> InstitutionNameAsync(AppDbContext db, IConfiguration config, CancellationToken ct) =>
        await db.Institutions.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Name).FirstOrDefaultAsync(ct)
        ?? config["Institution:Name"] ?? "";
}
