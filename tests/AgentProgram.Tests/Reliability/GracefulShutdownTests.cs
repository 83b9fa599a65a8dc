using System.Net;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Clicks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentProgram.Tests.Reliability;

/// <summary>Stopping an instance (a deploy, the balancer draining it) writes every click it accepted before it exits.</summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentprogram-shutdown", Guid.NewGuid().ToString("N"));

    public GracefulShutdownTests() => Directory.CreateDirectory(_dir);

    private string Database => Path.Combine(_dir, "shared.db");

    private long Scalar(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Database};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public async Task Stopping_the_host_writes_out_the_queued_clicks_before_it_returns()
    {
        const int Clicks = 40;
        using var app = new AppInstance(_dir);
        var agent = await app.SeedAgentAsync("Agen Klik Henti");
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Klik Henti");
        var token = (await TrackedLinkSeed.LinksAsync(app, messageId, agent.AgentId, Platform.X))[Platform.X];
        var recorder = app.Services.GetRequiredService<ClickRecorder>();
        using var balancer = new LoadBalancer();
        var client = balancer.To(app);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/s/{token}")).StatusCode);
        await recorder.FlushAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM LinkClicks"));

        // Another writer holds the database: the clicks wait in the recorder's queue (or its blocked batch).
        await using var holder = new SqliteConnection($"Data Source={Database};Pooling=False");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }
        for (var i = 0; i < Clicks; i++)
        {
            balancer.ClientAddress = $"198.51.100.{i + 1}";
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/s/{token}")).StatusCode);
        }
        Assert.Equal(Clicks, recorder.Pending);

        // Stop the host (as SIGTERM does) while the clicks cannot be written yet, then let the writer through.
        var stopping = app.Services.GetRequiredService<IHost>().StopAsync();
        await using (var commit = holder.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        // Everything accepted is in the database the moment the stop returned.
        Assert.Equal(0, recorder.Pending);
        Assert.Equal(1 + Clicks, Scalar("SELECT COUNT(*) FROM LinkClicks"));
        Assert.Equal(1 + Clicks, Scalar("SELECT COUNT(DISTINCT VisitorHash) FROM LinkClicks"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
