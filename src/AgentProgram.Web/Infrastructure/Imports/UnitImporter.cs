using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>
/// The unit hierarchy file (<c>ID, NAMA_UNOR, ID_ATASAN</c>, optionally <c>NAMA_JABATAN</c>): the tree
/// is ordered by <see cref="UnitHierarchy.Build"/> (parents first; cycles, missing parents and
/// duplicate ids rejected), then units are created or updated, matched by Unit.SiasnUnorId. A unit
/// file holds hundreds or a few thousand rows, so it is read into memory and saved in one transaction.
/// </summary>
public sealed class UnitImporter(AppDbContext db)
{
    private const int NameMax = 200, TitleMax = 200;

    public static readonly IReadOnlyList<string> PreviewColumns =
        [I18n.Key("ID UNOR"), I18n.Key("Nama unit"), I18n.Key("ID atasan"), I18n.Key("Jabatan kepala unit")];

    public async Task<ImportAnalysis> AnalyzeAsync(Func<ITabularReader> open, IReadOnlyDictionary<UnitColumn, string>? overrides = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        var (headers, map, rows) = Read(open, overrides);
        var analysis = Base(headers, map, overrides);
        if (!analysis.CanImport) return analysis;

        var plan = await PlanAsync(rows, map, tracked: false, ct);
        var builder = new AnalysisBuilder();
        foreach (var p in plan.Rows)
            builder.Add(p.Row.Line, p.Row.Id, p.Row.Name, p.Outcome, p.Issues,
                () => [new(p.Row.Id), new(p.Row.Name), new(p.Row.ParentId), new(p.Row.HeadTitle)]);
        return new ImportAnalysis
        {
            Kind = ImportKind.Units,
            Headers = analysis.Headers,
            Mapping = analysis.Mapping,
            HeaderIssues = analysis.HeaderIssues,
            IgnoredHeaders = analysis.IgnoredHeaders,
            PreviewColumns = PreviewColumns,
            Counts = builder.Counts,
            TotalRows = rows.Count,
            FirstRows = builder.Rows,
            Issues = builder.Issues,
            IssueCount = builder.IssueCount,
        };
    }

    public async Task<ImportCounts> ImportAsync(Func<ITabularReader> open, BatchProgress batch, IReadOnlyDictionary<UnitColumn, string>? overrides = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(batch);
        var (headers, map, rows) = Read(open, overrides);
        if (Issues(headers, map).Any(i => i.IsError)) throw new ImportFileException(ImportTexts.FileHeadersUnusable);
        await batch.SetTotalAsync(db, rows.Count, ct);

        try
        {
            using (db.SuppressEntityAudit())
            {
                var plan = await PlanAsync(rows, map, tracked: true, ct);
                var counts = new AnalysisBuilder();
                foreach (var p in plan.Rows) counts.Add(p.Row.Line, p.Row.Id, p.Row.Name, p.Outcome, p.Issues, () => []);
                var issues = map.Issues.Select(i => new RowIssue(1, null, null, i))
                    .Concat(plan.Rows.SelectMany(p => p.Issues.Select(i => new RowIssue(p.Row.Line, p.Row.Id, p.Row.Name, i))));
                db.ImportRowIssues.AddRange(issues.Select(i => BatchProgress.ToEntity(batch.BatchId, i)));
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync(token);
                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
                    await batch.RecordAsync(db, rows.Count, counts.Counts, token);
                    await tx.CommitAsync(token);
                }, ct);
                db.ChangeTracker.AcceptAllChanges();
                return counts.Counts;
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static (IReadOnlyList<string> Headers, HeaderMap<UnitColumn> Map, List<UnitRow> Rows) Read(Func<ITabularReader> open, IReadOnlyDictionary<UnitColumn, string>? overrides)
    {
        using var reader = open();
        if (reader.Headers.Count == 0) throw new ImportFileException(ImportTexts.FileEmpty);
        var map = SiasnHeaders.MapUnitFile(reader.Headers, overrides);
        var rows = new List<UnitRow>();
        if (Issues(reader.Headers, map).Any(i => i.IsError)) return (reader.Headers, map, rows);
        var view = new RowView(reader);
        while (reader.Read())
        {
            string? id = map.ValueOf(view, UnitColumn.Id), name = map.ValueOf(view, UnitColumn.NamaUnor),
                parent = map.ValueOf(view, UnitColumn.IdAtasan), head = map.ValueOf(view, UnitColumn.NamaJabatan);
            if (id is null && name is null && parent is null && head is null) continue;
            if (rows.Count >= TabularFiles.MaxDataRows)
                throw new ImportFileException(ImportTexts.FileTooManyRows, TabularFiles.MaxDataRows.ToString("#,0", System.Globalization.CultureInfo.CurrentCulture));
            rows.Add(new UnitRow(id ?? "", name ?? "", parent, head, reader.RowNumber));
        }
        return (reader.Headers, map, rows);
    }

    /// <summary>Reads the header row only and maps it.</summary>
    public static HeaderMap<UnitColumn> MapHeaders(Func<ITabularReader> open, IReadOnlyDictionary<UnitColumn, string>? overrides = null) =>
        Map(open, overrides).Map;

    /// <summary>The header row's issues, plus one when the file is an employee export uploaded as a unit file.</summary>
    public static IReadOnlyList<ImportIssue> HeaderIssues(Func<ITabularReader> open, IReadOnlyDictionary<UnitColumn, string>? overrides = null)
    {
        var (headers, map) = Map(open, overrides);
        return Issues(headers, map);
    }

    private static (IReadOnlyList<string> Headers, HeaderMap<UnitColumn> Map) Map(Func<ITabularReader> open, IReadOnlyDictionary<UnitColumn, string>? overrides)
    {
        ArgumentNullException.ThrowIfNull(open);
        using var reader = open();
        if (reader.Headers.Count == 0) throw new ImportFileException(ImportTexts.FileEmpty);
        return (reader.Headers, SiasnHeaders.MapUnitFile(reader.Headers, overrides));
    }

    /// <summary>An employee export would otherwise "map" (UNOR ID as ID, NAMA as NAMA_UNOR) and make a unit per employee.</summary>
    private static IReadOnlyList<ImportIssue> Issues(IReadOnlyList<string> headers, HeaderMap<UnitColumn> map) =>
        headers.Any(h => SiasnHeaders.Matches(h, SiasnHeaders.HeaderOf(SiasnColumn.NipBaru)))
            ? [.. map.Issues, ImportIssue.Error(ImporterIssueCodes.WrongFileKind, ImportTexts.EmployeeFileAsUnits)]
            : map.Issues;

    private static ImportAnalysis Base(IReadOnlyList<string> headers, HeaderMap<UnitColumn> map, IReadOnlyDictionary<UnitColumn, string>? overrides) => new()
    {
        Kind = ImportKind.Units,
        Headers = headers,
        Mapping = [.. SiasnHeaders.UnitColumns.Select(spec => new MappingChoice(
            (int)spec.Column, spec.Header, spec.Need, map.IndexOf(spec.Column) is { } i ? headers[i] : null, overrides?.ContainsKey(spec.Column) == true))],
        HeaderIssues = Issues(headers, map),
        IgnoredHeaders = map.IgnoredHeaders,
        PreviewColumns = PreviewColumns,
    };

    private sealed record PlannedRow(UnitRow Row, RowOutcome Outcome, IReadOnlyList<ImportIssue> Issues);

    private sealed record Plan(IReadOnlyList<PlannedRow> Rows);

    /// <summary>
    /// Decides every row. With <paramref name="tracked"/> the units are loaded tracked and the changes
    /// are staged on the context (new units linked to their parent entity, so EF inserts parents first).
    /// </summary>
    private async Task<Plan> PlanAsync(List<UnitRow> rows, HeaderMap<UnitColumn> map, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Units : db.Units.AsNoTracking();
        var all = await query.ToListAsync(ct);
        var bySiasn = all.Where(u => u.SiasnUnorId is not null)
            .GroupBy(u => u.SiasnUnorId!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var result = UnitHierarchy.Build(rows, new HashSet<string>(bySiasn.Keys, StringComparer.OrdinalIgnoreCase));

        var decided = new Dictionary<UnitRow, PlannedRow>(ReferenceEqualityComparer.Instance);
        foreach (var problem in result.Problems)
            decided[problem.Row] = new PlannedRow(problem.Row, RowOutcome.Rejected, [problem.Issue]);

        // Every unit's parent after this file, by reference (stored and new units alike), to refuse a
        // move under one's own descendant through units the file does not mention.
        var byId = all.ToDictionary(u => u.Id);
        var parentOf = new Dictionary<Unit, Unit?>(ReferenceEqualityComparer.Instance);
        foreach (var u in all) parentOf[u] = u.ParentId is { } pid ? byId.GetValueOrDefault(pid) : null;
        var placed = new Dictionary<string, Unit>(StringComparer.OrdinalIgnoreCase);
        var notCreated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hasHeadTitle = map.Has(UnitColumn.NamaJabatan);

        foreach (var ordered in result.Ordered)
        {
            var row = ordered.Row;
            List<ImportIssue> issues = [];
            var id = row.Id.Trim();
            var name = Cut(row.Name.Trim(), NameMax, map, UnitColumn.NamaUnor, issues)!;
            var head = Cut(row.HeadTitle?.Trim(), TitleMax, map, UnitColumn.NamaJabatan, issues);

            if (ordered.ParentId is { } missing && notCreated.Contains(missing))
            {
                notCreated.Add(id);
                decided[row] = new PlannedRow(row, RowOutcome.Rejected,
                    [ImportIssue.Error(ImportIssueCode.UnitParentRejected, EmployeeMessages.UnitParentRejected, name, id, missing)]);
                continue;
            }
            var parent = ordered.ParentId is null ? null
                : placed.TryGetValue(ordered.ParentId, out var p) ? p
                : bySiasn.GetValueOrDefault(ordered.ParentId);

            if (bySiasn.TryGetValue(id, out var unit))
            {
                placed[id] = unit;
                var parentChanges = !ReferenceEquals(parentOf[unit], parent);
                if (parentChanges && parent is not null && LeadsTo(parentOf, parent, unit))
                {
                    decided[row] = new PlannedRow(row, RowOutcome.Rejected,
                        [ImportIssue.Error(ImporterIssueCodes.UnitCycleWithExisting, ImportTexts.UnitCycleWithExisting, name, id, ordered.ParentId!)]);
                    continue;
                }
                var changed = parentChanges || unit.Name != name || (hasHeadTitle && head is not null && unit.HeadTitle != head);
                if (changed && tracked)
                {
                    unit.Name = name;
                    if (hasHeadTitle && head is not null) unit.HeadTitle = head;
                    unit.Parent = parent;
                    if (parent is null) unit.ParentId = null;
                }
                parentOf[unit] = parent;
                decided[row] = new PlannedRow(row, changed ? RowOutcome.Updated : RowOutcome.Unchanged, issues);
            }
            else
            {
                var fresh = new Unit { Name = name, HeadTitle = head, SiasnUnorId = id };
                if (tracked)
                {
                    fresh.Parent = parent;
                    db.Units.Add(fresh);
                }
                parentOf[fresh] = parent;
                placed[id] = fresh;
                decided[row] = new PlannedRow(row, RowOutcome.New, issues);
            }
        }
        return new Plan([.. rows.Select(r => decided[r])]);
    }

    /// <summary>True when walking up from <paramref name="start"/> reaches <paramref name="target"/>.</summary>
    private static bool LeadsTo(Dictionary<Unit, Unit?> parentOf, Unit start, Unit target)
    {
        var seen = new HashSet<Unit>(ReferenceEqualityComparer.Instance);
        for (var at = start; at is not null; at = parentOf.GetValueOrDefault(at))
        {
            if (ReferenceEquals(at, target)) return true;
            if (!seen.Add(at)) return false;
        }
        return false;
    }

    private static string? Cut(string? value, int max, HeaderMap<UnitColumn> map, UnitColumn column, List<ImportIssue> issues)
    {
        if (value is null || value.Length <= max) return value;
        issues.Add(ImportIssue.Warning(ImporterIssueCodes.ValueTruncated, ImportTexts.ValueTruncated, map.HeaderOf(column), max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return value[..max];
    }
}
