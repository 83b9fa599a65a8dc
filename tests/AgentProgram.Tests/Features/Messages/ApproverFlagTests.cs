using System.Net;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Messages.MessageTestKit;

namespace AgentProgram.Tests.Features.Messages;

public sealed class ApproverFlagTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_administrator_allows_a_humas_officer_to_approve_and_that_officer_then_can()
    {
        var (officer, officerClient) = await app.UserAsync(false, Roles.Humas);
        var (_, author) = await app.UserAsync(false, Roles.Humas);
        var id = await author.CreateDraftAsync("Bendera Penyetuju");
        await author.SubmitAsync(id);
        Assert.Contains(PolicyMessageTexts.NotApprover, await HtmlOf(await officerClient.ActAsync(id, "setujui")));

        var (_, admin) = await app.UserAsync(false, Roles.Administrator);
        var page = $"/admin/pengguna/{officer.Id}";
        Assert.Contains("Boleh menyetujui pesan kebijakan", await admin.GetHtmlAsync(page));
        var saved = await admin.PostFormAsync(page, page, ("DisplayName", officer.DisplayName), ("Roles", Roles.Humas), ("CanApproveMessages", "true"),
            ("Snapshot", await Features.Admin.AdminTestKit.UserFormSnapshotAsync(admin, page)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await app.WithDb(db => db.Users.Where(u => u.Id == officer.Id).Select(u => u.CanApproveMessages).SingleAsync()));
        Assert.Contains("CanApproveMessages", await app.WithDb(db => db.AuditEntries.Where(e => e.EntityKey == officer.Id).Select(e => e.Changes).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await officerClient.ActAsync(id, "setujui")).StatusCode);
        Assert.Equal(MessageStatus.Approved, (await app.MessageAsync(id)).Status);
    }
}
