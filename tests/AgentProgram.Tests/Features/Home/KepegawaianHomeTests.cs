using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Home;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;

namespace AgentProgram.Tests.Features.Home;

/// <summary>
/// The Kepegawaian dashboard on a hand-built roster: enrolment per unit (each person in one row, sub-units in
/// rows of their own), the active agents who cannot share yet, and the latest imports. Only one test seeds
/// employees, so the figures are the whole database's.
/// </summary>
public sealed class KepegawaianHomeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>One employee: where they sit, and their enrolment (null: not an agent) with the states of their accounts.</summary>
    private sealed record Person(string Unit, AgentStatus? Status = null, bool Withdrawn = false, VerificationState[]? Accounts = null);

    private static List<string> Attr(string html, string testId, string attribute) =>
        [.. Regex.Matches(html, $"data-testid=\"{testId}\" {attribute}=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    /// <summary>The text of each cell with the test id inside the row that carries the unit id (or "none").</summary>
    private static Dictionary<string, string> Row(string html, string unit)
    {
        var m = Regex.Match(html, $"data-testid=\"enrolment-row\" data-unit=\"{unit}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(m.Success, $"No row for unit {unit}.");
        return Regex.Matches(m.Groups[1].Value, "data-testid=\"(row-[a-z]+)\">([^<]*)<")
            .ToDictionary(x => x.Groups[1].Value, x => WebUtility.HtmlDecode(x.Groups[2].Value).Trim());
    }

    private static Dictionary<string, string> TotalRow(string html)
    {
        var m = Regex.Match(html, "data-testid=\"enrolment-total\">(.*?)</tr>", RegexOptions.Singleline);
        return Regex.Matches(m.Groups[1].Value, "data-testid=\"(row-[a-z]+)\">([^<]*)<")
            .ToDictionary(x => x.Groups[1].Value, x => WebUtility.HtmlDecode(x.Groups[2].Value).Trim());
    }

    private static string N(int n) => n.ToString("#,0", Indonesian);

    private static string Pct(int agents, int employees) => Math.Round(agents * 100m / employees, 1).ToString("0.#", Indonesian) + "%";

    [Fact]
    public async Task Enrolment_per_unit_counts_each_person_once_with_totals_unverified_agents_and_the_latest_imports()
    {
        // The tree: Dinas Alpha › Bidang Alpha Satu; Dinas Beta; Sekretariat › Subbag Umum (nobody directly in Sekretariat);
        // Dinas Kosong and the closed Unit Lama have nobody and are left out.
        var alpha = await app.SeedUnitAsync("Dinas Alpha");
        var alphaSatu = await app.SeedUnitAsync("Bidang Alpha Satu", alpha.Id);
        var beta = await app.SeedUnitAsync("Dinas Beta");
        await app.SeedUnitAsync("Dinas Kosong");
        var sekretariat = await app.SeedUnitAsync("Sekretariat");
        var subbag = await app.SeedUnitAsync("Subbag Umum", sekretariat.Id);
        var lama = await app.SeedUnitAsync("Unit Lama");
        await app.WithDb(async db =>
        {
            (await db.Units.SingleAsync(u => u.Id == lama.Id)).IsClosed = true;
            return await db.SaveChangesAsync();
        });
        var unitIds = new Dictionary<string, int?>
        {
            ["alpha"] = alpha.Id, ["alphaSatu"] = alphaSatu.Id, ["beta"] = beta.Id, ["sekretariat"] = sekretariat.Id, ["subbag"] = subbag.Id, ["none"] = null,
        };

        var people = new Person[]
        {
            new("alpha"),
            new("alpha", AgentStatus.Active, Accounts: [VerificationState.Verified]),
            new("alpha", AgentStatus.Suspended, Withdrawn: true, Accounts: [VerificationState.Pending]),
            new("alpha", AgentStatus.Active),                                                                   // no account: cannot share
            new("alphaSatu", AgentStatus.Active, Accounts: [VerificationState.Rejected, VerificationState.Pending]), // nothing verified
            new("alphaSatu", AgentStatus.Ended, Withdrawn: true, Accounts: [VerificationState.Verified]),       // ended: not an agent any more
            new("beta", AgentStatus.Active, Accounts: [VerificationState.Verified, VerificationState.Rejected]),
            new("beta"),
            new("beta"),
            new("subbag", AgentStatus.Suspended),
            new("none", AgentStatus.Active, Accounts: [VerificationState.Pending, VerificationState.Verified]),
            new("none"),
        };
        var n = 0;
        foreach (var p in people)
        {
            var unitId = unitIds[p.Unit];
            n++;
            if (p.Status is not { } status)
            {
                await app.SeedEmployeeAsync($"Pegawai {n}", e => e.UnitId = unitId);
                continue;
            }
            var agent = await app.SeedAgentAsync($"Agen {n}", employee: e => e.UnitId = unitId, agent: a =>
            {
                a.Status = status;
                a.ConsentWithdrawnUtc = p.Withdrawn ? DateTime.UtcNow.AddDays(-1) : null;
            });
            var k = 0;
            foreach (var state in p.Accounts ?? [])
                await app.SeedAccountAsync(agent.AgentId, k++ == 0 ? Platform.Instagram : Platform.X, $"akun{n}x{k}", state);
        }

        // Six imports: the page shows the newest five with their counts.
        var imports = new List<int>();
        for (var i = 1; i <= 6; i++)
        {
            var batch = new ImportBatch
            {
                Kind = i % 2 == 0 ? ImportKind.Units : ImportKind.Employees, FileName = $"siasn-{i}.csv", UploadedUtc = DateTime.UtcNow.AddDays(i - 10),
                State = i == 6 ? ImportState.Failed : ImportState.Completed,
                NewCount = i * 10 + 1, UpdatedCount = i * 10 + 2, UnchangedCount = i * 10 + 3, WarnedCount = i * 10 + 4, RejectedCount = i * 10 + 5,
            };
            imports.Add(await app.WithDb(async db =>
            {
                db.ImportBatches.Add(batch);
                await db.SaveChangesAsync();
                return batch.Id;
            }));
        }

        var (_, hr) = await app.StaffAsync(Roles.Kepegawaian);
        var html = WebUtility.HtmlDecode(await hr.GetHtmlAsync("/"));

        // Rows in tree order (parents before children, siblings by name), then the people without a unit.
        Assert.Equal(
            [V(alpha.Id), V(alphaSatu.Id), V(beta.Id), V(sekretariat.Id), V(subbag.Id), "none"],
            Attr(html, "enrolment-row", "data-unit"));
        Assert.Equal(["2"], TextsOf(html, "hidden-units")
            .Select(t => Regex.Match(t, @"^\d+").Value));

        // Each row from the list above: employees, agents (not ended), active, consent withdrawn (not ended).
        foreach (var (key, unitId) in unitIds)
        {
            var mine = people.Where(p => p.Unit == key).ToList();
            var agents = mine.Count(p => p.Status is { } s && s != AgentStatus.Ended);
            var row = Row(html, unitId is { } id ? V(id) : "none");
            Assert.Equal(N(mine.Count), row["row-employees"]);
            Assert.Equal(N(agents), row["row-agents"]);
            Assert.Equal(N(mine.Count(p => p.Status == AgentStatus.Active)), row["row-active"]);
            Assert.Equal(N(mine.Count(p => p.Withdrawn && p.Status != AgentStatus.Ended)), row["row-withdrawn"]);
            Assert.Equal(mine.Count == 0 ? "–" : Pct(agents, mine.Count), row["row-percent"]);
        }
        // Dinas Alpha counts its own four, not Bidang Alpha Satu's two; Sekretariat only its own (none).
        Assert.Equal("4", Row(html, V(alpha.Id))["row-employees"]);
        Assert.Equal("0", Row(html, V(sekretariat.Id))["row-employees"]);

        // Totals: 12 employees; agents 7 (8 enrolled, 1 ended); 5 active; 1 withdrawn (the ended one does not count).
        var totalAgents = people.Count(p => p.Status is { } s && s != AgentStatus.Ended);
        Assert.Equal(7, totalAgents);
        var total = TotalRow(html);
        Assert.Equal(N(people.Length), total["row-employees"]);
        Assert.Equal(N(totalAgents), total["row-agents"]);
        Assert.Equal(N(people.Count(p => p.Status == AgentStatus.Active)), total["row-active"]);
        Assert.Equal("1", total["row-withdrawn"]);
        Assert.Equal(Pct(7, 12), total["row-percent"]);
        Assert.Equal("58,3%", Pct(7, 12));
        Assert.Equal([N(people.Length)], TextsOf(html, "total-employees"));
        Assert.Equal([N(totalAgents)], TextsOf(html, "total-agents"));
        Assert.Equal(["5"], TextsOf(html, "total-active"));
        Assert.Equal(["1"], TextsOf(html, "total-withdrawn"));

        // The chart: agents ÷ employees per row with employees, highest first (ties: more employees first, then by name,
        // the row without a unit last); the same numbers are in its data table.
        var chartTable = Regex.Match(html, "data-testid=\"chart-table\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        var chartRows = Regex.Matches(chartTable, "<tr>\\s*<th scope=\"row\"[^>]*>([^<]*)</th>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>")
            .Select(m => string.Join(" | ", Enumerable.Range(1, 4).Select(g => m.Groups[g].Value.Trim()))).ToList();
        Assert.Equal(
        [
            "Subbag Umum | 100% | 1 | 1",
            "Dinas Alpha | 75% | 3 | 4",
            "Bidang Alpha Satu | 50% | 1 | 2",
            "Tanpa unit kerja | 50% | 1 | 2",
            "Dinas Beta | 33,3% | 1 | 3",
        ], chartRows);

        // Active agents without a verified account: the one with no account and the one with rejected/pending only.
        var unverified = people.Count(p => p.Status == AgentStatus.Active && !(p.Accounts ?? []).Contains(VerificationState.Verified));
        Assert.Equal(2, unverified);
        Assert.Equal([N(unverified)], TextsOf(html, "without-verified"));
        var link = Regex.Match(html, "href=\"([^\"]+)\" data-testid=\"without-verified-link\"").Groups[1].Value;
        Assert.Equal("/agen?status=aktif&terverifikasi=tidak", link);
        // The list behind the link shows exactly those agents.
        var list = await hr.GetHtmlAsync(link);
        Assert.Equal(unverified, Count(list, "agent-row"));

        // The newest five imports (6 down to 2), each with its counts and a link; the first is not shown.
        var shown = imports.AsEnumerable().Reverse().Take(5).ToList();
        Assert.Equal(shown.Select(V), Attr(html, "recent-import", "data-import"));
        foreach (var id in shown) Assert.Contains($"href=\"/impor/{id}\"", html);
        Assert.DoesNotContain($"href=\"/impor/{imports[0]}\"", html);
        int[] order = [6, 5, 4, 3, 2];
        Assert.Equal(order.Select(i => N(i * 10 + 1)), TextsOf(html, "import-new"));
        Assert.Equal(order.Select(i => N(i * 10 + 2)), TextsOf(html, "import-updated"));
        Assert.Equal(order.Select(i => N(i * 10 + 3)), TextsOf(html, "import-unchanged"));
        Assert.Equal(order.Select(i => N(i * 10 + 4)), TextsOf(html, "import-warned"));
        Assert.Equal(order.Select(i => N(i * 10 + 5)), TextsOf(html, "import-rejected"));
        Assert.Contains("Gagal", html);

        // No NIP of anyone appears on the page.
        var nips = await app.WithDb(db => db.Employees.Select(e => e.Nip).ToListAsync());
        Assert.All(nips, nip => Assert.DoesNotContain(nip, html));

        // Enrolment unchanged since the page above: two statements (the tables' stamp, the imports), the figures kept.
        var counter = new AgentHomeTests.StatementCounter();
        await using var scope = app.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString();
        await using var counting = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).AddInterceptors(counter).Options);
        var board = await new KepegawaianHomeHandler(counting, TimeProvider.System).LoadAsync(new System.Security.Claims.ClaimsPrincipal());
        Assert.Equal(2, counter.Count);
        Assert.Equal(people.Length, board.Totals.Employees);
        // After a change, six: the figures computed again (units, employees, agents, unverified agents).
        await app.SeedEmployeeAsync("Pegawai Baru", e => e.UnitId = beta.Id);
        var after = new AgentHomeTests.StatementCounter();
        await using var countingAfter = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).AddInterceptors(after).Options);
        board = await new KepegawaianHomeHandler(countingAfter, TimeProvider.System).LoadAsync(new System.Security.Claims.ClaimsPrincipal());
        Assert.Equal(6, after.Count);
        Assert.Equal(people.Length + 1, board.Totals.Employees);

        // The whole page (sign-in checks, layout, work cards and this dashboard) stays within the issue's ten statements.
        var officer = await app.CreateUserAsync(Roles.Kepegawaian);
        Assert.InRange(await AgentHomeTests.HomeStatementLog.StatementsOfHomeAsync(app, officer.Email!), 1, 10);
    }

    [Theory]
    [InlineData(Roles.Humas)]
    [InlineData(Roles.Pimpinan)]
    [InlineData(Roles.Administrator)]
    public async Task Roles_without_Kepegawaian_do_not_get_its_section(string role)
    {
        var client = await app.SignedInClientAsync(role);
        var html = await client.GetHtmlAsync("/");
        Assert.Equal(0, Count(html, "kepegawaian-home"));
        Assert.Equal(0, Count(html, "enrolment-table"));
    }

    [Fact]
    public async Task Kepegawaian_gets_its_section()
    {
        var (_, hr) = await app.StaffAsync(Roles.Kepegawaian);
        Assert.Equal(1, Count(await hr.GetHtmlAsync("/"), "kepegawaian-home"));
    }

    private static string V(int id) => id.ToString(CultureInfo.InvariantCulture);
}
