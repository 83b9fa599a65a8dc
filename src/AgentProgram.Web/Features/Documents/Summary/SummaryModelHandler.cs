using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Shared;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents.Summary;

/// <summary>
/// Builds the Ringkasan Pimpinan of a reward period. Everything is summed in the database in a fixed number of
/// statements (the current and the previous period side by side in the same ones), whatever the number of
/// agents or reports: period, previous period, report figures, active agents (three), clicks, responses,
/// enrolled agents, top agents, top messages, letterhead and signature.
/// </summary>
public sealed class SummaryModelHandler(AppDbContext db, Display display, OfficialPartsHandler parts, IServiceScopeFactory scopes)
{
    public const string NoUnit = "Tanpa unit";

    private sealed record PeriodRow(int Id, string Name, DateOnly StartDate, DateOnly EndDate, PeriodState State, int? RunId,
        int? Recognised, int? Recommendations, long? IncentiveTotal, DateTime? RunApprovedUtc);

    public async Task<SummaryModel?> BuildAsync(int periodId, DateOnly issuedOn, CancellationToken ct = default)
    {
        // 1. The period, its current run's totals, its rules and notes.
        var p = await db.RewardPeriods.AsNoTracking().Where(x => x.Id == periodId).Select(x => new
        {
            Row = new PeriodRow(x.Id, x.Name, x.StartDate, x.EndDate, x.State, x.CurrentRunId,
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (int?)r.Recognised).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (int?)r.Recommendations).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (long?)r.IncentiveTotal).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => r.ApprovedUtc).FirstOrDefault()),
            x.SchemeId,
            x.Notes,
            Rules = db.RewardSchemeVersions
                .Where(v => x.SchemeVersionId != null ? v.Id == x.SchemeVersionId : v.SchemeId == x.SchemeId && v.State == SchemeVersionState.Approved)
                .OrderByDescending(v => v.Number).Select(v => v.RulesJson).FirstOrDefault(),
        }).SingleOrDefaultAsync(ct);
        if (p is null) return null;
        var period = p.Row;
        var rules = p.Rules is null ? RewardRules.Default : RewardRules.FromJson(p.Rules);

        // 2. The previous period: the latest of the same scheme ending before this one starts.
        var previous = await db.RewardPeriods.AsNoTracking()
            .Where(x => x.SchemeId == p.SchemeId && x.Id != periodId && x.EndDate < period.StartDate)
            .OrderByDescending(x => x.EndDate).ThenByDescending(x => x.Id)
            .Select(x => new PeriodRow(x.Id, x.Name, x.StartDate, x.EndDate, x.State, x.CurrentRunId,
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (int?)r.Recognised).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (int?)r.Recommendations).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (long?)r.IncentiveTotal).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => r.ApprovedUtc).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);

        var cur = new PeriodWindow(period.StartDate, period.EndDate, display.Zone);
        var prev = previous is null ? null : new PeriodWindow(previous.StartDate, previous.EndDate, display.Zone);
        DateTime cs = cur.StartUtc, ce = cur.EndUtc, cu = cur.EvidenceUntilUtc;
        // No previous period: an empty window before the current one.
        DateTime ps = prev?.StartUtc ?? cs, pe = prev?.EndUtc ?? cs, pu = prev?.EvidenceUntilUtc ?? cs;

        IQueryable<ShareReport> Reports(AppDbContext context) => context.ShareReports.AsNoTracking()
            .Where(r => (r.PostedUtc >= cs && r.PostedUtc < ce) || (r.PostedUtc >= ps && r.PostedUtc < pe));
        var reports = Reports(db);

        // 3. Report figures per (period, mission, unit, message): the heaviest query (every report with its
        // strongest readings), run on a connection of its own while the others run on this one.
        var groupsTask = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var other = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await ShareFigures.Facts(other, rules, Reports(other), cs, cu, pu)
                .GroupBy(f => new { f.Current, f.Mission, f.UnitId, f.UnitName, f.MessageId })
                .Select(g => new ShareFigures.Group
                {
                    Current = g.Key.Current, Mission = g.Key.Mission, UnitId = g.Key.UnitId, UnitName = g.Key.UnitName, MessageId = g.Key.MessageId,
                    Reports = g.Count(),
                    Verified = g.Count(f => f.State == ReportState.Verified),
                    Rejected = g.Count(f => f.State == ReportState.Rejected),
                    Pending = g.Count(f => f.State == ReportState.Pending),
                    Flagged = g.Count(f => f.Flagged),
                    Corrected = g.Count(f => f.Corrected),
                    Reach = g.Sum(f => f.State == ReportState.Verified ? f.Reach ?? 0 : 0),
                    Views = g.Sum(f => f.State == ReportState.Verified ? f.Views ?? 0 : 0),
                    Comments = g.Sum(f => f.State == ReportState.Verified ? f.Comments ?? 0 : 0),
                    Reposts = g.Sum(f => f.State == ReportState.Verified ? f.Reposts ?? 0 : 0),
                    Saves = g.Sum(f => f.State == ReportState.Verified ? f.Saves ?? 0 : 0),
                }).ToListAsync(ct);
        }, ct);

        // 4–6. Active agents (distinct, so counted per grouping): per period, per mission and per unit of the current one.
        var verified = reports.Where(r => r.State == ReportState.Verified);
        // One pass over the verified reports: the distinct (period, mission, unit, agent) combinations, counted in memory.
        var activeRows = await (from r in verified
                                join m in db.PolicyMessages on r.MessageId equals m.Id
                                group r by new { Current = r.PostedUtc >= cs, m.Mission, r.UnitId, r.AgentId } into g
                                select g.Key).ToListAsync(ct);
        var activeTotal = activeRows.GroupBy(a => a.Current)
            .Select(g => new { Current = g.Key, Agents = g.Select(a => a.AgentId).Distinct().Count() }).ToList();
        var activeByMission = activeRows.Where(a => a.Current).GroupBy(a => a.Mission)
            .ToDictionary(g => g.Key, g => g.Select(a => a.AgentId).Distinct().Count());
        var activeByUnit = activeRows.Where(a => a.Current).GroupBy(a => a.UnitId)
            .Select(g => new { UnitId = g.Key, Agents = g.Select(a => a.AgentId).Distinct().Count() }).ToList();

        // 7. Tracked-link clicks and unique visitors per link, summed per (period, mission).
        var clicks = await ShareFigures.Clicks(db, cs, ce, ps, pe).ToListAsync(ct);

        // 8. Public responses per (period, mission, kind), with the dialogic-loop counts.
        var responses = await ShareFigures.Responses(db, db.PublicResponses.Where(x => (x.RecordedUtc >= cs && x.RecordedUtc < ce) || (x.RecordedUtc >= ps && x.RecordedUtc < pe)), cs)
            .ToListAsync(ct);

        // 9. Enrolled agents per unit, for both periods.
        var enrolled = await db.Agents.AsNoTracking()
            .Where(a => (a.EnrolledUtc < ce && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= cs))
                        || (a.EnrolledUtc < pe && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= ps)))
            .GroupBy(a => new { a.Employee.UnitId, Name = a.Employee.Unit != null ? a.Employee.Unit.Name : null })
            .Select(g => new
            {
                g.Key.UnitId, g.Key.Name,
                Current = g.Count(a => a.EnrolledUtc < ce && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= cs)),
                Previous = g.Count(a => a.EnrolledUtc < pe && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= ps)),
            }).ToListAsync(ct);

        // 10. Top agents by the current run's rank (names and units; never NIPs).
        var topAgents = period.RunId is not { } runId ? [] : await (
            from r in db.RewardResults.AsNoTracking()
            where r.RunId == runId && r.Rank != null
            join a in db.Agents on r.AgentId equals a.Id
            join e in db.Employees on a.EmployeeId equals e.Id
            join u in db.Units on r.UnitId equals u.Id into uj
            from u in uj.DefaultIfEmpty()
            orderby r.Rank, r.Score descending, r.AgentId
            select new { Rank = r.Rank!.Value, e.TitlePrefix, e.Name, e.TitleSuffix, Unit = u == null ? null : u.Name, r.Score, r.CountedShares })
            .Take(10).ToListAsync(ct);

        var groups = await groupsTask;

        // 11. Top messages of the period: most verified shares, then most reach (from the groups above).
        var topTen = groups.Where(g => g.Current).GroupBy(g => g.MessageId)
            .Select(g => new { MessageId = g.Key, Verified = g.Sum(x => x.Verified), Reach = g.Sum(x => x.Reach), Views = g.Sum(x => x.Views) })
            .OrderByDescending(t => t.Verified).ThenByDescending(t => t.Reach).ThenBy(t => t.MessageId).Take(10).ToList();
        var topIds = topTen.Select(t => t.MessageId).ToList();
        var topTitles = await db.PolicyMessages.AsNoTracking().Where(m => topIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Title, m.Mission }).ToDictionaryAsync(m => m.Id, ct);
        var topMessages = topTen.Select(t => new { topTitles[t.MessageId].Title, topTitles[t.MessageId].Mission, t.Verified, t.Reach, t.Views }).ToList();

        // 12–13. Letterhead and signature.
        var letterhead = await parts.LetterheadAsync(ct);
        var signature = await parts.SignatureAsync(SignatoryRole.HeadOfPublicRelations, issuedOn, ct);

        // Assemble (in memory, over small grouped rows).
        var missions = Enum.GetValues<MissionTag>();
        SummaryKeyFigures Figures(bool current, PeriodRow row)
        {
            var g = groups.Where(x => x.Current == current).ToList();
            var enrolledCount = enrolled.Sum(e => current ? e.Current : e.Previous);
            var active = activeTotal.Where(a => a.Current == current).Sum(a => a.Agents);
            var reportCount = g.Sum(x => x.Reports);
            var verifiedCount = g.Sum(x => x.Verified);
            var hasRun = row.RunId is not null;
            return new SummaryKeyFigures(enrolledCount, active, Rate(active, enrolledCount), reportCount, verifiedCount, Rate(verifiedCount, reportCount),
                g.Sum(x => x.Reach), g.Sum(x => x.Views),
                clicks.Where(c => c.Current == current).Sum(c => c.Clicks), clicks.Where(c => c.Current == current).Sum(c => c.Visitors),
                responses.Where(r => r.Current == current).Sum(r => r.Count),
                hasRun, hasRun && (row.RunApprovedUtc is null || row.State is not (PeriodState.Approved or PeriodState.Closed)),
                hasRun ? row.Recognised ?? 0 : null, hasRun ? row.Recommendations ?? 0 : null, hasRun ? row.IncentiveTotal ?? 0 : null);
        }

        var currentFigures = Figures(true, period);
        var previousFigures = previous is null ? null : Figures(false, previous);

        var missionFigures = missions.Select(tag =>
        {
            var g = groups.Where(x => x.Current && x.Mission == tag).ToList();
            var c = clicks.Where(x => x.Current && x.Mission == tag).ToList();
            var r = responses.Where(x => x.Current && x.Mission == tag).ToList();
            return new MissionFigures(tag, tag.Label(), [.. tag.Kpis().Select(k => k.Label())],
                g.Sum(x => x.Reports), g.Sum(x => x.Verified), activeByMission.GetValueOrDefault(tag),
                g.Sum(x => x.Reach), g.Sum(x => x.Views), g.Sum(x => x.Comments), g.Sum(x => x.Reposts), g.Sum(x => x.Saves),
                c.Sum(x => x.Clicks), c.Sum(x => x.Visitors), r.Sum(x => x.Count), ShareFigures.Dialogic(r.Select(x => (x.Kind, x.Count, x.Closed, x.Open))));
        }).ToList();

        var unitIds = enrolled.Where(e => e.Current > 0).Select(e => e.UnitId)
            .Concat(groups.Where(x => x.Current).Select(x => x.UnitId)).Distinct().ToList();
        var names = enrolled.Where(e => e.UnitId is not null).GroupBy(e => e.UnitId!.Value).ToDictionary(x => x.Key, x => x.First().Name ?? "");
        foreach (var x in groups.Where(x => x.UnitId is not null)) names.TryAdd(x.UnitId!.Value, x.UnitName ?? "");
        var units = unitIds.Select(id =>
        {
            var g = groups.Where(x => x.Current && x.UnitId == id).ToList();
            var enrolledCount = enrolled.Where(e => e.UnitId == id).Sum(e => e.Current);
            var active = activeByUnit.Where(a => a.UnitId == id).Sum(a => a.Agents);
            return new UnitFigures(id, id is { } u ? names.GetValueOrDefault(u, "") : NoUnit, enrolledCount, active, Rate(active, enrolledCount),
                g.Sum(x => x.Reports), g.Sum(x => x.Verified), g.Sum(x => x.Reach));
        })
        .OrderByDescending(u => u.CumulativeReach).ThenBy(u => u.UnitId is null).ThenBy(u => u.UnitName, StringComparer.Ordinal).ToList();

        var charted = units.Take(MaxChartUnits).ToList();
        var reachChart = new ChartModel("Jangkauan kumulatif per unit", "Jangkauan kumulatif", [.. charted.Select(u => u.UnitName)],
            [new ChartSeries("Jangkauan kumulatif", [.. charted.Select(u => (double)u.CumulativeReach)])]);
        var participationChart = new ChartModel("Tingkat partisipasi per unit", "Persen agen aktif", [.. charted.Select(u => u.UnitName)],
            [new ChartSeries("Tingkat partisipasi (%)", [.. charted.Select(u => (double)(u.ParticipationRate ?? 0))])]);

        var current = groups.Where(x => x.Current).ToList();
        var verification = new VerificationStats(current.Sum(x => x.Reports), current.Sum(x => x.Verified), current.Sum(x => x.Rejected),
            current.Sum(x => x.Pending), current.Sum(x => x.Flagged), current.Sum(x => x.Corrected));
        var dialogic = ShareFigures.Dialogic(responses.Where(r => r.Current).Select(x => (x.Kind, x.Count, x.Closed, x.Open)));

        return new SummaryModel(
            $"Ringkasan Pimpinan Periode {period.Name}",
            issuedOn,
            letterhead,
            Describe(period),
            previous is null ? null : Describe(previous),
            currentFigures,
            previousFigures,
            KeyFigureRows(currentFigures, previousFigures),
            missionFigures,
            units,
            reachChart,
            participationChart,
            [.. topAgents.Select(a => new TopAgent(a.Rank, FullName(a.TitlePrefix, a.Name, a.TitleSuffix), a.Unit, a.Score, a.CountedShares))],
            [.. topMessages.Select((m, i) => new TopMessage(i + 1, m.Title, m.Mission, m.Mission.Label(), m.Verified, m.Reach, m.Views))],
            dialogic,
            verification,
            string.IsNullOrWhiteSpace(p.Notes) ? null : p.Notes.Trim(),
            signature);
    }

    /// <summary>The per-unit charts show the units with the most reach, at most this many.</summary>
    public const int MaxChartUnits = 15;

    private static SummaryPeriod Describe(PeriodRow p) => new(p.Name, p.StartDate, p.EndDate,
        $"{OfficialPartsHandler.FormatDate(p.StartDate)} – {OfficialPartsHandler.FormatDate(p.EndDate)}",
        p.State, PeriodWorkflow.Label(p.State), p.State is not (PeriodState.Approved or PeriodState.Closed));

    /// <summary>part ÷ whole × 100, two decimals (half away from zero); null when whole is 0.</summary>
    public static decimal? Rate(long part, long whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    internal static string FullName(string? prefix, string name, string? suffix) =>
        string.Join(" ", new[] { prefix, name }.Where(s => !string.IsNullOrWhiteSpace(s)))
        + (string.IsNullOrWhiteSpace(suffix) ? "" : ", " + suffix);

    private static IReadOnlyList<KeyFigureRow> KeyFigureRows(SummaryKeyFigures c, SummaryKeyFigures? p)
    {
        var rows = new List<KeyFigureRow>
        {
            Row("Agen terdaftar", FigureKind.Count, c.EnrolledAgents, p?.EnrolledAgents),
            Row("Agen aktif", FigureKind.Count, c.ActiveAgents, p?.ActiveAgents),
            Row("Tingkat partisipasi", FigureKind.Percent, c.ParticipationRate, p?.ParticipationRate),
            Row("Laporan sebaran", FigureKind.Count, c.ShareReports, p?.ShareReports),
            Row("Sebaran terverifikasi", FigureKind.Count, c.VerifiedShares, p?.VerifiedShares),
            Row("Tingkat verifikasi", FigureKind.Percent, c.VerifiedShareRate, p?.VerifiedShareRate),
            Row("Jangkauan kumulatif", FigureKind.Count, c.CumulativeReach, p?.CumulativeReach),
            Row("Tayangan", FigureKind.Count, c.Views, p?.Views),
            Row("Klik tautan terlacak", FigureKind.Count, c.LinkClicks, p?.LinkClicks),
            Row("Pengunjung unik", FigureKind.Count, c.UniqueVisitors, p?.UniqueVisitors),
            Row("Tanggapan publik", FigureKind.Count, c.PublicResponses, p?.PublicResponses),
            Row("Agen penerima piagam", FigureKind.Count, c.RecognisedAgents, p?.RecognisedAgents),
            Row("Rekomendasi", FigureKind.Count, c.Recommendations, p?.Recommendations),
            Row("Total insentif", FigureKind.Rupiah, c.IncentiveTotal, p?.IncentiveTotal),
        };
        return rows;
    }

    private static KeyFigureRow Row(string label, FigureKind kind, decimal? current, decimal? previous)
    {
        decimal? change = current is { } a && previous is { } b ? a - b : null;
        decimal? relative = kind != FigureKind.Percent && current is { } x && previous is { } y && y != 0
            ? Math.Round((x - y) * 100m / y, 2, MidpointRounding.AwayFromZero) : null;
        return new KeyFigureRow(label, kind, current, previous, change, relative);
    }
}

/// <summary>
/// Set-based figures of share reports shared by the period summary and the message report: per report the
/// reading of the strongest evidence source for each number (the reward calculation's rule: highest evidence
/// percent, then largest value, via <see cref="EvidenceKey"/>), clicks and unique visitors per tracked link,
/// and public responses with the dialogic-loop counts.
/// </summary>
internal static class ShareFigures
{
    internal sealed class Fact
    {
        public bool Current { get; set; }
        public int AgentId { get; set; }
        public int MessageId { get; set; }
        public MissionTag Mission { get; set; }
        public int? UnitId { get; set; }
        public string? UnitName { get; set; }
        public Platform Platform { get; set; }
        public ReportState State { get; set; }
        public bool Flagged { get; set; }
        public bool Corrected { get; set; }
        public long? Reach { get; set; }
        public long? Views { get; set; }
        public long? Comments { get; set; }
        public long? Reposts { get; set; }
        public long? Saves { get; set; }
    }

    /// <summary>Report figures of one (period, mission, unit, message).</summary>
    internal sealed class Group
    {
        public bool Current { get; set; }
        public MissionTag Mission { get; set; }
        public int? UnitId { get; set; }
        public string? UnitName { get; set; }
        public int MessageId { get; set; }
        public int Reports { get; set; }
        public int Verified { get; set; }
        public int Rejected { get; set; }
        public int Pending { get; set; }
        public int Flagged { get; set; }
        public int Corrected { get; set; }
        public long Reach { get; set; }
        public long Views { get; set; }
        public long Comments { get; set; }
        public long Reposts { get; set; }
        public long Saves { get; set; }
    }

    internal sealed class Reading
    {
        public long ReportId { get; set; }
        public long? V { get; set; }
        public long? R { get; set; }
        public long? C { get; set; }
        public long? P { get; set; }
        public long? S { get; set; }
    }

    /// <summary>
    /// One row per report of <paramref name="reports"/>. <c>Current</c> is "posted at or after <paramref name="split"/>";
    /// readings count when taken before <paramref name="untilCurrent"/> (current reports) or <paramref name="untilPrevious"/> (the others).
    /// </summary>
    internal static IQueryable<Fact> Facts(AppDbContext db, RewardRules rules, IQueryable<ShareReport> reports, DateTime split, DateTime untilCurrent, DateTime untilPrevious)
    {
        long self = rules.EvidencePercent(MetricSource.SelfReported), shot = rules.EvidencePercent(MetricSource.Screenshot),
            csv = rules.EvidencePercent(MetricSource.CsvImport), counter = rules.EvidencePercent(MetricSource.PublicCounter),
            api = rules.EvidencePercent(MetricSource.ApiVerified);
        const long scale = EvidenceKey.Scale;
        var readings =
            from s in db.ReportSnapshots
            join r in reports on s.ReportId equals r.Id
            where s.TakenUtc < (r.PostedUtc >= split ? untilCurrent : untilPrevious)
            let pct = (s.Source == MetricSource.SelfReported ? self : s.Source == MetricSource.Screenshot ? shot
                : s.Source == MetricSource.CsvImport ? csv : s.Source == MetricSource.PublicCounter ? counter : api) * scale
            group new { s, pct } by s.ReportId into g
            select new Reading
            {
                ReportId = g.Key,
                V = g.Max(x => x.s.Views == null ? null : x.pct + x.s.Views) % scale,
                R = g.Max(x => x.s.Reach == null ? null : x.pct + x.s.Reach) % scale,
                C = g.Max(x => x.s.Comments == null ? null : x.pct + x.s.Comments) % scale,
                P = g.Max(x => x.s.Reposts == null ? null : x.pct + x.s.Reposts) % scale,
                S = g.Max(x => x.s.Saves == null ? null : x.pct + x.s.Saves) % scale,
            };
        return
            from r in reports
            join m in db.PolicyMessages on r.MessageId equals m.Id
            join u in db.Units on r.UnitId equals u.Id into uj
            from u in uj.DefaultIfEmpty()
            join sn in readings on r.Id equals sn.ReportId into sj
            from sn in sj.DefaultIfEmpty()
            select new Fact
            {
                Current = r.PostedUtc >= split,
                AgentId = r.AgentId,
                MessageId = r.MessageId,
                Mission = m.Mission,
                UnitId = r.UnitId,
                UnitName = u!.Name,
                Platform = r.Platform,
                State = r.State,
                Flagged = r.Flags != ReportFlagSet.None,
                Corrected = r.CorrectionCount > 0,
                Reach = sn!.R,
                Views = sn!.V,
                Comments = sn!.C,
                Reposts = sn!.P,
                Saves = sn!.S,
            };
    }

    internal sealed record ClickRow(bool Current, MissionTag Mission, long Clicks, long Visitors);

    /// <summary>Non-bot clicks and unique visitors per tracked link inside either window, summed per (window, mission).</summary>
    internal static IQueryable<ClickRow> Clicks(AppDbContext db, DateTime cs, DateTime ce, DateTime ps, DateTime pe)
    {
        var perLink =
            from c in db.LinkClicks.AsNoTracking()
            where !c.IsBot && ((c.OccurredUtc >= cs && c.OccurredUtc < ce) || (c.OccurredUtc >= ps && c.OccurredUtc < pe))
            group c by new { c.TrackedLinkId, Current = c.OccurredUtc >= cs } into g
            select new { g.Key.TrackedLinkId, g.Key.Current, Clicks = g.Count(), Visitors = g.Select(x => x.VisitorHash).Distinct().Count() };
        return
            from x in perLink
            join l in db.TrackedLinks on x.TrackedLinkId equals l.Id
            join a in db.Assignments on l.AssignmentId equals a.Id
            join m in db.PolicyMessages on a.MessageId equals m.Id
            group x by new { x.Current, m.Mission } into g
            select new ClickRow(g.Key.Current, g.Key.Mission, g.Sum(y => (long)y.Clicks), g.Sum(y => (long)y.Visitors));
    }

    internal sealed record ResponseRow(bool Current, MissionTag Mission, ResponseKind Kind, int Count, int Closed, int Open);

    /// <summary>Responses per (recorded at or after <paramref name="split"/>, mission, kind); Closed = answered or referred within the dialogic window.</summary>
    internal static IQueryable<ResponseRow> Responses(AppDbContext db, IQueryable<PublicResponse> responses, DateTime split)
    {
        var hours = DialogicLoop.Window.TotalHours;
        return
            from x in responses.AsNoTracking()
            join m in db.PolicyMessages on x.MessageId equals m.Id
            group x by new { Current = x.RecordedUtc >= split, m.Mission, x.Kind } into g
            select new ResponseRow(g.Key.Current, g.Key.Mission, g.Key.Kind, g.Count(),
                g.Count(y => y.ResolvedUtc != null && y.ResolvedUtc <= y.RecordedUtc.AddHours(hours)),
                g.Count(y => y.ResolvedUtc == null));
    }

    /// <summary>The dialogic-loop figure from counts per kind (<see cref="DialogicLoop.NeedsAnswer"/> decides which count).</summary>
    internal static DialogicLoopFigure Dialogic(IEnumerable<(ResponseKind Kind, int Count, int Closed, int Open)> rows)
    {
        int total = 0, needing = 0, closed = 0, open = 0;
        foreach (var (kind, count, c, o) in rows)
        {
            total += count;
            if (!DialogicLoop.NeedsAnswer(kind)) continue;
            needing += count;
            closed += c;
            open += o;
        }
        return new DialogicLoopFigure(total, needing, closed, open);
    }
}
