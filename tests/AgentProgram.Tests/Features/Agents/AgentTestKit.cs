using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Agents;

/// <summary>A seeded agent: its ids, its sign-in email and the NIP of the employee behind it.</summary>
public sealed record SeededAgent(int AgentId, int EmployeeId, string UserId, string Email, string Nip, string Name);

/// <summary>Seeds employees, units, agents and social accounts directly, and signs people in.</summary>
public static partial class AgentTestKit
{
    private static int _counter;

    /// <summary>A unique, well-formed 18-digit NIP (PNS layout).</summary>
    public static string NextNip()
    {
        var n = Interlocked.Increment(ref _counter);
        return "19860926" + (2000 + n / 1000).ToString(CultureInfo.InvariantCulture) + "03" + "1" + (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
    }

    public static string NextEmail(string prefix) =>
        $"{prefix}.{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}@pemkot-uji.go.id";

    public static async Task<Employee> SeedEmployeeAsync(this AppFactory app, string name, Action<Employee>? shape = null)
    {
        var e = new Employee
        {
            Nip = NextNip(), Name = name, EmploymentType = EmploymentType.Pns, LegalStatus = LegalStatus.Aktif,
            GovEmail = NextEmail("pegawai"), CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        shape?.Invoke(e);
        await app.WithDb(async db =>
        {
            db.Employees.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        return e;
    }

    public static async Task<Unit> SeedUnitAsync(this AppFactory app, string name, int? parentId = null)
    {
        var u = new Unit { Name = name, ParentId = parentId };
        await app.WithDb(async db =>
        {
            db.Units.Add(u);
            await db.SaveChangesAsync();
            return u.Id;
        });
        return u;
    }

    /// <summary>An enrolled agent with an Agen account (the shared test password, no password change due).</summary>
    public static async Task<SeededAgent> SeedAgentAsync(this AppFactory app, string name, bool acceptedTerms = true,
        Action<Employee>? employee = null, Action<Agent>? agent = null)
    {
        var e = await app.SeedEmployeeAsync(name, employee);
        var email = NextEmail("agen");
        string userId = "";
        await app.WithServices(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = DateTime.UtcNow };
            var result = await users.CreateAsync(user, AppFactory.Password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(x => x.Description)));
            await users.AddToRoleAsync(user, Roles.Agen);
            userId = user.Id;
        });
        var a = new Agent
        {
            EmployeeId = e.Id, UserId = userId, Status = AgentStatus.Active, EnrolledUtc = DateTime.UtcNow.AddDays(-10),
            CodeOfConductAcceptedUtc = acceptedTerms ? DateTime.UtcNow.AddDays(-9) : null,
            DataConsentUtc = acceptedTerms ? DateTime.UtcNow.AddDays(-9) : null,
        };
        agent?.Invoke(a);
        await app.WithDb(async db =>
        {
            db.Agents.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        return new SeededAgent(a.Id, e.Id, userId, email, e.Nip, e.FullName);
    }

    public static async Task<SocialAccount> SeedAccountAsync(this AppFactory app, int agentId, Platform platform, string handle,
        VerificationState state = VerificationState.Pending, DateTime? createdUtc = null, int? followers = 1200)
    {
        var s = new SocialAccount
        {
            AgentId = agentId, Platform = platform, Handle = handle,
            ProfileUrl = ProfileLinks.Parse(platform, ProfileLinks.Example(platform).Replace("namaanda", handle, StringComparison.Ordinal)).Link?.Url ?? "https://example.org/" + handle,
            Kind = AccountKind.Personal, Followers = followers, FollowersAsOf = followers is null ? null : new DateOnly(2026, 1, 5),
            State = state, CreatedUtc = createdUtc ?? DateTime.UtcNow,
        };
        await app.WithDb(async db =>
        {
            db.SocialAccounts.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        return s;
    }

    public static async Task<HttpClient> SignInAsAsync(this AppFactory app, string email, string? password = null)
    {
        var client = app.Client();
        var response = await client.SignInAsync(email, password ?? AppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>An HR officer (returned, so a test knows its id) and a client signed in as them.</summary>
    public static async Task<(AppUser Officer, HttpClient Client)> StaffAsync(this AppFactory app, string role = Roles.Kepegawaian)
    {
        var officer = await app.CreateUserAsync(role);
        return (officer, await app.SignInAsAsync(officer.Email!));
    }

    public static string LocationOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static int Count(string html, string testId) => Regex.Count(html, $"data-testid=\"{Regex.Escape(testId)}\"");

    /// <summary>The inner text of every element carrying the test id, HTML-decoded and trimmed.</summary>
    public static List<string> TextsOf(string html, string testId) =>
        Regex.Matches(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim()).ToList();

    /// <summary>The body of the table on a page (after its tbody), so assertions on order ignore the filters above it.</summary>
    public static string TableBody(string html)
    {
        var i = html.IndexOf("<tbody>", StringComparison.Ordinal);
        return i < 0 ? "" : html[i..];
    }
}
