using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Shared;
using AgentProgram.Web.Features.Documents.Summary;
using AgentProgram.Web.Features.PublicResponses;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents.MessageReport;

/// <summary>
/// Builds the Laporan Pesan of one policy message, summed in the database in eight statements: the message,
/// the evidence rules, report figures per (platform, unit), assignments per unit, clicks per platform,
/// responses per kind, letterhead and signature.
/// </summary>
public sealed class MessageReportModelHandler(AppDbContext db, Display display, IConfiguration config, OfficialPartsHandler parts)
{
    public const int TopUnitCount = 5;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public async Task<MessageReportModel?> BuildAsync(int messageId, DateOnly issuedOn, CancellationToken ct = default)
    {
        // 1. The message.
        var m = await db.PolicyMessages.AsNoTracking().Where(x => x.Id == messageId)
            .Select(x => new { x.Title, x.PolicyReference, x.Mission, x.ActiveFromUtc, x.ActiveUntilUtc, x.Status })
            .SingleOrDefaultAsync(ct);
        if (m is null) return null;

        // 2. The evidence factors: the newest approved scheme version's (a message belongs to no period).
        var rulesJson = await db.RewardSchemeVersions.AsNoTracking().Where(v => v.State == SchemeVersionState.Approved)
            .OrderByDescending(v => v.ApprovedUtc).ThenByDescending(v => v.Id).Select(v => v.RulesJson).FirstOrDefaultAsync(ct);
        var rules = rulesJson is null ? RewardRules.Default : RewardRules.FromJson(rulesJson);

        // 3. Report figures per (platform, unit recorded on the report); every reading counts (no period).
        var reports = db.ShareReports.AsNoTracking().Where(r => r.MessageId == messageId);
        var groups = await ShareFigures.Facts(db, rules, reports, DateTime.MinValue, DateTime.MaxValue, DateTime.MaxValue)
            .GroupBy(f => new { f.Platform, f.UnitId, f.UnitName })
            .Select(g => new
            {
                g.Key.Platform, g.Key.UnitId, g.Key.UnitName,
                Reported = g.Count(),
                Verified = g.Count(f => f.State == ReportState.Verified),
                Rejected = g.Count(f => f.State == ReportState.Rejected),
                Pending = g.Count(f => f.State == ReportState.Pending),
                Reach = g.Sum(f => f.State == ReportState.Verified ? f.Reach ?? 0 : 0),
                Views = g.Sum(f => f.State == ReportState.Verified ? f.Views ?? 0 : 0),
            }).ToListAsync(ct);

        // 4. Assignments per agent's current unit, and how many of those agents reported (one assignment per agent).
        var assigned = await db.Assignments.AsNoTracking().Where(a => a.MessageId == messageId)
            .GroupBy(a => new { a.Agent.Employee.UnitId, Name = a.Agent.Employee.Unit != null ? a.Agent.Employee.Unit.Name : null })
            .Select(g => new
            {
                g.Key.UnitId, g.Key.Name,
                Assignments = g.Count(),
                Shared = g.Count(a => db.ShareReports.Any(r => r.AssignmentId == a.Id)),
                Verified = g.Count(a => db.ShareReports.Any(r => r.AssignmentId == a.Id && r.State == ReportState.Verified)),
            }).ToListAsync(ct);

        // 5. Clicks and unique visitors per tracked link, summed per platform.
        var perLink =
            from c in db.LinkClicks.AsNoTracking()
            where !c.IsBot
            join l in db.TrackedLinks on c.TrackedLinkId equals l.Id
            join a in db.Assignments on l.AssignmentId equals a.Id
            where a.MessageId == messageId
            group c.VisitorHash by new { l.Id, l.Platform } into g
            select new { g.Key.Platform, Clicks = g.Count(), Visitors = g.Distinct().Count() };
        var clicks = await perLink.GroupBy(x => x.Platform)
            .Select(g => new { Platform = g.Key, Clicks = g.Sum(x => (long)x.Clicks), Visitors = g.Sum(x => (long)x.Visitors) })
            .ToListAsync(ct);

        // 6. Public responses per kind, with the dialogic-loop counts.
        var responses = await ShareFigures.Responses(db, db.PublicResponses.Where(x => x.MessageId == messageId), DateTime.MinValue).ToListAsync(ct);

        // 7–8. Letterhead and (optional) signature.
        var letterhead = await parts.LetterheadAsync(ct);
        var signature = await parts.SignatureAsync(SignatoryRole.HeadOfPublicRelations, issuedOn, ct);

        var platforms = groups.Select(g => g.Platform).Concat(clicks.Select(c => c.Platform)).Distinct().Order()
            .Select(p =>
            {
                var g = groups.Where(x => x.Platform == p).ToList();
                var c = clicks.Where(x => x.Platform == p).ToList();
                return new PlatformFigures(p, CaptionRules.PlatformName(p), g.Sum(x => x.Reported), g.Sum(x => x.Verified), g.Sum(x => x.Rejected),
                    g.Sum(x => x.Pending), g.Sum(x => x.Reach), g.Sum(x => x.Views), c.Sum(x => x.Clicks), c.Sum(x => x.Visitors));
            }).ToList();

        var names = new Dictionary<int, string>();
        foreach (var a in assigned.Where(a => a.UnitId is not null)) names.TryAdd(a.UnitId!.Value, a.Name ?? "");
        foreach (var g in groups.Where(g => g.UnitId is not null)) names.TryAdd(g.UnitId!.Value, g.UnitName ?? "");
        var units = assigned.Select(a => a.UnitId).Concat(groups.Select(g => g.UnitId)).Distinct()
            .Select(id =>
            {
                var a = assigned.Where(x => x.UnitId == id).ToList();
                var g = groups.Where(x => x.UnitId == id).ToList();
                var n = a.Sum(x => x.Assignments);
                var shared = a.Sum(x => x.Shared);
                return new MessageUnitFigures(id, id is { } u ? names.GetValueOrDefault(u, "") : SummaryModelHandler.NoUnit, n, shared,
                    SummaryModelHandler.Rate(shared, n), g.Sum(x => x.Reported), g.Sum(x => x.Verified), g.Sum(x => x.Reach), g.Sum(x => x.Views));
            })
            .OrderByDescending(u => u.Verified).ThenByDescending(u => u.CumulativeReach).ThenBy(u => u.UnitId is null)
            .ThenBy(u => u.UnitName, StringComparer.Ordinal).ToList();

        var assignmentCount = assigned.Sum(a => a.Assignments);
        var agentsShared = assigned.Sum(a => a.Shared);
        var reported = groups.Sum(g => g.Reported);
        var verified = groups.Sum(g => g.Verified);
        var totals = new MessageShareTotals(reported, verified, groups.Sum(g => g.Rejected), groups.Sum(g => g.Pending),
            SummaryModelHandler.Rate(verified, reported), groups.Sum(g => g.Reach), groups.Sum(g => g.Views),
            clicks.Sum(c => c.Clicks), clicks.Sum(c => c.Visitors), responses.Sum(r => r.Count));

        return new MessageReportModel(
            $"Laporan Pesan: {m.Title}",
            issuedOn,
            letterhead,
            new MessageInfo(m.Title, m.PolicyReference, m.Mission, m.Mission.Label(), [.. m.Mission.Kpis().Select(k => k.Label())],
                m.ActiveFromUtc, m.ActiveUntilUtc, $"{LocalTime(m.ActiveFromUtc)} – {LocalTime(m.ActiveUntilUtc)}", m.Status, m.Status.Label()),
            new MessageAssignmentFigures(assignmentCount, agentsShared, assigned.Sum(a => a.Verified), SummaryModelHandler.Rate(agentsShared, assignmentCount)),
            totals,
            platforms,
            [.. Enum.GetValues<ResponseKind>().Select(k => new ResponseKindCount(k, PublicResponseLabels.Kind(k), responses.Where(r => r.Kind == k).Sum(r => r.Count)))],
            ShareFigures.Dialogic(responses.Select(x => (x.Kind, x.Count, x.Closed, x.Open))),
            units,
            [.. units.Where(u => u.Verified > 0).Take(TopUnitCount)],
            signature);
    }

    /// <summary>"1 Oktober 2026 09.00 WIB".</summary>
    private string LocalTime(DateTime utc)
    {
        var local = display.ToLocal(utc);
        return $"{local.ToString("d MMMM yyyy HH.mm", Indonesian)} {config["Institution:TimeZoneLabel"] ?? "WIB"}";
    }
}
