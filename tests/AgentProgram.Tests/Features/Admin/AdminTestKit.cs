using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Admin;

/// <summary>Small helpers shared by the user-management tests.</summary>
public static partial class AdminTestKit
{
    [GeneratedRegex("data-testid=\"temp-password\">([^<]+)<")]
    private static partial Regex TempPasswordPattern();

    [GeneratedRegex("data-testid=\"user-row\"")]
    private static partial Regex UserRowPattern();

    public static string TemporaryPasswordIn(string html)
    {
        var m = TempPasswordPattern().Match(html);
        Assert.True(m.Success, "No temporary password on the page.");
        return WebUtility.HtmlDecode(m.Groups[1].Value.Trim());
    }

    public static int UserRows(string html) => UserRowPattern().Count(html);

    /// <summary>The sealed starting values a user's edit page carries: its conflict check refuses a save without them.</summary>
    public static async Task<string> UserFormSnapshotAsync(this HttpClient client, string page)
    {
        var m = Regex.Match(await client.GetHtmlAsync(page), "name=\"Snapshot\" value=\"([^\"]*)\"");
        Assert.True(m.Success, "No snapshot on the user's edit page.");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>An administrator (returned, so a test knows its own id) and a client signed in as them.</summary>
    public static async Task<(AppUser Admin, HttpClient Client)> AdminAsync(this AppFactory app)
    {
        var admin = await app.CreateUserAsync(Roles.Administrator);
        var client = app.Client();
        var response = await client.SignInAsync(admin.Email!, AppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (admin, client);
    }

    /// <summary>A user with a chosen name and email (the fixture's own helper numbers them).</summary>
    public static async Task<AppUser> CreateNamedAsync(this AppFactory app, string name, string email, bool active = true, DateTime? lastSignInUtc = null, params string[] roles)
    {
        AppUser? user = null;
        await app.WithServices(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsActive = active,
                CreatedUtc = DateTime.UtcNow, LastSignInUtc = lastSignInUtc,
            };
            var result = await users.CreateAsync(user, AppFactory.Password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            if (roles.Length > 0) await users.AddToRolesAsync(user, roles);
        });
        return user!;
    }

    public static string DetailUrl(AppUser user) => "/admin/pengguna/" + user.Id;

    /// <summary>A redirect's target as a local path and query, whether the header is absolute or relative.</summary>
    public static string LocationOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
