using System.Net;
using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static AgentProgram.Tests.Features.Admin.AdminTestKit;

namespace AgentProgram.Tests.Features.Admin;

/// <summary>The app checks the security stamp every five minutes; here on every request, so the test needs no clock.</summary>
public sealed class StampCheckedEveryRequestFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
    }
}

public sealed class DeactivationEndsSessionsTests(StampCheckedEveryRequestFactory app) : IClassFixture<StampCheckedEveryRequestFactory>
{
    [Fact]
    public async Task Deactivating_an_account_ends_its_open_sessions_at_the_next_stamp_check()
    {
        var (_, admin) = await app.AdminAsync();
        var target = await app.CreateUserAsync(Roles.Agen);
        var session = app.Client();
        await session.SignInAsync(target.Email!, AppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode); // checking alone does not sign anyone out

        var response = await admin.PostFormAsync(DetailUrl(target), DetailUrl(target) + "/nonaktifkan", ("Reason", "Akun disalahgunakan"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/akun/masuk", LocationOf(after));
    }
}
