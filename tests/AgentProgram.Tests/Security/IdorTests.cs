using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.Messages;
using AgentProgram.Tests.Features.RewardPeriods;
using AgentProgram.Tests.Features.ShareVerification;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Security;

/// <summary>What an identifier in a route names, which decides how the IDOR suite attacks it.</summary>
public enum IdorKind
{
    /// <summary>A record of one agent (or one user): another agent, and staff outside the rule, get 404 or a refusal.</summary>
    Owned,

    /// <summary>A record shared by the roles the matrix allows (no finer scoping exists): every other role is refused, with a real identifier.</summary>
    Shared,

    /// <summary>The identifier names a shared thing (a period) and the page shows only the signed-in agent's own data.</summary>
    SelfScoped,

    /// <summary>Public by design (a verification code, a tracked-link token, an error page's status code).</summary>
    Public,
}

/// <summary>A route with an identifier and how the suite attacks it.</summary>
public sealed record IdorCase(string Method, string Route, IdorKind Kind, Func<IdorWorld, IReadOnlyDictionary<string, string>> Values)
{
    public string Key => $"{Method} /{Route}";

    public string Url(IdorWorld w)
    {
        var values = Values(w);
        return "/" + Regex.Replace(Route, @"\{(\w+)(:[^}]*)?\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : throw new InvalidOperationException($"{Key}: no value for {m.Groups[1].Value}"));
    }

    public override string ToString() => Key;
}

/// <summary>Records of agent A (the owner) that agent B (the intruder) and the other roles try to reach.</summary>
public sealed record IdorWorld(
    SeededAgent Owner, SeededAgent Intruder, string OwnerName, int MessageId, int DraftMessageId, int MediaId, int AssignmentId, int SocialAccountId,
    long ReportId, long ResponseId, long NotificationId, long DocumentId, int PeriodId, int SchemeId, int UnitId, int SignatoryId,
    int ConductRecordId, int ElectionPeriodId, int CandidateId, int ImportBatchId);

/// <summary>The app with a small world of records owned by one agent, seeded once for the suite.</summary>
public sealed class IdorFactory : AppFactory
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IdorWorld? _world;

    public async Task<IdorWorld> WorldAsync()
    {
        await _gate.WaitAsync();
        try { return _world ??= await SeedAsync(); }
        finally { _gate.Release(); }
    }

    private async Task<IdorWorld> SeedAsync()
    {
        const string ownerName = "Ratna Pemilik Rahasia";
        var owner = await this.SeedAgentAsync(ownerName);
        var intruder = await this.SeedAgentAsync("Bayu Penyusup");
        var messageId = await TrackedLinkSeed.MessageAsync(this, "Pesan Uji IDOR");
        var draftId = await TrackedLinkSeed.MessageAsync(this, "Draf Rahasia IDOR", MessageStatus.Draft);
        var account = await this.SeedAccountAsync(owner.AgentId, Platform.Instagram, "ratnapemilik", VerificationState.Verified);

        StoredFile screenshot = null!;
        await WithServices(async sp => screenshot = await sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(MessageTestKit.TinyPng), "png"));
        var report = await ReportSeed.ReportAsync(this, owner.AgentId, messageId, new ReportSeed.ReportSpec { ScreenshotPath = screenshot.RelativePath, ScreenshotSha256 = screenshot.Sha256 });
        // The intruder has a task of their own on the same message, so they are a real agent with real data.
        await ReportSeed.ReportAsync(this, intruder.AgentId, messageId);
        var scheme = await PeriodSeed.SchemeAsync(this);
        var period = await PeriodSeed.PeriodAsync(this, scheme.SchemeId);
        await PeriodSeed.RunAsync(this, period.Id, scheme.VersionId, [PeriodSeed.Result(owner.AgentId, 1, 40m, incentive: 750_000)], PeriodState.Approved);
        var unit = await this.SeedUnitAsync("Bagian Uji IDOR");

        var ids = await WithDb(async db =>
        {
            var now = DateTime.UtcNow;
            var draftRevision = db.MessageRevisions.Single(r => r.MessageId == draftId);
            var media = new MediaFile { RevisionId = draftRevision.Id, FileName = "rahasia.png", ContentType = "image/png", Length = screenshot.Length, Sha256 = screenshot.Sha256, StoragePath = screenshot.RelativePath, UploadedUtc = now };
            db.MediaFiles.Add(media);
            var response = new PublicResponse { ReportId = report.Id, MessageId = messageId, AgentId = owner.AgentId, Text = "Pertanyaan warga rahasia", Kind = ResponseKind.Question, Sentiment = Sentiment.Neutral, RecordedUtc = now };
            db.PublicResponses.Add(response);
            var notification = new Notification { UserId = owner.UserId, Kind = Enum.GetValues<NotificationKind>()[0], Text = "Pemberitahuan milik Ratna", Url = "/laporan-saya", CreatedUtc = now };
            db.Notifications.Add(notification);
            var document = new IssuedDocument
            {
                Kind = DocumentKind.AgentStatement, SubjectKey = "agent-statement:idor", Subject = ownerName, Number = "800/IDOR/2026", Year = 2026, Sequence = 9001,
                VerificationCode = "IDORUJI234", IssuedOn = new DateOnly(2026, 11, 2), FinalisedUtc = now, Sha256 = new string('a', 64), Length = 4,
                FileName = "pernyataan-ratna.pdf", PeriodId = period.Id, AgentId = owner.AgentId,
            };
            db.IssuedDocuments.Add(document);
            var signatory = new Signatory { Role = SignatoryRole.HeadOfInstitution, Name = "Penandatangan Uji", PositionTitle = "Wali Kota" };
            db.Signatories.Add(signatory);
            var conduct = new ConductRecord { AgentId = owner.AgentId, Kind = ConductKind.Disciplinary, StartDate = new DateOnly(2026, 1, 1), Note = "Catatan rahasia", RecordedUtc = now };
            db.ConductRecords.Add(conduct);
            var election = new ElectionPeriodSetting { Name = "Masa Tenang Uji", Kind = ElectionPeriodKind.QuietPeriod, StartUtc = now.AddYears(2), EndUtc = now.AddYears(2).AddDays(3) };
            db.ElectionPeriods.Add(election);
            var candidate = new ElectionCandidate { Name = "Calon Uji" };
            db.ElectionCandidates.Add(candidate);
            var batch = new ImportBatch { Kind = ImportKind.Employees, FileName = "pegawai.csv", UploadedUtc = now, State = ImportState.Completed, CompletedUtc = now };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync();
            db.IssuedDocumentContents.Add(new IssuedDocumentContent { DocumentId = document.Id, Bytes = "%PDF"u8.ToArray() });
            await db.SaveChangesAsync();
            return (media.Id, response.Id, notification.Id, document.Id, signatory.Id, conduct.Id, election.Id, candidate.Id, batch.Id, report.AssignmentId);
        });
        return new IdorWorld(owner, intruder, ownerName, messageId, draftId, ids.Item1, ids.Item10, account.Id, report.Id, ids.Item2, ids.Item3, ids.Item4,
            period.Id, scheme.SchemeId, unit.Id, ids.Item5, ids.Item6, ids.Item7, ids.Item8, ids.Item9);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gate.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>
/// IDOR: every route that takes an identifier is listed here with what the identifier names (a new
/// route without a row fails <see cref="Every_route_with_an_identifier_has_an_idor_case"/>). Another agent
/// trying an agent's records, and every role outside a route's rule trying real records, gets 404 or a
/// refusal, and a refused POST changes nothing in the database.
/// </summary>
public sealed class IdorTests(IdorFactory app) : IClassFixture<IdorFactory>
{
    private static Dictionary<string, string> V(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture)!);

    private static IEnumerable<IdorCase> Group(IdorKind kind, Func<IdorWorld, IReadOnlyDictionary<string, string>> values, params string[] routes) =>
        routes.Select(r => new IdorCase(r[..r.IndexOf(' ', StringComparison.Ordinal)], r[(r.IndexOf(' ', StringComparison.Ordinal) + 1)..], kind, values));

    public static IReadOnlyList<IdorCase> Cases { get; } =
    [
        // An agent's own records.
        .. Group(IdorKind.Owned, w => V(("id", w.AssignmentId)),
            "GET tugas/{id:int}", "POST tugas/{id:int}/bagikan", "POST tugas/{id:int}/dibagikan", "GET tugas/{id:int}/lapor", "POST tugas/{id:int}/lapor"),
        .. Group(IdorKind.Owned, w => V(("id", w.SocialAccountId)),
            "GET agen/akun-media-sosial/{id:int}", "POST agen/akun-media-sosial/{id:int}", "POST agen/akun-media-sosial/{id:int}/hapus"),
        .. Group(IdorKind.Owned, w => V(("id", w.ReportId), ("reportId", w.ReportId)),
            "GET laporan-saya/{id:long}", "POST laporan-saya/{id:long}/angka", "POST laporan-saya/{id:long}/koreksi",
            "GET laporan-saya/{reportId:long}/tanggapan", "POST laporan-saya/{reportId:long}/tanggapan", "GET laporan-sebaran/{id:long}/bukti"),
        .. Group(IdorKind.Owned, w => V(("id", w.NotificationId)), "GET notifikasi/{id:long}"),
        .. Group(IdorKind.Owned, w => V(("id", w.DocumentId)), "GET dokumen/saya/{id:long}"),
        .. Group(IdorKind.SelfScoped, w => V(("periodId", w.PeriodId)),
            "GET penghargaan-saya/{periodId:int}", "GET penghargaan-saya/{periodId:int}/peringkat", "GET dokumen/saya/periode/{periodId:int}"),

        // Records shared by the roles of the route's rule.
        .. Group(IdorKind.Shared, w => V(("id", w.Owner.UserId)),
            "GET admin/pengguna/{id}", "POST admin/pengguna/{id}", "POST admin/pengguna/{id}/nonaktifkan", "POST admin/pengguna/{id}/aktifkan", "POST admin/pengguna/{id}/setel-ulang"),
        .. Group(IdorKind.Shared, w => V(("id", w.Owner.AgentId)),
            "GET agen/{id:int}", "POST agen/{id:int}/tangguhkan", "POST agen/{id:int}/aktifkan", "POST agen/{id:int}/akhiri",
            "GET agen/{id:int}/hapus-data-pribadi", "POST agen/{id:int}/hapus-data-pribadi"),
        .. Group(IdorKind.Shared, w => V(("id", w.MessageId), ("messageId", w.MessageId)),
            "GET pesan/{id:int}/tugaskan", "POST pesan/{id:int}/tugaskan", "GET pesan/{id:int}", "POST pesan/{id:int}/media",
            "POST pesan/{id:int}/ajukan", "POST pesan/{id:int}/setujui", "POST pesan/{id:int}/terbitkan", "POST pesan/{id:int}/tutup", "POST pesan/{id:int}/tarik",
            "GET dokumen/pesan/{messageId:int}", "POST dokumen/pesan/{messageId:int}/final"),
        .. Group(IdorKind.Shared, w => V(("id", w.DraftMessageId)), "GET pesan/{id:int}/ubah", "POST pesan/{id:int}/ubah"),
        .. Group(IdorKind.Shared, w => V(("mediaId", w.MediaId)), "GET pesan/media/{mediaId:int}"),
        .. Group(IdorKind.Shared, w => V(("id", w.ConductRecordId)), "GET catatan-disiplin/{id:int}/cabut", "POST catatan-disiplin/{id:int}/cabut"),
        .. Group(IdorKind.Shared, w => V(("periodId", w.PeriodId), ("slug", "rekomendasi"), ("agentId", w.Owner.AgentId)),
            "GET dokumen/periode/{periodId:int}", "GET dokumen/periode/{periodId:int}/{slug}", "GET dokumen/periode/{periodId:int}/{slug}/agen/{agentId:int}",
            "GET dokumen/periode/{periodId:int}/{slug}/arsip", "POST dokumen/periode/{periodId:int}/{slug}/final", "POST dokumen/periode/{periodId:int}/{slug}/agen/{agentId:int}/final",
            "GET penghargaan/{periodId:int}/agen/{agentId:int}"),
        .. Group(IdorKind.Shared, w => V(("id", w.DocumentId)), "GET dokumen/{id:long}"),
        .. Group(IdorKind.Shared, w => V(("id", w.PeriodId)),
            "GET periode-penghargaan/{id:int}", "GET periode-penghargaan/{id:int}/ekspor", "POST periode-penghargaan/{id:int}/hitung", "GET periode-penghargaan/{id:int}/setujui",
            "POST periode-penghargaan/{id:int}/setujui", "POST periode-penghargaan/{id:int}/tutup", "GET periode-penghargaan/{id:int}/buka-kembali",
            "POST periode-penghargaan/{id:int}/buka-kembali", "POST periode-penghargaan/{id:int}/catatan"),
        .. Group(IdorKind.Shared, w => V(("id", w.SchemeId), ("number", 1)),
            "GET skema-penghargaan/{id:int}", "POST skema-penghargaan/{id:int}/versi-baru", "GET skema-penghargaan/{id:int}/versi/{number:int}",
            "GET skema-penghargaan/{id:int}/versi/{number:int}/ubah", "POST skema-penghargaan/{id:int}/versi/{number:int}/ubah", "POST skema-penghargaan/{id:int}/versi/{number:int}/ajukan",
            "GET skema-penghargaan/{id:int}/versi/{number:int}/setujui", "POST skema-penghargaan/{id:int}/versi/{number:int}/setujui", "POST skema-penghargaan/{id:int}/versi/{number:int}/kembalikan"),
        .. Group(IdorKind.Shared, w => V(("id", w.ImportBatchId)),
            "GET impor/{id:int}", "POST impor/{id:int}/pemetaan", "POST impor/{id:int}/mulai", "POST impor/{id:int}/batal", "GET impor/{id:int}/masalah.csv"),
        .. Group(IdorKind.Shared, w => V(("id", w.ElectionPeriodId)),
            "GET admin/pemilu/periode/{id:int}", "POST admin/pemilu/periode/{id:int}", "POST admin/pemilu/periode/{id:int}/hapus"),
        .. Group(IdorKind.Shared, w => V(("id", w.CandidateId)), "POST admin/pemilu/calon/{id:int}/hapus"),
        .. Group(IdorKind.Shared, w => V(("id", w.SignatoryId)),
            "GET admin/instansi/penandatangan/{id:int}", "POST admin/instansi/penandatangan/{id:int}", "POST admin/instansi/penandatangan/{id:int}/hapus"),
        .. Group(IdorKind.Shared, w => V(("id", w.UnitId)),
            "GET unit-kerja/{id:int}", "POST unit-kerja/{id:int}", "POST unit-kerja/{id:int}/pindah", "POST unit-kerja/{id:int}/tutup", "POST unit-kerja/{id:int}/buka"),
        .. Group(IdorKind.Shared, w => V(("id", w.Owner.EmployeeId)), "GET pegawai/{id:int}", "GET pegawai/{id:int}/ubah", "POST pegawai/{id:int}/ubah"),
        .. Group(IdorKind.Shared, w => V(("id", w.ResponseId)),
            "POST tanggapan-publik/{id:long}/teruskan", "POST tanggapan-publik/{id:long}/dijawab", "POST tanggapan-publik/{id:long}/dirujuk"),
        .. Group(IdorKind.Shared, w => V(("id", w.ReportId)),
            "GET verifikasi-laporan/{id:long}", "POST verifikasi-laporan/{id:long}/verifikasi", "POST verifikasi-laporan/{id:long}/tolak", "POST verifikasi-laporan/{id:long}/balikkan"),

        // Public by design.
        .. Group(IdorKind.Public, _ => V(("code", "IDORUJI234")), "GET verifikasi/{code}"),
        .. Group(IdorKind.Public, _ => V(("code", 404)), "GET galat/{code:int}", "POST galat/{code:int}"),
        .. Group(IdorKind.Public, _ => V(("token", "AAAAAAAAAAAAAAAAAAAAAA")), "GET s/{token}"),
    ];

    private static readonly Dictionary<Access, string> RoleOf = new()
    {
        [Access.Administrator] = Roles.Administrator,
        [Access.Kepegawaian] = Roles.Kepegawaian,
        [Access.Humas] = Roles.Humas,
        [Access.Pimpinan] = Roles.Pimpinan,
        [Access.Agen] = Roles.Agen,
    };

    private static EndpointRule RuleOf(IdorCase c) => AuthorizationMatrixTests.AllRules.Single(r => r.ToString() == c.Key);

    [Fact]
    public void Every_route_with_an_identifier_has_an_idor_case()
    {
        var withId = AuthorizationMatrixTests.AllRules.Where(r => r.Route.Contains('{', StringComparison.Ordinal)).Select(r => r.ToString()).ToHashSet();
        var cased = Cases.Select(c => c.Key).ToList();
        var missing = withId.Except(cased).Order().ToList();
        var stale = cased.Except(withId).Order().ToList();
        var doubled = cased.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(missing.Count == 0, "Routes with an identifier and no IDOR case in Security/IdorTests.cs:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "IDOR cases for routes that do not exist:\n" + string.Join("\n", stale));
        Assert.True(doubled.Count == 0, "Routes with more than one IDOR case:\n" + string.Join("\n", doubled));
    }

    private static bool IsNotFoundOrRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NotFound || AuthorizationMatrixTests.IsRefused(response, anonymous: false);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, IdorCase c, IdorWorld w) =>
        c.Method == "GET" ? await client.GetAsync(c.Url(w)) : await AuthorizationMatrixTests.PostWithTokenAsync(client, c.Url(w), signedIn: true);

    [Fact]
    public async Task Another_agent_gets_not_found_for_every_record_of_an_agent_and_changes_nothing()
    {
        var w = await app.WorldAsync();
        var owner = await app.SignInAsAsync(w.Owner.Email);
        var failures = new List<string>();
        foreach (var c in Cases.Where(c => c.Kind == IdorKind.Owned))
        {
            // The URL is right: the owner reaches it (GETs only; the owner's POSTs would change the record).
            if (c.Method == "GET")
            {
                var own = await owner.GetAsync(c.Url(w));
                if (own.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Redirect) || AuthorizationMatrixTests.IsRefused(own, anonymous: false))
                    failures.Add($"{c} as the owner: {(int)own.StatusCode} {own.Headers.Location} (the case's URL is wrong)");
            }
            var intruder = await app.SignInAsAsync(w.Intruder.Email);
            var before = await DbFingerprint.TakeAsync(app);
            var response = await SendAsync(intruder, c, w);
            if (!IsNotFoundOrRefused(response))
                failures.Add($"{c} as another agent: {(int)response.StatusCode} {response.Headers.Location}");
            var changed = (await DbFingerprint.TakeAsync(app)).ChangedSince(before);
            if (changed.Count > 0) failures.Add($"{c} as another agent changed {string.Join(", ", changed)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Staff_outside_an_agent_route_never_reach_the_agents_records()
    {
        var w = await app.WorldAsync();
        var failures = new List<string>();
        foreach (var (flag, role) in RoleOf.Where(kv => kv.Key != Access.Agen))
        {
            var client = await app.SignedInClientAsync(role);
            foreach (var c in Cases.Where(c => c.Kind == IdorKind.Owned))
            {
                // Evidence is for the agent, Humas and Pimpinan (who verify it); everything else an agent owns is the agent's alone.
                if (c.Route == "laporan-sebaran/{id:long}/bukti" && flag is Access.Humas or Access.Pimpinan) continue;
                var before = await DbFingerprint.TakeAsync(app);
                var response = await SendAsync(client, c, w);
                if (!IsNotFoundOrRefused(response)) failures.Add($"{c} as {role}: {(int)response.StatusCode} {response.Headers.Location}");
                var changed = (await DbFingerprint.TakeAsync(app)).ChangedSince(before);
                if (changed.Count > 0) failures.Add($"{c} as {role} changed {string.Join(", ", changed)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_role_outside_a_rule_is_refused_a_real_record_and_changes_nothing()
    {
        var w = await app.WorldAsync();
        var failures = new List<string>();
        var tried = 0;
        foreach (var (flag, role) in RoleOf)
        {
            var reader = await app.SignedInClientAsync(role);
            foreach (var c in Cases.Where(c => c.Kind == IdorKind.Shared && !RuleOf(c).Allowed.HasFlag(flag)))
            {
                var client = c.Method == "GET" ? reader : await app.SignedInClientAsync(role);
                var before = await DbFingerprint.TakeAsync(app);
                var response = await SendAsync(client, c, w);
                tried++;
                if (!IsNotFoundOrRefused(response)) failures.Add($"{c} as {role}: {(int)response.StatusCode} {response.Headers.Location}");
                var changed = (await DbFingerprint.TakeAsync(app)).ChangedSince(before);
                if (changed.Count > 0) failures.Add($"{c} as {role} changed {string.Join(", ", changed)}");
            }
        }
        Assert.True(tried > 100, $"only {tried} attempts");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_page_keyed_by_a_period_shows_an_agent_only_their_own_result()
    {
        var w = await app.WorldAsync();
        var intruder = await app.SignInAsAsync(w.Intruder.Email);
        foreach (var c in Cases.Where(c => c.Kind == IdorKind.SelfScoped))
        {
            var response = await intruder.GetAsync(c.Url(w));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{c}: {(int)response.StatusCode}");
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain(w.OwnerName, body, StringComparison.Ordinal);
            Assert.DoesNotContain("750.000", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_assigned_agent_gets_the_approved_revisions_media_and_not_a_revision_under_review()
    {
        var w = await app.WorldAsync();
        var (approved, underReview) = await app.WithDb(async db =>
        {
            var message = await db.PolicyMessages.SingleAsync(m => m.Id == w.MessageId);
            var draftMedia = await db.MediaFiles.AsNoTracking().SingleAsync(m => m.Id == w.MediaId);
            var number = await db.MessageRevisions.Where(r => r.MessageId == message.Id).MaxAsync(r => r.Number);
            var author = await db.MessageRevisions.Where(r => r.Id == message.ApprovedRevisionId).Select(r => r.CreatedByUserId).SingleAsync();
            var review = new MessageRevision { MessageId = message.Id, Number = number + 1, KeyMessage = "Revisi baru", CanonicalUrl = "https://contoh.go.id/revisi", CreatedByUserId = author, CreatedUtc = DateTime.UtcNow };
            db.MessageRevisions.Add(review);
            await db.SaveChangesAsync();
            MediaFile Copy(int revisionId, string name) => new()
            {
                RevisionId = revisionId, FileName = name, ContentType = "image/png", Length = draftMedia.Length, Sha256 = draftMedia.Sha256,
                StoragePath = draftMedia.StoragePath, UploadedUtc = DateTime.UtcNow,
            };
            var a = Copy(message.ApprovedRevisionId!.Value, "disetujui.png");
            var b = Copy(review.Id, "ditinjau.png");
            db.MediaFiles.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var agent = await app.SignInAsAsync(w.Intruder.Email);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/pesan/media/{approved}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/pesan/media/{underReview}")).StatusCode);
    }

    [Fact]
    public async Task Media_of_a_draft_message_is_not_served_to_an_agent()
    {
        var w = await app.WorldAsync();
        var agent = await app.SignInAsAsync(w.Intruder.Email);
        var response = await agent.GetAsync($"/pesan/media/{w.MediaId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var humas = await app.SignedInClientAsync(Roles.Humas);
        var forStaff = await humas.GetAsync($"/pesan/media/{w.MediaId}");
        Assert.Equal(HttpStatusCode.OK, forStaff.StatusCode);
        Assert.Equal("image/png", forStaff.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", forStaff.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
