using System.Globalization;
using System.Net;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using static AgentProgram.Tests.Features.Messages.MessageTestKit;

namespace AgentProgram.Tests.Features.Messages;

/// <summary>A message taken from another unit names that unit (or, from another institution, the source note).</summary>
public sealed class MessageSourceUnitTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Another_units_message_needs_the_unit_or_a_note_and_shows_the_unit()
    {
        var unit = await app.SeedUnitAsync("Dinas Kesehatan Sumber");
        var (_, client) = await app.UserAsync(false, Roles.Humas);

        var missing = await client.PostFormAsync("/pesan/baru", "/pesan/baru",
            DraftFields("Pesan Unit Lain Tanpa Asal", ("Source", nameof(MessageSource.OtherUnit))));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Pilih unit kerja asal pesan", await HtmlOf(missing));

        var id = await client.CreateDraftAsync("Pesan Dinas Kesehatan",
            ("Source", nameof(MessageSource.OtherUnit)), ("SourceUnitId", unit.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(unit.Id, (await app.MessageAsync(id)).SourceUnitId);
        Assert.Contains("Dinas Kesehatan Sumber", AgentTestKit.TextsOf(await client.GetHtmlAsync($"/pesan/{id}"), "message-source").Single());

        // Another institution: a note is enough; an own-unit message keeps no source unit.
        var other = await client.CreateDraftAsync("Pesan Kementerian", ("Source", nameof(MessageSource.OtherUnit)), ("SourceNote", "Kementerian Kesehatan"));
        Assert.Null((await app.MessageAsync(other)).SourceUnitId);
        var own = await client.CreateDraftAsync("Pesan Sendiri", ("SourceUnitId", unit.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Null((await app.MessageAsync(own)).SourceUnitId);
    }
}
