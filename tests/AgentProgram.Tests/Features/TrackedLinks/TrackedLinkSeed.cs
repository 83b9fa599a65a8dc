using System.Globalization;
using AgentProgram.Tests.Infrastructure;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Tests.Features.TrackedLinks;

/// <summary>Hand-built messages, agents and tracked links, written straight to the database.</summary>
public static class TrackedLinkSeed
{
    private static int _nip = 100;

    public sealed record SeededAgent(int AgentId, string Name, int? UnitId);

    public static async Task<int> UnitAsync(AppFactory app, string name) => await app.WithDb(async db =>
    {
        var unit = new Unit { Name = name };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    });

    public static async Task<SeededAgent> AgentAsync(AppFactory app, string name, int? unitId)
    {
        var user = await app.CreateUserAsync(Roles.Agen);
        var n = Interlocked.Increment(ref _nip);
        return await app.WithDb(async db =>
        {
            var employee = new Employee
            {
                // A syntactically plausible NIP; the tests check it never leaves the database.
                Nip = "19800101200501" + (1000 + n).ToString(CultureInfo.InvariantCulture),
                Name = name,
                UnitId = unitId,
            };
            db.Employees.Add(employee);
            await db.SaveChangesAsync();
            var agent = new Agent { EmployeeId = employee.Id, UserId = user.Id, EnrolledUtc = DateTime.UtcNow.AddDays(-10) };
            db.Agents.Add(agent);
            await db.SaveChangesAsync();
            return new SeededAgent(agent.Id, name, unitId);
        });
    }

    public static async Task<int> MessageAsync(AppFactory app, string title, MessageStatus status = MessageStatus.Published,
        string canonicalUrl = "https://kominfo.kotauji.go.id/berita/vaksin?ref=beranda#isi", DateTime? activeUntilUtc = null) =>
        await app.WithDb(async db =>
        {
            var now = DateTime.UtcNow;
            var message = new PolicyMessage
            {
                Title = title,
                PolicyReference = "Inpres 9/2015",
                AuthorUserId = "seed",
                Status = status,
                ActiveFromUtc = now.AddDays(-1),
                ActiveUntilUtc = activeUntilUtc ?? now.AddDays(7),
                CreatedUtc = now,
                PublishedUtc = now,
                WithdrawnUtc = status == MessageStatus.Withdrawn ? now : null,
            };
            db.PolicyMessages.Add(message);
            await db.SaveChangesAsync();
            var revision = new MessageRevision
            {
                MessageId = message.Id,
                Number = 1,
                KeyMessage = "Pesan kunci",
                CanonicalUrl = canonicalUrl,
                CreatedByUserId = "seed",
                CreatedUtc = now,
                ApprovedByUserId = "seed",
                ApprovedUtc = now,
            };
            db.MessageRevisions.Add(revision);
            await db.SaveChangesAsync();
            message.ApprovedRevisionId = revision.Id;
            message.CurrentRevisionId = revision.Id;
            await db.SaveChangesAsync();
            return message.Id;
        });

    /// <summary>Assigns the message to the agent and creates one tracked link per platform; returns the tokens.</summary>
    public static async Task<Dictionary<Platform, string>> LinksAsync(AppFactory app, int messageId, int agentId, params Platform[] platforms) =>
        await app.WithDb(async db =>
        {
            var assignment = new Assignment { MessageId = messageId, AgentId = agentId, DueUtc = DateTime.UtcNow.AddDays(2), CreatedUtc = DateTime.UtcNow };
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            var tokens = platforms.ToDictionary(p => p, _ => TrackedLinkToken.New());
            foreach (var (platform, token) in tokens)
                db.TrackedLinks.Add(new TrackedLink { AssignmentId = assignment.Id, Platform = platform, Token = token, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return tokens;
        });

    public static async Task<int> TrackedLinkIdAsync(AppFactory app, string token) =>
        await app.WithDb(db => Task.FromResult(db.TrackedLinks.Single(t => t.Token == token).Id));
}
