using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.ShareVerification;
using AgentProgram.Web.Infrastructure.Charts;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Home;

/// <summary>A message waiting for a decision: approval (Submitted) or publication (Approved).</summary>
public sealed record MessageWaiting(int Id, string Title, MessageStatus Status, DateTime CreatedUtc);

/// <summary>Pending reports carrying one kind of flag, with the queue filtered to them.</summary>
public sealed record FlagCount(ReportFlagCode Code, string Label, int Count, string Url);

/// <summary>The verification queue: reports waiting, those with any flag, the oldest submission, and counts per flag (a report may carry several).</summary>
public sealed record VerificationFigures(int Pending, int Flagged, DateTime? OldestSubmittedUtc, IReadOnlyList<FlagCount> Flags);

/// <summary>
/// A message agents are sharing now. Reports, verified and pending count every share report of the message; clicks
/// and unique visitors are those of /statistik-tautan (people only, visitors distinct per message); the dialogic loop
/// covers all its public responses.
/// </summary>
public sealed record ActiveMessageRow(int Id, string Title, MissionTag Mission, DateTime ActiveUntilUtc, int Assigned, int NotReported,
    int Reports, int Verified, int Pending, int Clicks, int Visitors, DialogicLoopFigure Dialogic);

/// <summary>The Humas dashboard: what needs attention today and which messages are landing.</summary>
/// <param name="FiguresAsOfUtc">When the stored aggregates behind the shares chart and the participation were last refreshed.</param>
public sealed record HumasHome(
    DateTime AsOfUtc,
    DateTime? FiguresAsOfUtc,
    int AwaitingApproval,
    int AwaitingPublication,
    IReadOnlyList<MessageWaiting> OldestWaiting,
    VerificationFigures Verification,
    IReadOnlyList<ActiveMessageRow> ActiveMessages,
    ChartData SharesByDay,
    ParticipationWindow Window,
    IReadOnlyList<UnitParticipation> Units,
    ChartData ParticipationChart,
    RecapView Recap)
{
    public const int OldestShown = 5;
}

/// <summary>
/// Every figure of the Humas dashboard, in seven statements whatever the data size: waiting and active messages; the
/// reporting period with the aggregates' refresh time; the pending queue with its flags; reports, clicks and responses
/// of the active messages (one UNION); their open assignments; shares per day and platform and participation per unit
/// (both from the stored aggregates). What every officer sees alike is kept a short while (<see cref="HomeCache"/>): the
/// queue and the active messages' figures for <see cref="QueueMaxAge"/>, the aggregates' figures until their next refresh.
/// The period's participation feeds both the chart and the WhatsApp recap.
/// </summary>
public sealed class HumasHomeHandler(AppDbContext db, Display display, RecapHandler recaps)
{
    public const int SharesDays = 30;

    /// <summary>How long the queue and the active messages' figures are kept (the menu's badges are kept as long).</summary>
    public static readonly TimeSpan QueueMaxAge = TimeSpan.FromSeconds(30);

    /// <summary>How long figures read from the stored aggregates are kept at most (they change only when the refresher runs, once a minute).</summary>
    public static readonly TimeSpan AggregateMaxAge = TimeSpan.FromMinutes(1);

    /// <summary>Units drawn in the participation chart: all up to this many, else the top and bottom halves.</summary>
    public const int ChartUnits = 20;

    public async Task<HumasHome> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var now = recaps.Now;
        var today = recaps.Today;

        // 1. Messages waiting for approval or publication, and those being shared now.
        var messages = await db.PolicyMessages.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Submitted || m.Status == MessageStatus.Approved
                        || (m.Status == MessageStatus.Published && m.ActiveFromUtc <= now && m.ActiveUntilUtc > now))
            .Select(m => new { m.Id, m.Title, m.Status, m.Mission, m.CreatedUtc, m.ActiveUntilUtc })
            .ToListAsync(ct);
        var waiting = messages.Where(m => m.Status is MessageStatus.Submitted or MessageStatus.Approved)
            .OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id).ToList();
        var active = messages.Where(m => m.Status == MessageStatus.Published).OrderBy(m => m.ActiveUntilUtc).ThenBy(m => m.Id).ToList();

        // 2. The period and the aggregates' refresh time.
        var head = await HomeFigures.HeadAsync(db, today, ct);

        // 3. The verification queue (the same for every officer: kept for QueueMaxAge, as the menu's badges are).
        var verification = await HomeCache.GetAsync(db, "humas-queue", null, now, QueueMaxAge, () => VerificationAsync(ct));

        // 4–5. Figures and open assignments of the active messages (kept for QueueMaxAge too).
        var ids = active.Select(m => m.Id).ToList();
        var figures = ids.Count == 0 ? [] : await HomeCache.GetAsync(db, "humas-messages:" + string.Join(',', ids), null, now, QueueMaxAge, () => MessageFiguresAsync(ids, ct));
        var open = (await HomeFigures.OpenAssignmentsAsync(db, now, ct: ct)).ToDictionary(o => o.MessageId);
        var rows = active.Select(m =>
        {
            var r = figures.FirstOrDefault(f => f.MessageId == m.Id && f.Kind == Reports);
            var c = figures.FirstOrDefault(f => f.MessageId == m.Id && f.Kind == Clicks);
            var p = figures.FirstOrDefault(f => f.MessageId == m.Id && f.Kind == Responses);
            var o = open.GetValueOrDefault(m.Id);
            return new ActiveMessageRow(m.Id, m.Title, m.Mission, m.ActiveUntilUtc, o?.Assigned ?? 0, o?.NotReported ?? 0,
                r?.A ?? 0, r?.B ?? 0, r?.C ?? 0, c?.A ?? 0, c?.B ?? 0,
                new DialogicLoopFigure(p?.A ?? 0, p?.B ?? 0, p?.C ?? 0, p?.D ?? 0));
        }).ToList();

        // 6. Shares per day and platform (stored aggregates: kept until they are refreshed).
        var days = await HomeCache.GetAsync(db, $"humas-days:{today:yyyy-MM-dd}", head.RefreshedUtc, now, AggregateMaxAge,
            async () => await SharesByDayQuery(db, today.AddDays(1 - SharesDays), today).ToListAsync(ct));
        var sharesByDay = SharesByDay(today, days);

        // 7. Participation per unit in the period (also the recap's; stored aggregates: kept until they are refreshed).
        var window = HomeFigures.WindowOf(head.Period, today, display.Zone);
        var units = await HomeCache.GetAsync(db, $"participation:{window.Start:yyyy-MM-dd}:{window.End:yyyy-MM-dd}", head.RefreshedUtc, now, AggregateMaxAge,
            () => HomeFigures.ParticipationAsync(db, window, ct: ct));
        var recap = recaps.View(new RecapData(null, window, now, units, [.. open.Values.OrderBy(o => o.DueUtc).ThenBy(o => o.MessageId)]));

        return new HumasHome(now, head.RefreshedUtc,
            waiting.Count(m => m.Status == MessageStatus.Submitted),
            waiting.Count(m => m.Status == MessageStatus.Approved),
            [.. waiting.Take(HumasHome.OldestShown).Select(m => new MessageWaiting(m.Id, m.Title, m.Status, m.CreatedUtc))],
            verification, rows, sharesByDay, window, units, ParticipationChart(units, window), recap);
    }

    internal sealed class PendingRow
    {
        public int Total { get; init; }
        public int Flagged { get; init; }
        public DateTime? Oldest { get; init; }
        public int Above { get; init; }
        public int Duplicate { get; init; }
        public int Burst { get; init; }
        public int Handle { get; init; }
        public int Decreased { get; init; }
        public int ShortLink { get; init; }
    }

    /// <summary>The pending queue in one row: totals and a count per flag bit.</summary>
    internal static IQueryable<PendingRow> PendingQuery(AppDbContext db)
    {
        const ReportFlagSet above = ReportFlagSet.AboveFollowers, duplicate = ReportFlagSet.DuplicateScreenshot, burst = ReportFlagSet.Burst,
            handle = ReportFlagSet.HandleMismatch, decreased = ReportFlagSet.NumbersDecreased, shortLink = ReportFlagSet.UnresolvedShortLink;
        return db.ShareReports.AsNoTracking().Where(r => r.State == ReportState.Pending)
            .GroupBy(r => 1)
            .Select(g => new PendingRow
            {
                Total = g.Count(),
                Flagged = g.Count(r => r.Flags != ReportFlagSet.None),
                Oldest = g.Min(r => (DateTime?)r.SubmittedUtc),
                Above = g.Count(r => (r.Flags & above) == above),
                Duplicate = g.Count(r => (r.Flags & duplicate) == duplicate),
                Burst = g.Count(r => (r.Flags & burst) == burst),
                Handle = g.Count(r => (r.Flags & handle) == handle),
                Decreased = g.Count(r => (r.Flags & decreased) == decreased),
                ShortLink = g.Count(r => (r.Flags & shortLink) == shortLink),
            });
    }

    private async Task<VerificationFigures> VerificationAsync(CancellationToken ct)
    {
        var q = await PendingQuery(db).FirstOrDefaultAsync(ct);
        int CountOf(ReportFlagCode code) => q is null ? 0 : code switch
        {
            ReportFlagCode.AboveFollowers => q.Above,
            ReportFlagCode.DuplicateScreenshot => q.Duplicate,
            ReportFlagCode.Burst => q.Burst,
            ReportFlagCode.HandleMismatch => q.Handle,
            ReportFlagCode.NumbersDecreased => q.Decreased,
            _ => q.ShortLink,
        };
        var flags = Enum.GetValues<ReportFlagCode>()
            .Select(code => new FlagCount(code, ReportFlags.Label(code), CountOf(code), (ReportQueueQuery.Default with { Flag = code }).Url()))
            .ToList();
        return new VerificationFigures(q?.Total ?? 0, q?.Flagged ?? 0, q?.Oldest, flags);
    }

    private const int Reports = 1, Clicks = 2, Responses = 3;

    /// <summary>One row per (message, kind of figure); A–D are that kind's numbers (see the three queries).</summary>
    internal sealed class MessageFigure
    {
        public int MessageId { get; init; }
        public int Kind { get; init; }
        public int A { get; init; }
        public int B { get; init; }
        public int C { get; init; }
        public int D { get; init; }
    }

    /// <summary>Reports (all, verified, pending), clicks (people, distinct visitors) and responses (all, needing an answer, answered within the window, open) of the messages, as one UNION ALL.</summary>
    private Task<List<MessageFigure>> MessageFiguresAsync(List<int> ids, CancellationToken ct) => MessageFiguresQuery(db, ids).ToListAsync(ct);

    internal static IQueryable<MessageFigure> MessageFiguresQuery(AppDbContext db, IReadOnlyCollection<int> ids)
    {
        var hours = DialogicLoop.Window.TotalHours;
        var reports =
            from r in db.ShareReports.AsNoTracking()
            where ids.Contains(r.MessageId)
            group r by r.MessageId into g
            select new MessageFigure
            {
                MessageId = g.Key, Kind = Reports, A = g.Count(),
                B = g.Count(r => r.State == ReportState.Verified), C = g.Count(r => r.State == ReportState.Pending), D = 0,
            };
        var clicks =
            from c in db.LinkClicks.AsNoTracking()
            join t in db.TrackedLinks on c.TrackedLinkId equals t.Id
            join a in db.Assignments on t.AssignmentId equals a.Id
            where !c.IsBot && ids.Contains(a.MessageId)
            group c by a.MessageId into g
            select new MessageFigure { MessageId = g.Key, Kind = Clicks, A = g.Count(), B = g.Select(x => x.VisitorHash).Distinct().Count(), C = 0, D = 0 };
        var responses =
            from p in db.PublicResponses.AsNoTracking()
            where ids.Contains(p.MessageId)
            group p by p.MessageId into g
            select new MessageFigure
            {
                MessageId = g.Key, Kind = Responses, A = g.Count(),
                B = g.Count(p => p.Kind == ResponseKind.Question || p.Kind == ResponseKind.Complaint),
                C = g.Count(p => (p.Kind == ResponseKind.Question || p.Kind == ResponseKind.Complaint) && p.ResolvedUtc != null && p.ResolvedUtc <= p.RecordedUtc.AddHours(hours)),
                D = g.Count(p => (p.Kind == ResponseKind.Question || p.Kind == ResponseKind.Complaint) && p.ResolvedUtc == null),
            };
        return reports.Concat(clicks).Concat(responses);
    }

    /// <summary>Share reports not rejected, per local posting day and platform, over the last <see cref="SharesDays"/> days up to today.</summary>
    private static ChartData SharesByDay(DateOnly today, IReadOnlyList<DayRow> rows)
    {
        var first = today.AddDays(1 - SharesDays);
        var days = Enumerable.Range(0, SharesDays).Select(first.AddDays).ToList();
        var platforms = rows.Select(r => r.Platform).Distinct().Order().ToList();
        var culture = CultureInfo.CurrentCulture;
        return new ChartData(ChartKind.StackedBar, I18n.Key("Laporan sebaran per hari menurut platform"),
            [.. days.Select(d => d.ToString("d MMM", culture))],
            [.. platforms.Select(p => new ChartSeriesData(CaptionRules.PlatformName(p),
                [.. days.Select(d => (double?)rows.Where(r => r.Platform == p && r.Day == d).Sum(r => r.Count))]))])
        {
            ValueLabel = I18n.Key("jumlah laporan"),
            CategoryLabel = I18n.Key("Tanggal"),
            Note = I18n.Key("30 hari terakhir menurut tanggal unggah; laporan yang ditolak tidak dihitung."),
            ShowTotals = true,
        };
    }

    internal sealed class DayRow
    {
        public DateOnly Day { get; init; }
        public Platform Platform { get; init; }
        public int Count { get; init; }
    }

    /// <summary>Reports not rejected per local day and platform, from the stored daily rows.</summary>
    internal static IQueryable<DayRow> SharesByDayQuery(AppDbContext db, DateOnly from, DateOnly to) =>
        db.AggDailyShares.AsNoTracking()
            .Where(x => x.Day >= from && x.Day <= to)
            .GroupBy(x => new { x.Day, x.Platform })
            .Select(g => new DayRow { Day = g.Key.Day, Platform = g.Key.Platform, Count = g.Sum(x => x.Reports - x.Rejected) })
            .Where(r => r.Count > 0);

    /// <summary>The participation chart: every unit with agents, or the best and the weakest halves of <see cref="ChartUnits"/> when there are more.</summary>
    public static ChartData ParticipationChart(IReadOnlyList<UnitParticipation> units, ParticipationWindow window)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(window);
        var rated = units.Where(u => u.Rate is not null).ToList();
        var shown = rated.Count <= ChartUnits ? rated : [.. rated.Take(ChartUnits / 2), .. rated.Skip(rated.Count - (ChartUnits / 2))];
        return new ChartData(ChartKind.Bar, I18n.Key("Partisipasi per unit kerja"), [.. shown.Select(u => u.UnitName)],
        [
            new ChartSeriesData(I18n.Key("Tingkat partisipasi"), [.. shown.Select(u => (double?)u.Rate)]),
            new ChartSeriesData(I18n.Key("Agen aktif"), [.. shown.Select(u => (double?)u.Active)]) { Format = ChartValueFormat.Count },
            new ChartSeriesData(I18n.Key("Agen terdaftar"), [.. shown.Select(u => (double?)u.Enrolled)]) { Format = ChartValueFormat.Count },
        ])
        {
            Horizontal = true,
            Format = ChartValueFormat.Percent,
            ValueLabel = I18n.Key("persen agen aktif"),
            CategoryLabel = I18n.Key("Unit kerja"),
            Note = rated.Count > ChartUnits
                ? I18n.Key("Agen aktif ÷ agen terdaftar. Ditampilkan 10 unit tertinggi dan 10 unit terendah; semua unit ada di rekap.")
                : I18n.Key("Agen aktif ÷ agen terdaftar. Agen aktif: punya sedikitnya satu sebaran terverifikasi dalam periode."),
        };
    }
}
