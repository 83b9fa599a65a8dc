using System.Security.Cryptography;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Data.Seed;

/// <summary>
/// The demo's campaigns: policy messages in every state, assignments to the active agents, tracked links
/// with clicks, share reports in every verification state (with flags and snapshot histories) and public
/// responses. Written straight to the database after the demo agents exist; deterministic (fixed seed).
/// </summary>
public sealed class DemoCampaigns(AppDbContext db, TimeProvider clock)
{
    private readonly Random _random = new(20261204);
    private readonly List<(ShareReport Report, PublicResponse Response)> _responses = [];

    private sealed record Spec(string Title, MessageStatus Status, MissionTag Mission, int StartDaysAgo, int LengthDays, string Key, string Url, string Tags);

    private static readonly Spec[] Messages =
    [
        new("Pemutihan denda PBB sampai akhir tahun", MessageStatus.Published, MissionTag.Partisipasi, 3, 20,
            "Denda Pajak Bumi dan Bangunan dihapus bagi warga yang melunasi pokok pajak sebelum 31 Desember.", "https://contohkota.go.id/berita/pemutihan-pbb", "PBBKita KotaContoh"),
        new("Vaksinasi HPV gratis untuk pelajar SD", MessageStatus.Published, MissionTag.Transparansi, 5, 14,
            "Puskesmas memberi vaksin HPV gratis untuk siswi kelas 5 dan 6 SD selama bulan ini.", "https://contohkota.go.id/berita/vaksin-hpv", "SehatBersama"),
        new("Laporan realisasi APBD triwulan III", MessageStatus.Closed, MissionTag.Transparansi, 40, 14,
            "Realisasi belanja daerah triwulan III mencapai 68 persen; rinciannya terbuka di laman resmi.", "https://contohkota.go.id/apbd/triwulan-3", "APBDTerbuka"),
        new("Gotong royong bersih sungai", MessageStatus.Approved, MissionTag.Kolaborasi, -2, 10,
            "Ayo ikut bersih-bersih Sungai Ciliwung hari Minggu pagi bersama warga dan relawan.", "https://contohkota.go.id/berita/bersih-sungai", "SungaiBersih"),
        new("Jadwal baru layanan Mal Pelayanan Publik", MessageStatus.Submitted, MissionTag.Transparansi, -1, 14,
            "Mulai bulan depan Mal Pelayanan Publik buka sampai pukul 19.00 pada hari kerja.", "https://contohkota.go.id/berita/mpp-jam-baru", "LayananPublik"),
        new("Lomba inovasi pelayanan antar-kelurahan", MessageStatus.Draft, MissionTag.Kolaborasi, -5, 30,
            "Kelurahan dengan inovasi pelayanan terbaik mendapat dana pembinaan.", "https://contohkota.go.id/berita/lomba-inovasi", "InovasiKota"),
        new("Penutupan sementara Jalan Merdeka", MessageStatus.Withdrawn, MissionTag.Transparansi, 6, 7,
            "Jalan Merdeka ditutup sementara untuk perbaikan saluran air.", "https://contohkota.go.id/berita/jalan-merdeka", "InfoLaluLintas"),
    ];

    private static readonly string[] Reactions =
    [
        "Apakah pemutihan juga berlaku untuk tunggakan tahun 2019?",
        "Loket di kecamatan kemarin antre panjang sekali, tolong ditambah petugas.",
        "Ada pesan berantai yang bilang pendaftarannya berbayar, itu hoaks ya?",
        "Terima kasih, informasinya sangat membantu warga.",
        "Di mana bisa cek jumlah tunggakan secara daring?",
    ];

    public async Task SeedAsync(string authorUserId, string approverUserId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agents = await db.Agents.Include(a => a.Employee)
            .Where(a => a.Status == AgentStatus.Active && a.CodeOfConductAcceptedUtc != null)
            .OrderBy(a => a.Id).ToListAsync(ct);
        await AddAccountsAsync(agents, now, ct);

        foreach (var spec in Messages)
        {
            var message = await AddMessageAsync(spec, authorUserId, approverUserId, now, ct);
            if (spec.Status is not (MessageStatus.Published or MessageStatus.Closed or MessageStatus.Withdrawn)) continue;
            await AssignAsync(message, agents, authorUserId, now, ct);
        }
    }

    /// <summary>Gives the consenting demo agents a few verified accounts so their Tugas Saya has share buttons.</summary>
    private async Task AddAccountsAsync(List<Agent> agents, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var withAccounts = (await db.SocialAccounts.Select(s => s.AgentId).Distinct().ToListAsync(ct)).ToHashSet();
        var platforms = new[] { Platform.X, Platform.Facebook, Platform.Instagram, Platform.WhatsApp, Platform.TikTok };
        for (var i = 0; i < agents.Count; i++)
        {
            var agent = agents[i];
            if (withAccounts.Contains(agent.Id)) continue;
            var handle = "asn." + agent.Employee.Name.Split(' ')[0].ToLowerInvariant() + agent.Id;
            foreach (var platform in platforms.Skip(i % 3).Take(2))
            {
                var h = platform == Platform.WhatsApp ? "62812" + (5550000 + agent.Id) : handle.Replace('.', '_');
                db.SocialAccounts.Add(new SocialAccount
                {
                    AgentId = agent.Id, Platform = platform, Handle = h,
                    ProfileUrl = platform switch
                    {
                        Platform.X => "https://x.com/" + h,
                        Platform.Facebook => "https://www.facebook.com/" + h,
                        Platform.Instagram => "https://www.instagram.com/" + h,
                        Platform.TikTok => "https://www.tiktok.com/@" + h,
                        _ => "https://wa.me/" + h,
                    },
                    Kind = AccountKind.Personal, Followers = 150 + _random.Next(3000), FollowersAsOf = today.AddDays(-7),
                    State = i % 7 == 6 ? VerificationState.Pending : VerificationState.Verified,
                    ReviewedUtc = i % 7 == 6 ? null : now.AddDays(-8), CreatedUtc = now.AddDays(-10),
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<PolicyMessage> AddMessageAsync(Spec spec, string author, string approver, DateTime now, CancellationToken ct)
    {
        var from = now.Date.AddDays(-spec.StartDaysAgo).AddHours(1); // 08.00 WIB
        var m = new PolicyMessage
        {
            Title = spec.Title, PolicyReference = "Inpres 9/2015 tentang Pengelolaan Komunikasi Publik", Source = MessageSource.OwnUnit,
            Mission = spec.Mission, Status = spec.Status, AuthorUserId = author,
            ActiveFromUtc = from, ActiveUntilUtc = from.AddDays(spec.LengthDays), CreatedUtc = from.AddDays(-2),
        };
        db.PolicyMessages.Add(m);
        await db.SaveChangesAsync(ct);
        var approved = spec.Status is MessageStatus.Approved or MessageStatus.Published or MessageStatus.Closed or MessageStatus.Withdrawn;
        var submitted = approved || spec.Status == MessageStatus.Submitted;
        var r = new MessageRevision
        {
            MessageId = m.Id, Number = 1, KeyMessage = spec.Key, PublicBenefit = "Warga mendapat informasi resmi langsung dari sumbernya.",
            CanonicalUrl = spec.Url, Hashtags = spec.Tags, CreatedByUserId = author, CreatedUtc = m.CreatedUtc,
            ChecklistSourcesVerified = submitted, ChecklistNoHoaxSlanderSara = submitted, ChecklistNoPartisanContent = submitted,
            ApprovedByUserId = approved ? approver : null, ApprovedUtc = approved ? m.CreatedUtc.AddHours(20) : null,
        };
        r.Captions.Add(new CaptionVariant { Platform = Platform.X, Text = spec.Key.Length > 200 ? spec.Key[..200] : spec.Key });
        r.Captions.Add(new CaptionVariant { Platform = Platform.Instagram, Text = spec.Key + " Info lengkap: tautan di bio." });
        r.Captions.Add(new CaptionVariant { Platform = Platform.WhatsApp, Text = "Info resmi: " + spec.Key });
        r.Glossary.Add(new GlossaryEntry { Term = "Pemkot", Meaning = "Pemerintah Kota: pemerintah daerah yang melayani warga kota." });
        db.MessageRevisions.Add(r);
        await db.SaveChangesAsync(ct);
        m.CurrentRevisionId = r.Id;
        m.ApprovedRevisionId = approved ? r.Id : null;
        if (spec.Status is MessageStatus.Published or MessageStatus.Closed or MessageStatus.Withdrawn) m.PublishedUtc = m.CreatedUtc.AddDays(1);
        if (spec.Status == MessageStatus.Closed) m.ClosedUtc = m.ActiveUntilUtc;
        if (spec.Status == MessageStatus.Withdrawn) { m.WithdrawnUtc = from.AddDays(1); m.WithdrawnReason = "Jadwal perbaikan diundur oleh dinas teknis."; }
        await db.SaveChangesAsync(ct);
        return m;
    }

    private async Task AssignAsync(PolicyMessage m, List<Agent> agents, string by, DateTime now, CancellationToken ct)
    {
        var accounts = (await db.SocialAccounts.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.AgentId);
        var due = m.ActiveUntilUtc < now ? m.ActiveUntilUtc : Min(m.ActiveUntilUtc, now.AddDays(2 + _random.Next(5)));
        foreach (var agent in agents)
        {
            var assignment = new Assignment { MessageId = m.Id, AgentId = agent.Id, DueUtc = due, CreatedUtc = m.PublishedUtc ?? now, AssignedByUserId = by };
            db.Assignments.Add(assignment);
            db.Notifications.Add(new Notification
            {
                UserId = agent.UserId, Kind = NotificationKind.NewAssignment, Text = m.Title, Url = "/", CreatedUtc = assignment.CreatedUtc,
                ReadUtc = m.Status == MessageStatus.Published ? null : now.AddDays(-1),
            });
        }
        await db.SaveChangesAsync(ct);
        if (m.Status == MessageStatus.Withdrawn) return;

        // About two thirds of the agents shared: a tracked link per account, clicks, and a report.
        var assignments = await db.Assignments.Where(a => a.MessageId == m.Id).ToListAsync(ct);
        var index = 0;
        foreach (var assignment in assignments)
        {
            index++;
            if (index % 3 == 0) continue;
            var agent = agents.Single(a => a.Id == assignment.AgentId);
            foreach (var account in accounts[agent.Id].Where(s => s.State == VerificationState.Verified))
            {
                var opened = Min(m.ActiveFromUtc.AddHours(2 + _random.Next(40)), now.AddHours(-1));
                var link = new TrackedLink { AssignmentId = assignment.Id, Platform = account.Platform, Token = TrackedLinkToken.New(), CreatedUtc = opened, OpenedUtc = opened };
                db.TrackedLinks.Add(link);
                await db.SaveChangesAsync(ct);
                var clicks = _random.Next(0, 25);
                for (var c = 0; c < clicks; c++)
                {
                    db.LinkClicks.Add(new LinkClick
                    {
                        TrackedLinkId = link.Id, OccurredUtc = Min(opened.AddMinutes(5 + _random.Next(60 * 48)), now),
                        VisitorHash = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), IsBot = c % 11 == 10,
                    });
                }
                AddReport(m, assignment, agent, account, opened, index, now);
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (report, response) in _responses)
        {
            response.ReportId = report.Id;
            db.PublicResponses.Add(response);
        }
        _responses.Clear();
        await db.SaveChangesAsync(ct);
    }

    private void AddReport(PolicyMessage m, Assignment assignment, Agent agent, SocialAccount account, DateTime posted, int index, DateTime now)
    {
        var (url, key) = PostFor(account, m.Id * 100_000 + assignment.Id * 10 + (int)account.Platform);
        var state = (index % 5) switch { 0 => ReportState.Rejected, 1 or 2 => ReportState.Verified, _ => ReportState.Pending };
        var followers = account.Followers ?? 500;
        var inflated = index % 9 == 4; // reach far above the followers: flagged
        var views = inflated ? followers * 40L : (long)(followers * (0.2 + _random.NextDouble()));
        var report = new ShareReport
        {
            AssignmentId = assignment.Id, AgentId = agent.Id, MessageId = m.Id, UnitId = agent.Employee.UnitId,
            Platform = account.Platform, PostUrl = url, ClaimKey = key, LinkHandle = key is null ? null : account.Handle,
            PostedUtc = posted, SubmittedUtc = Min(posted.AddHours(3), now), SubmissionKey = Guid.NewGuid(),
            State = state, FollowersAtSubmission = followers,
            DecisionReason = state == ReportState.Rejected ? "Tautan tidak membuka kiriman yang dimaksud; periksa lagi tautannya." : null,
            ReviewedUtc = state == ReportState.Pending ? null : Min(posted.AddHours(20), now),
            Flags = inflated ? ReportFlagSet.AboveFollowers : ReportFlagSet.None,
        };
        var taken = Min(posted.AddHours(24), now);
        report.Snapshots.Add(new ReportSnapshot
        {
            Source = index % 2 == 0 ? MetricSource.Screenshot : MetricSource.SelfReported,
            Window = taken - posted >= TimeSpan.FromHours(20) ? SnapshotWindow.Hours24 : SnapshotWindow.Other,
            TakenUtc = taken, Views = views, Likes = views / 12, Comments = views / 60, Reposts = views / 90,
            CreatedByUserId = agent.UserId, CreatedUtc = taken,
        });
        if (posted.AddDays(7) < now)
        {
            report.Snapshots.Add(new ReportSnapshot
            {
                Source = MetricSource.SelfReported, Window = SnapshotWindow.Days7, TakenUtc = posted.AddDays(7),
                Views = views * 3 / 2, Likes = views / 9, Comments = views / 50, Reposts = views / 80,
                CreatedByUserId = agent.UserId, CreatedUtc = posted.AddDays(7),
            });
        }
        db.ShareReports.Add(report);
        if (index % 4 == 1)
        {
            var kind = (ResponseKind)(1 + index / 4 % 4);
            var recorded = Min(posted.AddHours(6), now);
            var resolved = index % 8 == 1 && recorded.AddHours(10) < now;
            _responses.Add((report, new PublicResponse
            {
                MessageId = m.Id, AgentId = agent.Id,
                Text = Reactions[index / 4 % Reactions.Length], Kind = kind,
                Sentiment = kind switch { ResponseKind.Appreciation => Sentiment.Positive, ResponseKind.Complaint => Sentiment.Negative, _ => Sentiment.Neutral },
                ConcernedUnitId = agent.Employee.UnitId, RecordedUtc = recorded,
                Status = resolved ? ResponseStatus.Answered : ResponseStatus.Open,
                ResolvedUtc = resolved ? recorded.AddHours(10) : null,
                ResolutionNote = resolved ? "Dijawab di kolom komentar oleh akun resmi." : null,
            }));
        }
    }

    /// <summary>A post link of the account's platform and its claim key (WhatsApp Status has neither).</summary>
    private static (string? Url, string? Key) PostFor(SocialAccount account, long id)
    {
        var url = account.Platform switch
        {
            Platform.X => $"https://x.com/{account.Handle}/status/18{id:D12}",
            Platform.Facebook => $"https://www.facebook.com/{account.Handle}/posts/pfbid{id}",
            Platform.Instagram => $"https://www.instagram.com/p/C{id:D9}x/",
            Platform.TikTok => $"https://www.tiktok.com/@{account.Handle}/video/73{id:D15}",
            _ => null,
        };
        return url is null ? (null, null) : PostLinks.Parse(account.Platform, url) is { Link: { } link } ? (link.Url, link.Key) : (null, null);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
