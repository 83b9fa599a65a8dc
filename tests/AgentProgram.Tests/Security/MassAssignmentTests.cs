using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.Assignments;
using AgentProgram.Tests.Features.Messages;
using AgentProgram.Tests.Features.ShareVerification;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Security;

/// <summary>
/// Mass assignment: each form is posted twice, once as the browser sends it and once with extra fields naming
/// what the form must not set (owner, state, amounts, verification, version, authorship…). The two rows it
/// creates are compared column by column: apart from identity, time and the fields that must differ between
/// two posts, they are the same, so the extra fields changed nothing.
/// </summary>
public sealed class MassAssignmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly (string, string)[] Hostile =
    [
        ("Id", "777"), ("AgentId", "1"), ("UserId", "x"), ("OwnerId", "x"), ("State", "Verified"), ("State", "2"), ("Status", "Published"), ("Status", "3"),
        ("Version", "99"), ("Verified", "true"), ("IsVerified", "true"), ("VerifiedUtc", "2026-01-01"), ("VerifiedByUserId", "x"), ("ReviewedByUserId", "x"),
        ("ReviewedUtc", "2026-01-01"), ("Flags", "0"), ("Score", "1000"), ("Points", "1000"), ("IncentiveAmount", "99000000"), ("Amount", "99000000"),
        ("FollowersAtSubmission", "9999999"), ("CreatedBy", "x"), ("CreatedByUserId", "x"), ("AuthorUserId", "x"), ("ApprovedByUserId", "x"),
        ("ApprovedUtc", "2026-01-01"), ("ApprovedRevisionId", "1"), ("CurrentRevisionId", "1"), ("PublishedUtc", "2026-01-01"), ("CreatedUtc", "2000-01-01"),
        ("ResolvedByUserId", "x"), ("RoutedUnitId", "1"), ("ResolutionNote", "sudah"), ("MessageId", "1"), ("ReportId", "1"), ("CorrectionCount", "-5"),
        ("ClaimKey", "x:status:1"), ("DecisionReason", "boleh"), ("Kind", "Official"), ("CanApproveMessages", "true"), ("Roles", "Administrator"),
    ];

    private static readonly HashSet<string> AlwaysDiffer = new(StringComparer.Ordinal)
    {
        "Id", "CreatedUtc", "UpdatedUtc", "SubmittedUtc", "RecordedUtc", "UploadedUtc", "SubmissionKey", "ConcurrencyStamp", "RowVersion",
    };

    private static async Task<Dictionary<string, object?>> RowAsync(AppFactory app, string table, long id)
    {
        var cs = await app.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"Id\" = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"{table} {id} not found");
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }

    /// <summary>Asserts that the rows are the same apart from the named columns (and identity and time).</summary>
    private static void SameApartFrom(Dictionary<string, object?> clean, Dictionary<string, object?> withExtras, params string[] mayDiffer)
    {
        var differ = clean.Keys.Where(k => !AlwaysDiffer.Contains(k) && !mayDiffer.Contains(k) && !Equals(clean[k], withExtras[k]))
            .Select(k => $"{k}: {clean[k] ?? "null"} -> {withExtras[k] ?? "null"}").ToList();
        Assert.True(differ.Count == 0, "Extra fields changed: " + string.Join("; ", differ));
    }

    /// <summary>The form with every hostile extra field, less the names of route parameters (a form field of that name takes the route value's place: see the test below).</summary>
    private static (string, string)[] With((string, string)[] fields, params string[] routeParameters) =>
        [.. fields, .. Hostile.Where(h => !routeParameters.Contains(h.Item1, StringComparer.OrdinalIgnoreCase))];

    [Fact]
    public async Task A_new_social_account_takes_no_owner_state_or_verification_from_the_post()
    {
        var agent = await app.SeedAgentAsync("Agen Pengikut Palsu");
        var other = await app.SeedAgentAsync("Agen Lain Massal");
        var client = await app.SignInAsAsync(agent.Email);
        (string, string)[] Fields(string handle) =>
        [
            ("Platform", "Instagram"), ("Handle", handle), ("ProfileUrl", "https://www.instagram.com/" + handle), ("Kind", "Personal"),
            ("Followers", "250"), ("FollowersAsOf", "2026-11-01"), ("Consent", "true"),
        ];
        var clean = await client.PostFormAsync("/agen/akun-media-sosial/baru", "/agen/akun-media-sosial/baru", Fields("akunbersih"));
        Assert.Equal(HttpStatusCode.Redirect, clean.StatusCode);
        var hostile = With(Fields("akunnakal")).Select(f => f.Item1 == "AgentId" ? (f.Item1, other.AgentId.ToString(CultureInfo.InvariantCulture)) : f).ToArray();
        var dirty = await client.PostFormAsync("/agen/akun-media-sosial/baru", "/agen/akun-media-sosial/baru", hostile);
        Assert.Equal(HttpStatusCode.Redirect, dirty.StatusCode);

        var ids = await app.WithDb(db => db.SocialAccounts.AsNoTracking().Where(s => s.AgentId == agent.AgentId).OrderBy(s => s.Id).Select(s => new { s.Id, s.State }).ToListAsync());
        Assert.Equal(2, ids.Count);
        Assert.All(ids, s => Assert.Equal(VerificationState.Pending, s.State));
        Assert.Equal(0, await app.WithDb(db => db.SocialAccounts.CountAsync(s => s.AgentId == other.AgentId)));
        SameApartFrom(await RowAsync(app, "SocialAccounts", ids[0].Id), await RowAsync(app, "SocialAccounts", ids[1].Id), "Handle", "ProfileUrl");
    }

    [Fact]
    public async Task A_share_report_takes_no_state_owner_reach_or_review_from_the_post()
    {
        var agent = await app.SeedAgentAsync("Agen Lapor Massal");
        var other = await app.SeedAgentAsync("Agen Korban Massal");
        await app.SeedAccountAsync(agent.AgentId, Platform.X, "lapormassal", VerificationState.Verified, followers: 500);
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Massal");
        var assignmentId = await app.WithDb(async db =>
        {
            var a = new Assignment { MessageId = messageId, AgentId = agent.AgentId, DueUtc = DateTime.UtcNow.AddDays(1), CreatedUtc = DateTime.UtcNow };
            db.Assignments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var client = await app.SignInAsAsync(agent.Email);
        var posted = DateTime.UtcNow.AddMinutes(-40);

        async Task<HttpResponseMessage> PostAsync(string statusId, bool extras)
        {
            var page = await client.GetHtmlAsync($"/tugas/{assignmentId}/lapor");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(HttpClientExtensions.AntiforgeryToken(page)), "__af" },
                { new StringContent(Guid.NewGuid().ToString()), "SubmissionKey" },
                { new StringContent("X"), "Platform" },
                { new StringContent($"https://x.com/lapormassal/status/{statusId}"), "PostUrl" },
                { new StringContent(AssignmentTests.LocalInput(posted)), "PostedAt" },
                { new StringContent("120"), "Views" },
                { new StringContent("7"), "Likes" },
            };
            if (extras)
                foreach (var (k, v) in Hostile.Where(h => h.Item1 != "Id")) form.Add(new StringContent(k == "AgentId" ? other.AgentId.ToString(CultureInfo.InvariantCulture) : v), k);
            return await client.PostAsync($"/tugas/{assignmentId}/lapor", form);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("1866000000000000001", extras: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("1866000000000000002", extras: true)).StatusCode);
        var ids = await app.WithDb(db => db.ShareReports.AsNoTracking().Where(r => r.AgentId == agent.AgentId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        Assert.Equal(2, ids.Count);
        Assert.Equal(0, await app.WithDb(db => db.ShareReports.CountAsync(r => r.AgentId == other.AgentId)));
        var clean = await RowAsync(app, "ShareReports", ids[0]);
        var dirty = await RowAsync(app, "ShareReports", ids[1]);
        Assert.Equal(500L, Convert.ToInt64(dirty["FollowersAtSubmission"], CultureInfo.InvariantCulture));
        SameApartFrom(clean, dirty, "PostUrl", "ClaimKey");
    }

    [Fact]
    public async Task A_new_message_draft_takes_no_status_author_or_approval_from_the_post()
    {
        var (humas, client) = await app.UserAsync(false, Roles.Humas);
        var clean = await client.CreateDraftAsync("Draf Bersih");
        var dirty = await client.CreateDraftAsync("Draf Nakal", Hostile);
        var messages = await app.WithDb(db => db.PolicyMessages.AsNoTracking().Where(m => m.Id == clean || m.Id == dirty).ToListAsync());
        Assert.All(messages, m =>
        {
            Assert.Equal(MessageStatus.Draft, m.Status);
            Assert.Equal(humas.Id, m.AuthorUserId);
            Assert.Null(m.PublishedUtc);
            Assert.Null(m.ApprovedRevisionId);
        });
        SameApartFrom(await RowAsync(app, "PolicyMessages", clean), await RowAsync(app, "PolicyMessages", dirty), "Title", "CurrentRevisionId");
        var revisions = await app.WithDb(db => db.MessageRevisions.AsNoTracking().Where(r => r.MessageId == clean || r.MessageId == dirty).OrderBy(r => r.MessageId).Select(r => r.Id).ToListAsync());
        Assert.Equal(2, revisions.Count);
        SameApartFrom(await RowAsync(app, "MessageRevisions", revisions[0]), await RowAsync(app, "MessageRevisions", revisions[1]), "MessageId");
        Assert.False(await app.WithDb(db => db.Users.Where(u => u.Id == humas.Id).Select(u => u.CanApproveMessages).SingleAsync()));
    }

    [Fact]
    public async Task A_new_reward_scheme_starts_as_a_draft_whatever_the_post_says()
    {
        var humas = await app.SignedInClientAsync(Roles.Humas);
        var clean = await humas.PostFormAsync("/skema-penghargaan/baru", "/skema-penghargaan/baru", ("Name", "Skema Bersih"), ("Description", "Uraian"));
        var dirty = await humas.PostFormAsync("/skema-penghargaan/baru", "/skema-penghargaan/baru",
            With([("Name", "Skema Nakal"), ("Description", "Uraian"), ("Versions[0].State", "Approved"), ("Versions[0].RulesJson", "{}"), ("RulesJson", "{}")]));
        Assert.Equal(HttpStatusCode.Redirect, clean.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, dirty.StatusCode);
        var schemes = await app.WithDb(db => db.RewardSchemes.AsNoTracking().Where(s => s.Name == "Skema Bersih" || s.Name == "Skema Nakal").OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());
        Assert.Equal(2, schemes.Count);
        SameApartFrom(await RowAsync(app, "RewardSchemes", schemes[0]), await RowAsync(app, "RewardSchemes", schemes[1]), "Name");
        var versions = await app.WithDb(db => db.RewardSchemeVersions.AsNoTracking().Where(v => schemes.Contains(v.SchemeId)).OrderBy(v => v.SchemeId).Select(v => v.Id).ToListAsync());
        Assert.Equal(2, versions.Count);
        SameApartFrom(await RowAsync(app, "RewardSchemeVersions", versions[0]), await RowAsync(app, "RewardSchemeVersions", versions[1]), "SchemeId");
    }

    [Fact]
    public async Task A_public_response_takes_no_status_routing_or_resolution_from_the_agent()
    {
        var agent = await app.SeedAgentAsync("Agen Tanggapan Massal");
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Tanggapan Massal");
        var report = await ReportSeed.ReportAsync(app, agent.AgentId, messageId);
        var client = await app.SignInAsAsync(agent.Email);
        var url = $"/laporan-saya/{report.Id}/tanggapan";
        (string, string)[] Fields(string text) => [("Text", text), ("Kind", "Question"), ("Sentiment", "Neutral")];
        var clean = await client.PostFormAsync(url, url, Fields("Kapan jadwalnya?"));
        var dirty = await client.PostFormAsync(url, url, With(Fields("Di mana tempatnya?"), "ReportId"));
        Assert.Equal(HttpStatusCode.Redirect, clean.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, dirty.StatusCode);
        var ids = await app.WithDb(db => db.PublicResponses.AsNoTracking().Where(r => r.ReportId == report.Id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        Assert.Equal(2, ids.Count);
        SameApartFrom(await RowAsync(app, "PublicResponses", ids[0]), await RowAsync(app, "PublicResponses", ids[1]), "Text");
    }

    [Fact]
    public async Task Editing_a_verified_social_account_keeps_its_owner_and_id()
    {
        var agent = await app.SeedAgentAsync("Agen Ubah Akun Massal");
        var other = await app.SeedAgentAsync("Agen Sasaran Akun");
        var account = await app.SeedAccountAsync(agent.AgentId, Platform.Instagram, "akunubah", VerificationState.Verified, followers: 300);
        var client = await app.SignInAsAsync(agent.Email);
        var url = $"/agen/akun-media-sosial/{account.Id}";
        var page = await client.GetHtmlAsync(url);
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Version\"[^>]*value=\"(\\d+)\"").Groups[1].Value;
        var before = await RowAsync(app, "SocialAccounts", account.Id);
        var response = await client.PostFormAsync(url, url,
            [("Platform", "Instagram"), ("Handle", "akunubah"), ("ProfileUrl", "https://www.instagram.com/akunubah"), ("Kind", "Personal"),
             ("Followers", "300"), ("FollowersAsOf", "2026-01-05"), ("Consent", "true"), ("Version", version.Length > 0 ? version : "0"),
             ("AgentId", other.AgentId.ToString(CultureInfo.InvariantCulture)), ("State", "Pending"), ("VerifiedByUserId", "x")]);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        var after = await RowAsync(app, "SocialAccounts", account.Id);
        Assert.Equal(before["AgentId"], after["AgentId"]);
        Assert.Equal(0, await app.WithDb(db => db.SocialAccounts.CountAsync(s => s.AgentId == other.AgentId)));
    }

    [Fact]
    public async Task A_form_field_named_like_the_route_id_cannot_reach_another_agents_task()
    {
        // MVC binds a form field before a route value of the same name, so "id" in the body replaces the URL's id:
        // the handler's ownership check must (and does) apply to whatever id was bound.
        var agent = await app.SeedAgentAsync("Agen Ganti Id");
        var victim = await app.SeedAgentAsync("Agen Pemilik Tugas");
        await app.SeedAccountAsync(agent.AgentId, Platform.X, "gantiid", VerificationState.Verified);
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Ganti Id");
        var own = await ReportSeed.ReportAsync(app, agent.AgentId, messageId);
        var theirs = await ReportSeed.ReportAsync(app, victim.AgentId, messageId);
        var client = await app.SignInAsAsync(agent.Email);
        var before = await DbFingerprint.TakeAsync(app);
        var url = $"/laporan-saya/{own.Id}/tanggapan";
        var response = await client.PostFormAsync(url, url, ("reportId", theirs.Id.ToString(CultureInfo.InvariantCulture)), ("Text", "Pertanyaan"), ("Kind", "Question"), ("Sentiment", "Neutral"));
        var stored = await app.WithDb(db => db.PublicResponses.CountAsync(r => r.ReportId == theirs.Id));
        Assert.Equal(0, stored);
        if (response.StatusCode == HttpStatusCode.NotFound) Assert.Empty((await DbFingerprint.TakeAsync(app)).ChangedSince(before));
        else Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // the route's id won: recorded on the agent's own report
    }
}
