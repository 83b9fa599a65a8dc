using System.Globalization;
using System.Net;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Assignments;

/// <summary>Assigning a message: targets, overlap, due date, eligibility, notifications, publication and audit.</summary>
public sealed class AssignmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");

    public static string LocalInput(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Wib).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static (string, string)[] Fields(DateTime dueUtc, bool confirmed, int[]? units = null, bool subUnits = true, string? nips = null, bool all = false)
    {
        var f = new List<(string, string)> { ("Due", LocalInput(dueUtc)), ("IncludeSubUnits", subUnits ? "true" : "false") };
        foreach (var u in units ?? []) f.Add(("UnitIds", u.ToString(CultureInfo.InvariantCulture)));
        if (nips is not null) f.Add(("AgentNips", nips));
        if (all) f.Add(("AllAgents", "true"));
        if (confirmed) f.Add(("Confirmed", "true"));
        return [.. f];
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient humas, int messageId, params (string, string)[] fields) =>
        humas.PostFormAsync($"/pesan/{messageId}/tugaskan", $"/pesan/{messageId}/tugaskan", fields);

    private async Task<(int Parent, int Child, SeededAgent InParent, SeededAgent InChild, SeededAgent Elsewhere)> TreeAsync(string tag)
    {
        var parent = await app.SeedUnitAsync("Dinas " + tag);
        var child = await app.SeedUnitAsync("Bidang " + tag, parent.Id);
        var other = await app.SeedUnitAsync("Kantor lain " + tag);
        var a = await app.SeedAgentAsync("Agen induk " + tag, employee: e => e.UnitId = parent.Id);
        var b = await app.SeedAgentAsync("Agen bidang " + tag, employee: e => e.UnitId = child.Id);
        var c = await app.SeedAgentAsync("Agen lain " + tag, employee: e => e.UnitId = other.Id);
        return (parent.Id, child.Id, a, b, c);
    }

    [Fact]
    public async Task Preview_counts_then_confirm_assigns_each_agent_once_notifies_publishes_and_audits()
    {
        var t = await TreeAsync("A");
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Vaksinasi gratis A", MessageStatus.Approved);
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        var due = DateTime.UtcNow.AddDays(2);

        // The unit with its sub-unit, plus the child agent again and the other agent by NIP: overlapping targets.
        var nips = t.InChild.Nip + "\n" + t.Elsewhere.Nip + "\n" + t.InChild.Nip;
        var preview = await PostAsync(humas, messageId, Fields(due, confirmed: false, [t.Parent], nips: nips));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await MessagesHtml(preview);
        Assert.Contains("mencakup 3 agen aktif: 3 penugasan baru, 0 sudah", html);
        Assert.Equal(0, await app.WithDb(db => db.Assignments.CountAsync(a => a.MessageId == messageId)));
        Assert.Contains(t.Elsewhere.Nip, html); // the typed list is kept in the form

        var done = await PostAsync(humas, messageId, Fields(due, confirmed: true, [t.Parent], nips: nips));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var assigned = await app.WithDb(db => db.Assignments.AsNoTracking().Where(a => a.MessageId == messageId).ToListAsync());
        Assert.Equal(new[] { t.InParent.AgentId, t.InChild.AgentId, t.Elsewhere.AgentId }.Order(), assigned.Select(a => a.AgentId).Order());
        Assert.All(assigned, a => Assert.Equal(due, a.DueUtc, TimeSpan.FromMinutes(1)));

        var notes = await app.WithDb(db => db.Notifications.AsNoTracking().Where(n => n.Text == "Vaksinasi gratis A").ToListAsync());
        Assert.Equal(new[] { t.InParent.UserId, t.InChild.UserId, t.Elsewhere.UserId }.Order(), notes.Select(n => n.UserId).Order());
        Assert.All(notes, n => Assert.Equal(NotificationKind.NewAssignment, n.Kind));

        var m = await app.WithDb(db => db.PolicyMessages.AsNoTracking().SingleAsync(x => x.Id == messageId));
        Assert.Equal(MessageStatus.Published, m.Status);
        var key = messageId.ToString(CultureInfo.InvariantCulture);
        var audit = await app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityKey == key && e.EntityType == "PolicyMessage").Select(e => e.Action).ToListAsync());
        Assert.Contains("MessageAssigned", audit);
        Assert.Contains("MessagePublished", audit);

        // Again with a target that overlaps: only the agent not yet assigned is added.
        var late = await app.SeedAgentAsync("Agen baru A", employee: e => e.UnitId = t.Child);
        var again = await PostAsync(humas, messageId, Fields(due, confirmed: false, [t.Parent]));
        Assert.Contains("mencakup 3 agen aktif: 1 penugasan baru, 2 sudah", await MessagesHtml(again));
        await PostAsync(humas, messageId, Fields(due, confirmed: true, [t.Parent]));
        Assert.Equal(4, await app.WithDb(db => db.Assignments.CountAsync(a => a.MessageId == messageId)));
        Assert.True(await app.WithDb(db => db.Assignments.AnyAsync(a => a.MessageId == messageId && a.AgentId == late.AgentId)));

        // Nothing new left: a clear refusal, nothing written.
        var none = await PostAsync(humas, messageId, Fields(due, confirmed: true, [t.Parent]));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("sudah menerima pesan ini. Tidak ada penugasan baru", await MessagesHtml(none));
    }

    [Fact]
    public async Task Unit_without_sub_units_leaves_the_child_out()
    {
        var t = await TreeAsync("B");
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan B", MessageStatus.Published);
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        await PostAsync(humas, messageId, Fields(DateTime.UtcNow.AddDays(1), confirmed: true, [t.Parent], subUnits: false));
        var ids = await app.WithDb(db => db.Assignments.Where(a => a.MessageId == messageId).Select(a => a.AgentId).ToListAsync());
        Assert.Equal([t.InParent.AgentId], ids);
    }

    [Fact]
    public async Task Suspended_and_ineligible_agents_are_not_assigned()
    {
        var unit = await app.SeedUnitAsync("Dinas C");
        var ok = await app.SeedAgentAsync("Agen aktif C", employee: e => e.UnitId = unit.Id);
        await app.SeedAgentAsync("Agen ditangguhkan C", employee: e => e.UnitId = unit.Id, agent: a => a.Status = AgentStatus.Suspended);
        await app.SeedAgentAsync("Agen cuti C", employee: e => { e.UnitId = unit.Id; e.LegalStatus = LegalStatus.Cltn; });
        await app.SeedAgentAsync("Agen PPPK habis C", employee: e =>
        {
            e.UnitId = unit.Id;
            e.EmploymentType = EmploymentType.Pppk;
            e.ContractStart = new DateOnly(2020, 1, 1);
            e.ContractEnd = new DateOnly(2021, 1, 1);
        });
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan C", MessageStatus.Published);
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        await PostAsync(humas, messageId, Fields(DateTime.UtcNow.AddDays(1), confirmed: true, [unit.Id]));
        var ids = await app.WithDb(db => db.Assignments.Where(a => a.MessageId == messageId).Select(a => a.AgentId).ToListAsync());
        Assert.Equal([ok.AgentId], ids);
    }

    [Fact]
    public async Task Due_date_outside_the_window_unknown_nip_and_draft_are_refused_and_keep_the_input()
    {
        var unit = await app.SeedUnitAsync("Dinas D");
        await app.SeedAgentAsync("Agen D", employee: e => e.UnitId = unit.Id);
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan D", MessageStatus.Published);
        var (_, humas) = await app.StaffAsync(Roles.Humas);

        var late = await PostAsync(humas, messageId, Fields(DateTime.UtcNow.AddDays(30), confirmed: true, [unit.Id]));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var lateHtml = await MessagesHtml(late);
        Assert.Contains("is-invalid", lateHtml);
        Assert.Contains(LocalInput(DateTime.UtcNow.AddDays(30))[..10], lateHtml);

        const string Unknown = "199001012020011999";
        var unknown = await PostAsync(humas, messageId, Fields(DateTime.UtcNow.AddDays(1), confirmed: true, nips: Unknown + "\n12345"));
        var unknownHtml = await MessagesHtml(unknown);
        Assert.Contains("NIP harus 18 digit angka", unknownHtml);
        Assert.Contains("12345", unknownHtml);
        var unknown2 = await PostAsync(humas, messageId, Fields(DateTime.UtcNow.AddDays(1), confirmed: true, nips: Unknown));
        Assert.Contains("1 NIP bukan agen terdaftar: " + Unknown, await MessagesHtml(unknown2));

        var empty = await PostAsync(humas, messageId, Fields(DateTime.UtcNow.AddDays(1), confirmed: true));
        Assert.Contains("Pilih sasaran", await MessagesHtml(empty));

        var draft = await TrackedLinkSeed.MessageAsync(app, "Draf D", MessageStatus.Draft);
        var refused = await PostAsync(humas, draft, Fields(DateTime.UtcNow.AddDays(1), confirmed: true, [unit.Id]));
        Assert.Contains("Hanya pesan yang sudah disetujui atau diterbitkan", await MessagesHtml(refused));
        Assert.Equal(0, await app.WithDb(db => db.Assignments.CountAsync(a => a.MessageId == messageId || a.MessageId == draft)));
    }

    private static async Task<string> MessagesHtml(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
}
