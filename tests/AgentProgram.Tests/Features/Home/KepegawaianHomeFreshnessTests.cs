using AgentProgram.Tests.Features.Agents;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Home;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Home;

/// <summary>
/// The Kepegawaian dashboard keeps its enrolment figures only while the enrolment tables are unchanged: every way
/// the app writes them (a tracked save, the import's prepared INSERT, the erasure's ExecuteUpdate and ExecuteDelete)
/// shows on the next page, and an unchanged database gives the same stamp. Its own database (the other dashboard
/// tests count whole-database figures).
/// </summary>
public sealed class KepegawaianHomeFreshnessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<KepegawaianHome> LoadAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<KepegawaianHomeHandler>(scope.ServiceProvider).LoadAsync(new System.Security.Claims.ClaimsPrincipal());
    }

    private Task<EnrolmentStamp> StampAsync() => app.WithDb(db => EnrolmentStamp.Query(db).FirstAsync());

    [Fact]
    public async Task Every_write_path_to_the_enrolment_tables_shows_on_the_next_page()
    {
        var unit = await app.SeedUnitAsync("Dinas Segar");
        var agent = await app.SeedAgentAsync("Agen Segar", employee: e => e.UnitId = unit.Id, agent: a => a.Status = AgentStatus.Active);
        var account = await app.SeedAccountAsync(agent.AgentId, Platform.X, "agensegar", VerificationState.Verified);
        var start = await LoadAsync();
        Assert.Equal(await StampAsync(), await StampAsync());
        Assert.Equal(start.Totals, (await LoadAsync()).Totals);

        // A tracked save (an officer suspends the agent): one active agent fewer.
        await app.WithDb(async db =>
        {
            (await db.Agents.SingleAsync(a => a.Id == agent.AgentId)).Status = AgentStatus.Suspended;
            return await db.SaveChangesAsync();
        });
        var suspended = await LoadAsync();
        Assert.Equal(start.Totals.Active - 1, suspended.Totals.Active);
        Assert.Equal(start.Totals.Agents, suspended.Totals.Agents);

        // The SIASN import's prepared INSERT (no change tracker, no audit row): one employee more.
        await app.WithDb(async db =>
        {
            var employee = new Employee
            {
                Nip = AgentTestKit.NextNip(), Name = "Pegawai Impor", EmploymentType = EmploymentType.Pns, LegalStatus = LegalStatus.Aktif,
                GovEmail = AgentTestKit.NextEmail("impor"), UnitId = unit.Id, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            await using var tx = await db.Database.BeginTransactionAsync();
            await new BulkInserter<Employee>(db).InsertAsync(db, [employee], CancellationToken.None);
            await tx.CommitAsync();
            return 1;
        });
        var imported = await LoadAsync();
        Assert.Equal(suspended.Totals.Employees + 1, imported.Totals.Employees);

        // Back to active, then the account deleted by ExecuteDelete (as the erasure does): the agent cannot share any more.
        await app.WithDb(async db =>
        {
            (await db.Agents.SingleAsync(a => a.Id == agent.AgentId)).Status = AgentStatus.Active;
            return await db.SaveChangesAsync();
        });
        var active = await LoadAsync();
        await app.WithDb(db => db.SocialAccounts.Where(s => s.Id == account.Id).ExecuteDeleteAsync());
        Assert.Equal(active.WithoutVerifiedAccount + 1, (await LoadAsync()).WithoutVerifiedAccount);

        // An ExecuteUpdate that raises the version (as the erasure ends an enrolment): the agent leaves the counts.
        await app.WithDb(db => db.Agents.Where(a => a.Id == agent.AgentId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AgentStatus.Ended).SetProperty(a => a.Version, a => a.Version + 1)));
        var ended = await LoadAsync();
        Assert.Equal(active.Totals.Agents - 1, ended.Totals.Agents);
        Assert.Equal(active.Totals.Active - 1, ended.Totals.Active);
    }
}
