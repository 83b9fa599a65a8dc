using System.Net;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Messages.MessageTestKit;

namespace AgentProgram.Tests.Features.Messages;

public sealed class MessageWorkflowTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Submit_requires_the_three_checklist_statements()
    {
        var (_, author) = await app.UserAsync(false, Roles.Humas);
        var id = await author.CreateDraftAsync("Ajukan Tanpa Centang");

        var refused = await author.ActAsync(id, "ajukan", ("ChecklistSources", "true"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await HtmlOf(refused);
        Assert.DoesNotContain(PolicyMessageTexts.ChecklistSourcesMissing, html);
        Assert.Contains(PolicyMessageTexts.ChecklistNoHoaxMissing, html);
        Assert.Contains(PolicyMessageTexts.ChecklistNoPartisanMissing, html);
        Assert.Equal(MessageStatus.Draft, (await app.MessageAsync(id)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync(id)).StatusCode);
        var m = await app.MessageAsync(id);
        Assert.Equal(MessageStatus.Submitted, m.Status);
        var r = Assert.Single(m.Revisions);
        Assert.True(r.ChecklistSourcesVerified && r.ChecklistNoHoaxSlanderSara && r.ChecklistNoPartisanContent);
        Assert.Equal(["MessageCreated", "MessageSubmitted"], await app.AuditActionsAsync(id));
        Assert.Contains($"href=\"/pesan/{id}\"", await author.GetHtmlAsync("/pesan?antrean=1"));
    }

    [Fact]
    public async Task Approval_is_refused_to_the_author_even_a_pimpinan_and_to_a_humas_without_the_flag()
    {
        var (_, pimpinanAuthor) = await app.UserAsync(false, Roles.Humas, Roles.Pimpinan);
        var id = await pimpinanAuthor.CreateDraftAsync("Setujui Sendiri");
        Assert.Equal(HttpStatusCode.Redirect, (await pimpinanAuthor.SubmitAsync(id)).StatusCode);

        var self = await pimpinanAuthor.ActAsync(id, "setujui");
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains(PolicyMessageTexts.SelfApproval, await HtmlOf(self));

        var (_, plainHumas) = await app.UserAsync(false, Roles.Humas);
        var notApprover = await plainHumas.ActAsync(id, "setujui");
        Assert.Contains(PolicyMessageTexts.NotApprover, await HtmlOf(notApprover));
        Assert.Equal(MessageStatus.Submitted, (await app.MessageAsync(id)).Status);

        var (approverUser, approver) = await app.UserAsync(true, Roles.Humas);
        Assert.Equal(HttpStatusCode.Redirect, (await approver.ActAsync(id, "setujui")).StatusCode);
        var m = await app.MessageAsync(id);
        Assert.Equal(MessageStatus.Approved, m.Status);
        Assert.Equal(m.CurrentRevisionId, m.ApprovedRevisionId);
        Assert.Equal(approverUser.Id, Assert.Single(m.Revisions).ApprovedByUserId);
    }

    [Fact]
    public async Task Another_pimpinan_approves_then_the_message_is_published_and_closed_with_every_step_audited()
    {
        var (_, author) = await app.UserAsync(false, Roles.Humas);
        var id = await author.CreateDraftAsync("Siklus Lengkap");
        await author.SubmitAsync(id);
        var (_, pimpinan) = await app.UserAsync(false, Roles.Pimpinan);

        Assert.Equal(HttpStatusCode.Redirect, (await pimpinan.ActAsync(id, "setujui")).StatusCode);
        Assert.Equal(MessageStatus.Approved, (await app.MessageAsync(id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await author.ActAsync(id, "terbitkan")).StatusCode);
        var published = await app.MessageAsync(id);
        Assert.Equal(MessageStatus.Published, published.Status);
        Assert.NotNull(published.PublishedUtc);
        Assert.Equal(HttpStatusCode.Redirect, (await pimpinan.ActAsync(id, "tutup")).StatusCode);
        var closed = await app.MessageAsync(id);
        Assert.Equal(MessageStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedUtc);

        Assert.Equal(["MessageCreated", "MessageSubmitted", "MessageApproved", "MessagePublished", "MessageClosed"], await app.AuditActionsAsync(id));
        var html = WebUtility.HtmlDecode(await author.GetHtmlAsync($"/pesan/{id}"));
        Assert.Contains("data-action=\"MessageApproved\"", html);
        Assert.Contains("Ditutup", html);

        var again = await author.ActAsync(id, "terbitkan");
        Assert.Contains(PolicyMessageTexts.PublishWrongStatus, await HtmlOf(again));
    }

    [Fact]
    public async Task Withdraw_needs_a_reason()
    {
        var (_, author) = await app.UserAsync(false, Roles.Humas);
        var id = await author.CreateDraftAsync("Tarik Pesan");

        var refused = await author.ActAsync(id, "tarik", ("Reason", "   "));
        Assert.Contains(PolicyMessageTexts.WithdrawReasonRequired, await HtmlOf(refused));
        Assert.Equal(MessageStatus.Draft, (await app.MessageAsync(id)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await author.ActAsync(id, "tarik", ("Reason", "Kebijakan dibatalkan."))).StatusCode);
        var m = await app.MessageAsync(id);
        Assert.Equal(MessageStatus.Withdrawn, m.Status);
        Assert.Equal("Kebijakan dibatalkan.", m.WithdrawnReason);
        var detail = await app.WithDb(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "MessageWithdrawn" && e.EntityKey == id.ToString()));
        Assert.Contains("Kebijakan dibatalkan.", detail.Changes);
    }

    [Fact]
    public async Task Editing_an_approved_message_makes_revision_2_for_approval_while_agents_keep_revision_1()
    {
        var (_, author) = await app.UserAsync(false, Roles.Humas);
        var id = await author.CreateDraftAsync("Revisi Pesan");
        await author.SubmitAsync(id);
        var (_, pimpinan) = await app.UserAsync(false, Roles.Pimpinan);
        await pimpinan.ActAsync(id, "setujui");
        await author.ActAsync(id, "terbitkan");
        var before = await app.MessageAsync(id);
        var rev1 = Assert.Single(before.Revisions).Id;

        // Without the checklist the new revision cannot be submitted.
        var noChecklist = await author.PostFormAsync($"/pesan/{id}/ubah", $"/pesan/{id}/ubah",
            DraftFields("Revisi Pesan", ("KeyMessage", "Isi baru."), ("Version", before.Version.ToString())));
        Assert.Equal(HttpStatusCode.OK, noChecklist.StatusCode);
        Assert.Contains(PolicyMessageTexts.ChecklistNoPartisanMissing, await HtmlOf(noChecklist));

        var edited = await author.PostFormAsync($"/pesan/{id}/ubah", $"/pesan/{id}/ubah",
            DraftFields("Revisi Pesan", ("KeyMessage", "Isi baru."), ("Version", before.Version.ToString()),
                ("ChecklistSources", "true"), ("ChecklistNoHoax", "true"), ("ChecklistNoPartisan", "true")));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var pending = await app.MessageAsync(id);
        Assert.Equal(MessageStatus.Submitted, pending.Status);
        Assert.Equal(2, pending.Revisions.Count);
        var rev2 = pending.Revisions.Single(r => r.Number == 2);
        Assert.Equal(rev2.Id, pending.CurrentRevisionId);
        Assert.Equal(rev1, pending.ApprovedRevisionId);
        Assert.Equal("Isi baru.", rev2.KeyMessage);
        Assert.Equal(2, await app.WithDb(db => db.CaptionVariants.CountAsync(c => c.RevisionId == rev2.Id)));
        var html = WebUtility.HtmlDecode(await pimpinan.GetHtmlAsync($"/pesan/{id}"));
        Assert.Contains("Versi yang sedang dibagikan agen (revisi 1)", html);

        Assert.Equal(HttpStatusCode.Redirect, (await pimpinan.ActAsync(id, "setujui")).StatusCode);
        var approved = await app.MessageAsync(id);
        Assert.Equal(rev2.Id, approved.ApprovedRevisionId);
        Assert.Equal(MessageStatus.Published, approved.Status);   // it was published before: no second publish step
        Assert.Equal(["MessageCreated", "MessageSubmitted", "MessageApproved", "MessagePublished", "MessageRevisionCreated", "MessageApproved"],
            await app.AuditActionsAsync(id));
    }
}
