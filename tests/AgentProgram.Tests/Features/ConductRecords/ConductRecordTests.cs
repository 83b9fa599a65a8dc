using System.Globalization;
using System.Net;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;

namespace AgentProgram.Tests.Features.ConductRecords;

/// <summary>HR's conduct records through the real app: add (agent picked by name or NIP), validation, list filters, revoke, audit.</summary>
public sealed class ConductRecordTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Add = "/catatan-disiplin/tambah";
    private static int _n;

    private static string N() => Interlocked.Increment(ref _n).ToString(CultureInfo.InvariantCulture);

    private static async Task<string> Html(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private Task<List<ConductRecord>> RecordsOf(int agentId) =>
        app.WithDb(db => db.ConductRecords.AsNoTracking().Where(c => c.AgentId == agentId).ToListAsync());

    [Fact]
    public async Task HR_records_a_sanction_for_an_agent_typed_by_NIP_and_it_is_audited()
    {
        var agent = await app.SeedAgentAsync("Budi Disiplin " + N());
        var (officer, client) = await app.StaffAsync(Roles.Kepegawaian);

        var response = await client.PostFormAsync(Add, Add, ("AgentSearch", Web.Domain.Employees.Nip.FormatForDisplay(agent.Nip)), ("Kind", "Disciplinary"),
            ("StartDate", "2026-10-01"), ("EndDate", "2027-03-31"), ("Note", "  SK Wali Kota 800/12/2026  "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/catatan-disiplin", LocationOf(response));
        Assert.DoesNotContain(agent.Nip, LocationOf(response));
        var saved = Assert.Single(await RecordsOf(agent.AgentId));
        Assert.Equal(ConductKind.Disciplinary, saved.Kind);
        Assert.Equal(new DateOnly(2026, 10, 1), saved.StartDate);
        Assert.Equal(new DateOnly(2027, 3, 31), saved.EndDate);
        Assert.Equal("SK Wali Kota 800/12/2026", saved.Note);
        Assert.Equal(officer.Id, saved.RecordedByUserId);
        Assert.True(saved.Overlaps(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));

        var key = saved.Id.ToString(CultureInfo.InvariantCulture);
        var audit = await app.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(ConductRecord) && a.EntityKey == key).ToListAsync());
        var created = Assert.Single(audit);
        Assert.Equal(AuditActions.Created, created.Action);
        Assert.Equal(officer.Id, created.UserId);

        var list = await Html(await client.GetAsync("/catatan-disiplin?q=" + Uri.EscapeDataString(agent.Name[..10])));
        Assert.Contains(agent.Name, TextsOf(list, "conduct-agent"));
        Assert.Contains("Hukuman disiplin", TextsOf(list, "conduct-kind"));
    }

    [Fact]
    public async Task A_name_search_lists_the_matches_to_choose_from_and_the_choice_is_saved()
    {
        var n = N();
        var first = await app.SeedAgentAsync("Siti Netral " + n + " Satu");
        var second = await app.SeedAgentAsync("Siti Netral " + n + " Dua");
        var (_, client) = await app.StaffAsync(Roles.Administrator);

        var search = await Html(await client.PostFormAsync(Add, Add, ("AgentSearch", "Siti Netral " + n), ("Find", "true"), ("Note", "catatan awal")));
        Assert.Equal(1, Count(search, "agent-choices"));
        Assert.Contains($"value=\"{first.AgentId}\"", search);
        Assert.Contains($"value=\"{second.AgentId}\"", search);
        Assert.Contains("catatan awal</textarea>", search);
        Assert.Equal(0, Count(search, "error-Note"));
        Assert.Empty(await RecordsOf(first.AgentId));

        // A name (not a whole NIP) is never taken without a choice.
        var unchosen = await Html(await client.PostFormAsync(Add, Add, ("AgentSearch", "Siti Netral " + n), ("Kind", "Neutrality"), ("StartDate", "2026-11-01"), ("Note", "Kampanye")));
        Assert.Equal(1, Count(unchosen, "error-AgentId"));
        Assert.Empty(await RecordsOf(first.AgentId));
        Assert.Empty(await RecordsOf(second.AgentId));

        var saved = await client.PostFormAsync(Add, Add, ("AgentSearch", "Siti Netral " + n), ("AgentId", second.AgentId.ToString(CultureInfo.InvariantCulture)),
            ("Kind", "Neutrality"), ("StartDate", "2026-11-01"), ("Note", "Ikut kampanye pasangan calon"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var record = Assert.Single(await RecordsOf(second.AgentId));
        Assert.Equal(ConductKind.Neutrality, record.Kind);
        Assert.Null(record.EndDate);
        Assert.Empty(await RecordsOf(first.AgentId));
    }

    [Fact]
    public async Task Invalid_input_is_refused_in_Indonesian_keeping_what_was_typed()
    {
        var agent = await app.SeedAgentAsync("Andi Salah Isi " + N());
        var (_, client) = await app.StaffAsync(Roles.Kepegawaian);
        var id = agent.AgentId.ToString(CultureInfo.InvariantCulture);

        var noNote = await Html(await client.PostFormAsync(Add, Add, ("AgentId", id), ("Kind", "Disciplinary"), ("StartDate", "2026-10-10"), ("EndDate", "2026-10-01"), ("Note", "   ")));
        Assert.Equal(1, Count(noNote, "error-Note"));
        Assert.Contains("Catatan wajib diisi", noNote);
        Assert.Equal(1, Count(noNote, "error-EndDate"));
        Assert.Contains("Tanggal selesai tidak boleh sebelum tanggal mulai.", noNote);
        Assert.Contains("value=\"2026-10-10\"", noNote);
        Assert.Contains($"value=\"{id}\" checked=\"checked\"", noNote);

        var nothing = await Html(await client.PostFormAsync(Add, Add, ("Note", "Tanpa agen")));
        Assert.Equal(1, Count(nothing, "error-AgentId"));
        Assert.Equal(1, Count(nothing, "error-Kind"));
        Assert.Equal(1, Count(nothing, "error-StartDate"));
        Assert.Contains("Tanpa agen</textarea>", nothing);

        var tooLong = await Html(await client.PostFormAsync(Add, Add, ("AgentId", id), ("Kind", "Disciplinary"), ("StartDate", "2026-10-10"), ("Note", new string('x', 1001))));
        Assert.Contains("Catatan paling banyak 1.000 karakter; saat ini 1.001 karakter.", tooLong);

        Assert.Empty(await RecordsOf(agent.AgentId));
    }

    /// <summary>An active neutrality record from 1 September 2026 ("Unggahan dukungan") for the agent.</summary>
    internal static Task<ConductRecord> SeedNeutralityRecordAsync(AppFactory app, int agentId) => app.WithDb(async db =>
    {
        var c = new ConductRecord { AgentId = agentId, Kind = ConductKind.Neutrality, StartDate = new DateOnly(2026, 9, 1), Note = "Unggahan dukungan", RecordedUtc = DateTime.UtcNow };
        db.ConductRecords.Add(c);
        await db.SaveChangesAsync();
        return c;
    });

    [Fact]
    public async Task A_revoke_needs_a_reason_keeps_the_record_and_is_audited()
    {
        var agent = await app.SeedAgentAsync("Rina Dicabut " + N());
        var record = await SeedNeutralityRecordAsync(app, agent.AgentId);
        var (officer, client) = await app.StaffAsync(Roles.Kepegawaian);
        var url = $"/catatan-disiplin/{record.Id}/cabut";

        var confirm = await Html(await client.GetAsync(url));
        Assert.Contains("data-confirm=", confirm);
        Assert.Contains("Unggahan dukungan", confirm);

        var noReason = await Html(await client.PostFormAsync(url, url, ("Reason", " "), ("Version", "0")));
        Assert.Equal(1, Count(noReason, "error-Reason"));
        Assert.Null((await RecordsOf(agent.AgentId)).Single().RevokedUtc);

        var done = await client.PostFormAsync(url, url, ("Reason", "Putusan banding membatalkan sanksi"), ("Version", "0"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var revoked = Assert.Single(await RecordsOf(agent.AgentId));
        Assert.NotNull(revoked.RevokedUtc);
        Assert.Equal(officer.Id, revoked.RevokedByUserId);
        Assert.Equal("Putusan banding membatalkan sanksi", revoked.RevokeReason);
        Assert.False(revoked.Overlaps(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30)));

        var key = record.Id.ToString(CultureInfo.InvariantCulture);
        var updated = await app.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(ConductRecord) && a.EntityKey == key && a.Action == AuditActions.Updated).ToListAsync());
        Assert.Contains(updated, e => e.UserId == officer.Id && e.Changes!.Contains("RevokeReason", StringComparison.Ordinal));

        // Revoked once only; the list filters by status.
        var again = await Html(await client.GetAsync(url));
        Assert.Contains("Catatan ini sudah dicabut.", again);
        var active = await Html(await client.GetAsync("/catatan-disiplin?status=aktif&q=" + Uri.EscapeDataString(agent.Name)));
        Assert.Equal(0, Count(active, "conduct-row"));
        var gone = await Html(await client.GetAsync("/catatan-disiplin?status=dicabut&jenis=netralitas&q=" + Uri.EscapeDataString(agent.Name)));
        Assert.Equal(1, Count(gone, "conduct-row"));
        Assert.Contains("Dicabut", TextsOf(gone, "conduct-status").Single());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/catatan-disiplin/987654/cabut")).StatusCode);
    }

    [Fact]
    public async Task The_list_pages_and_filters_by_kind()
    {
        var n = N();
        var agent = await app.SeedAgentAsync("Pager Catatan " + n);
        await app.WithDb(async db =>
        {
            for (var i = 0; i < 27; i++)
                db.ConductRecords.Add(new ConductRecord
                {
                    AgentId = agent.AgentId, Kind = i % 3 == 0 ? ConductKind.Neutrality : ConductKind.Disciplinary,
                    StartDate = new DateOnly(2026, 1, 1).AddDays(i), Note = "Catatan " + i, RecordedUtc = DateTime.UtcNow,
                });
            return await db.SaveChangesAsync();
        });
        var (_, client) = await app.StaffAsync(Roles.Kepegawaian);
        var q = Uri.EscapeDataString("Pager Catatan " + n);

        var page1 = await Html(await client.GetAsync("/catatan-disiplin?q=" + q));
        Assert.Equal(25, Count(page1, "conduct-row"));
        Assert.Contains("Halaman 1 dari 2", page1);
        var page2 = await Html(await client.GetAsync("/catatan-disiplin?q=" + q + "&hal=2"));
        Assert.Equal(2, Count(page2, "conduct-row"));
        var neutral = await Html(await client.GetAsync("/catatan-disiplin?jenis=netralitas&q=" + q));
        Assert.Equal(9, Count(neutral, "conduct-row"));
        Assert.All(TextsOf(neutral, "conduct-kind"), k => Assert.Equal("Pelanggaran netralitas atau etika", k));
    }
}
