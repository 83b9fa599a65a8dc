using System.Net;
using AgentProgram.Tests.Infrastructure;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Clicks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.TrackedLinks;

/// <summary>A queue of 5 that never waits: almost every click of a burst takes the write-through path, and none is lost.</summary>
public sealed class TinyQueueAppFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Clicks:QueueCapacity"] = "5",
        ["Clicks:FullQueueWaitMilliseconds"] = "0",
        ["Clicks:BatchSize"] = "2",
    };
}

public sealed class ClickQueueOverflowTests(TinyQueueAppFactory app) : IClassFixture<TinyQueueAppFactory>
{
    [Fact]
    public async Task A_full_queue_writes_through_and_loses_nothing()
    {
        var agent = await TrackedLinkSeed.AgentAsync(app, "Dewi Kusuma", null);
        var message = await TrackedLinkSeed.MessageAsync(app, "Hari Jadi Kota");
        var token = (await TrackedLinkSeed.LinksAsync(app, message, agent.AgentId, Platform.Facebook))[Platform.Facebook];
        var client = app.Client();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => Task.Run(async () =>
        {
            using var response = await client.GetAsync("/s/" + token);
            return response.StatusCode;
        })));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        await app.Services.GetRequiredService<ClickRecorder>().FlushAsync();
        var id = await TrackedLinkSeed.TrackedLinkIdAsync(app, token);
        Assert.Equal(300, await app.WithDb(db => db.LinkClicks.CountAsync(c => c.TrackedLinkId == id)));
    }
}
