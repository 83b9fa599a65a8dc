using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Features.Shared;
using AgentProgram.Web.Infrastructure.Charts;
using UnitTree = AgentProgram.Web.Features.Units.UnitTree;
using AgentProgram.Web.Infrastructure.Imports;
using AgentProgram.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Home;

/// <summary>
/// Enrolment figures: employees recorded, agents (enrolments not ended: active or suspended), active agents,
/// and agents (not ended) who withdrew their data consent.
/// </summary>
public sealed record EnrolmentFigures(int Employees, int Agents, int Active, int ConsentWithdrawn)
{
    public static readonly EnrolmentFigures Zero = new(0, 0, 0, 0);

    /// <summary>Agents as a share of employees, 0–100 (null without employees).</summary>
    public decimal? AgentPercent => Employees == 0 ? null : Math.Round(Agents * 100m / Employees, 1);

    public EnrolmentFigures Plus(EnrolmentFigures o) => new(Employees + o.Employees, Agents + o.Agents, Active + o.Active, ConsentWithdrawn + o.ConsentWithdrawn);
}

/// <summary>
/// One row of the enrolment table: a unit with the people recorded in it directly (its sub-units have rows of their
/// own, indented under it), or the row of employees without a unit (UnitId null).
/// </summary>
public sealed record EnrolmentRow(int? UnitId, string Name, int Depth, bool IsClosed, EnrolmentFigures Figures);

/// <summary>A recent SIASN import and its result (links to /impor/{Id}).</summary>
public sealed record RecentImport(int Id, ImportKind Kind, string FileName, DateTime UploadedUtc, ImportState State, ImportCounts Counts);

/// <param name="Units">Tree order, parents before children; units with nobody in them or under them are left out.</param>
/// <param name="Totals">The sum of the rows: each person is counted in exactly one row.</param>
/// <param name="WithoutVerifiedAccount">Active agents without any verified social-media account (they cannot share yet).</param>
public sealed record KepegawaianHome(
    IReadOnlyList<EnrolmentRow> Units, EnrolmentFigures Totals, int HiddenUnits,
    int WithoutVerifiedAccount, IReadOnlyList<RecentImport> Imports)
{
    /// <summary>The agent list showing exactly the agents counted in <see cref="WithoutVerifiedAccount"/>.</summary>
    public static string WithoutVerifiedAccountUrl => new AgentListQuery(null, AgentStatus.Active, null, null, false, AgentListQuery.SortByName, 1).Url();

    /// <summary>Most bars the chart draws: with more units, the highest and the lowest halves (the table below lists them all).</summary>
    public const int ChartUnits = 20;

    /// <summary>Units per page of the enrolment table: the whole tree of a large institution (400 units) made a page of over 500 KB.</summary>
    public const int UnitsPerPage = 25;

    public const string UnitPageParameter = "unit-halaman";
    public const string UnitTableAnchor = "kepesertaan-unit";

    /// <summary>The table's rows on one page (out-of-range pages show the nearest), and the pager linking the others.</summary>
    public (IReadOnlyList<EnrolmentRow> Rows, Pager Pager) UnitPage(int requested)
    {
        var count = Math.Max(1, (Units.Count + UnitsPerPage - 1) / UnitsPerPage);
        var page = Math.Clamp(requested, 1, count);
        return ([.. Units.Skip((page - 1) * UnitsPerPage).Take(UnitsPerPage)],
            new Pager(page, count, p => $"/?{UnitPageParameter}={p.ToString(CultureInfo.InvariantCulture)}#{UnitTableAnchor}"));
    }

    /// <summary>
    /// Agents as a share of employees, per row of the table that has employees, highest first; the counts behind each
    /// rate are columns of the chart's data table. Null when no row has employees.
    /// </summary>
    public ChartData? EnrolmentChart
    {
        get
        {
            var rated = Units.Where(r => r.Figures.Employees > 0)
                .OrderByDescending(r => r.Figures.AgentPercent).ThenByDescending(r => r.Figures.Employees)
                .ThenBy(r => r.UnitId is null).ThenBy(r => r.Name, StringComparer.CurrentCulture)
                .ToList();
            if (rated.Count == 0) return null;
            var shown = rated.Count <= ChartUnits ? rated : [.. rated.Take(ChartUnits / 2), .. rated.Skip(rated.Count - (ChartUnits / 2))];
            return new ChartData(ChartKind.Bar, I18n.Key("Agen dari pegawai per unit kerja"), [.. shown.Select(r => r.UnitId is null ? I18n.Key("Tanpa unit kerja") : r.Name)],
            [
                new ChartSeriesData(I18n.Key("Agen dari pegawai"), [.. shown.Select(r => (double?)r.Figures.AgentPercent)]),
                new ChartSeriesData(I18n.Key("Agen"), [.. shown.Select(r => (double?)r.Figures.Agents)]) { Format = ChartValueFormat.Count },
                new ChartSeriesData(I18n.Key("Pegawai"), [.. shown.Select(r => (double?)r.Figures.Employees)]) { Format = ChartValueFormat.Count },
            ])
            {
                Horizontal = true,
                Format = ChartValueFormat.Percent,
                ValueLabel = I18n.Key("persen pegawai yang menjadi agen"),
                CategoryLabel = I18n.Key("Unit Kerja"),
                Note = rated.Count > ChartUnits
                    ? I18n.Key("Agen (aktif atau ditangguhkan) ÷ pegawai yang tercatat langsung di unit itu. Ditampilkan 10 unit tertinggi dan 10 unit terendah; semua unit ada di tabel di bawah.")
                    : I18n.Key("Agen (aktif atau ditangguhkan) ÷ pegawai yang tercatat langsung di unit itu."),
            };
        }
    }
}

/// <summary>
/// The Kepegawaian dashboard: the enrolment figures (units, employees per unit, agents per unit, the unverified count:
/// four set-based queries, about 120 ms at 80,000 agents on SQLite) are computed again only when the enrolment tables
/// changed, which one statement tells (<see cref="EnrolmentStamp"/>); the latest imports are read every time.
/// </summary>
public sealed class KepegawaianHomeHandler(AppDbContext db, TimeProvider clock)
{
    public const int RecentImportCount = 5;

    /// <summary>How long kept figures serve at most, for changes made outside the app (a DBA's direct edit need not raise a version).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(15);

    private sealed record Figures(IReadOnlyList<EnrolmentRow> Rows, EnrolmentFigures Totals, int HiddenUnits, int WithoutVerified);

    public async Task<KepegawaianHome> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        // Kept in HomeCache under the tables' stamp, read from the database: a change made through any instance is seen by all.
        var stamp = await EnrolmentStamp.Query(db).FirstAsync(ct);
        var figures = await HomeCache.GetAsync(db, "kepegawaian-enrolment", stamp, clock.GetUtcNow().UtcDateTime, MaxAge, () => FiguresAsync(ct));

        var imports = await db.ImportBatches.AsNoTracking()
            .OrderByDescending(b => b.Id)
            .Take(RecentImportCount)
            .Select(b => new RecentImport(b.Id, b.Kind, b.FileName, b.UploadedUtc, b.State,
                new ImportCounts(b.NewCount, b.UpdatedCount, b.UnchangedCount, b.WarnedCount, b.RejectedCount)))
            .ToListAsync(ct);

        return new KepegawaianHome(figures.Rows, figures.Totals, figures.HiddenUnits, figures.WithoutVerified, imports);
    }

    private async Task<Figures> FiguresAsync(CancellationToken ct)
    {
        var tree = await UnitTree.LoadAsync(db, ct);
        // Grouped on the column itself (no unit: null, read as 0 here): the (UnitId, Name) index then yields the groups
        // in order, where an expression key sorted every row in a temporary tree first.
        var employees = (await db.Employees.AsNoTracking()
            .GroupBy(e => e.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToListAsync(ct)).ToDictionary(x => x.UnitId ?? 0, x => x.Count);
        var agents = (await db.Agents.AsNoTracking()
            .GroupBy(a => a.Employee.UnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Agents = g.Count(a => a.Status != AgentStatus.Ended),
                Active = g.Count(a => a.Status == AgentStatus.Active),
                Withdrawn = g.Count(a => a.Status != AgentStatus.Ended && a.ConsentWithdrawnUtc != null),
            })
            .ToListAsync(ct)).ToDictionary(x => x.UnitId ?? 0);

        EnrolmentFigures Direct(int unitId) => agents.TryGetValue(unitId, out var a)
            ? new(employees.GetValueOrDefault(unitId), a.Agents, a.Active, a.Withdrawn)
            : new(employees.GetValueOrDefault(unitId), 0, 0, 0);

        // Whether anyone sits in a unit or under it, bottom-up (children follow their parent in tree order).
        var occupied = new HashSet<int>();
        foreach (var place in tree.Ordered.Reverse())
        {
            var id = place.Unit.Id;
            if (Direct(id) != EnrolmentFigures.Zero || tree.ChildrenOf(id).Any(c => occupied.Contains(c.Id))) occupied.Add(id);
        }

        var rows = tree.Ordered.Where(p => occupied.Contains(p.Unit.Id))
            .Select(p => new EnrolmentRow(p.Unit.Id, p.Unit.Name, p.Depth, p.Unit.IsClosed, Direct(p.Unit.Id)))
            .ToList();
        // People whose unit is not in the table (no unit, or a unit id that no longer exists) are counted once, here.
        var known = tree.Ordered.Select(p => p.Unit.Id).ToHashSet();
        var elsewhere = employees.Keys.Concat(agents.Keys).Where(k => !known.Contains(k)).Distinct()
            .Aggregate(EnrolmentFigures.Zero, (sum, k) => sum.Plus(Direct(k)));
        if (elsewhere != EnrolmentFigures.Zero) rows.Add(new EnrolmentRow(null, "", 0, false, elsewhere));
        var totals = rows.Aggregate(EnrolmentFigures.Zero, (sum, r) => sum.Plus(r.Figures));

        var withoutVerified = await db.Agents.AsNoTracking()
            .CountAsync(a => a.Status == AgentStatus.Active && !a.SocialAccounts.Any(s => s.State == VerificationState.Verified), ct);
        return new Figures(rows, totals, tree.Count - occupied.Count, withoutVerified);
    }
}

/// <summary>
/// A fingerprint of the tables the enrolment figures are computed from (agents, employees, units, social accounts),
/// read in one statement: per table the row count, the highest id and the sum of the row versions. Ids only grow and
/// every update raises its row's version (AppDbContext on save, the SIASN import's tracked updates, the erasure's
/// ExecuteUpdate), so any insert (a higher id), delete (a lower count) or update (a higher sum, or with a delete a
/// lower count) changes at least one part, whichever instance or command made it.
/// </summary>
public sealed record EnrolmentStamp
{
    public long Agents { get; init; }
    public long AgentMaxId { get; init; }
    public long AgentVersions { get; init; }
    public long Employees { get; init; }
    public long EmployeeMaxId { get; init; }
    public long EmployeeVersions { get; init; }
    public long Units { get; init; }
    public long UnitMaxId { get; init; }
    public long UnitVersions { get; init; }
    public long Accounts { get; init; }
    public long AccountMaxId { get; init; }
    public long AccountVersions { get; init; }

    /// <summary>
    /// Scalar subqueries beside the aggregates' one state row (as the menu's queue counts are read). The counts go
    /// through the ids: a bare <c>db.Agents.Count()</c> inside the projection would be run apart, as a query of its own.
    /// </summary>
    internal static IQueryable<EnrolmentStamp> Query(AppDbContext db) =>
        db.AggRefreshState.AsNoTracking().Where(s => s.Id == Domain.Aggregates.AggregateRefreshState.SingletonId).Select(s => new EnrolmentStamp
        {
            Agents = db.Agents.Select(a => a.Id).Count(),
            AgentMaxId = db.Agents.Max(a => (long?)a.Id) ?? 0,
            AgentVersions = db.Agents.Sum(a => (long)a.Version),
            Employees = db.Employees.Select(e => e.Id).Count(),
            EmployeeMaxId = db.Employees.Max(e => (long?)e.Id) ?? 0,
            EmployeeVersions = db.Employees.Sum(e => (long)e.Version),
            Units = db.Units.Select(u => u.Id).Count(),
            UnitMaxId = db.Units.Max(u => (long?)u.Id) ?? 0,
            UnitVersions = db.Units.Sum(u => (long)u.Version),
            Accounts = db.SocialAccounts.Select(a => a.Id).Count(),
            AccountMaxId = db.SocialAccounts.Max(a => (long?)a.Id) ?? 0,
            AccountVersions = db.SocialAccounts.Sum(a => (long)a.Version),
        });
}
