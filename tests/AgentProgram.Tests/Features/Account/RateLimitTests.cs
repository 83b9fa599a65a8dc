using System.Net;

namespace AgentProgram.Tests.Features.Account;

/// <summary>Sign-in attempts are limited per client address, on top of the per-account lockout.</summary>
public sealed class RateLimitTests(RateLimitTests.StrictFactory app) : IClassFixture<RateLimitTests.StrictFactory>
{
    public sealed class StrictFactory : AppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinutePerIp"] = "3" };
    }

    [Fact]
    public async Task The_fourth_attempt_in_a_minute_from_one_address_is_refused_even_for_other_accounts()
    {
        var client = app.Client();
        for (var i = 0; i < 3; i++)
        {
            var r = await client.SignInAsync($"orang{i}@uji.test", "salah-salah-salah-salah");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        var user = await app.CreateUserAsync("Agen");
        var limited = await client.SignInAsync(user.Email!, AppFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Terlalu banyak percobaan", await limited.Content.ReadAsStringAsync());
    }
}
