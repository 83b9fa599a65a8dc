using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using AgentProgram.Web.Infrastructure.Aggregates;
using AgentProgram.Web.Infrastructure.Hosting;

namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>
/// The SIASN "Export Data ASN" import. NIP BARU is the key: a new NIP adds an employee, a known NIP
/// whose stored fields differ updates it, an identical row (same <see cref="EmployeeRecord.Hash"/>)
/// is left alone, so re-importing a file changes nothing. Rows with a hard error are rejected one by
/// one; the others still import. The second occurrence of a NIP in one file is rejected.
///
/// Bulk shape: the file is read twice, streaming (a first pass counts rows and finds month-first
/// dates, which make other dates in the same column ambiguous); existing employees are loaded once
/// as (NIP, id, hash); writes go in chunks of <see cref="ChunkSize"/> rows, each its own transaction
/// together with the batch's progress, without per-entity audit (one summary entry per batch is the
/// runner's job). New employees and issue rows go through <see cref="BulkInserter{T}"/> (a prepared
/// INSERT), updates through the change tracker. A crash loses at most the chunk in flight, and
/// re-running the file is safe.
/// </summary>
public sealed class EmployeeImporter(AppDbContext db, Display display, TimeProvider clock)
{
    public const int ChunkSize = 2000;

    public static readonly IReadOnlyList<string> PreviewColumns =
    [
        Localization.I18n.Key("NIP"), Localization.I18n.Key("Nama lengkap"), Localization.I18n.Key("Jenis pegawai"),
        Localization.I18n.Key("Kedudukan hukum"), Localization.I18n.Key("Golongan"), Localization.I18n.Key("Jabatan"), "Unit Kerja",
    ];

    /// <summary>Reads the whole file and reports what an import would do now. Writes nothing.</summary>
    public async Task<ImportAnalysis> AnalyzeAsync(Func<ITabularReader> open, IReadOnlyDictionary<SiasnColumn, string>? overrides = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        var (headers, map) = MapHeaders(open, overrides);
        var analysis = new ImportAnalysis
        {
            Kind = ImportKind.Employees,
            Headers = headers,
            Mapping = Mapping(map, headers, overrides),
            HeaderIssues = map.Issues,
            IgnoredHeaders = map.IgnoredHeaders,
            PreviewColumns = PreviewColumns,
        };
        if (!analysis.CanImport) return analysis;

        var context = await PrepareAsync(open, map, ct);
        var builder = new AnalysisBuilder();
        foreach (var (row, outcome, _, _) in Classify(open, map, context))
        {
            ct.ThrowIfCancellationRequested();
            builder.Add(row.RowNumber, row.Nip, row.Name, outcome, row.Issues, () => Cells(row));
        }
        return new ImportAnalysis
        {
            Kind = analysis.Kind,
            Headers = analysis.Headers,
            Mapping = analysis.Mapping,
            HeaderIssues = analysis.HeaderIssues,
            IgnoredHeaders = analysis.IgnoredHeaders,
            PreviewColumns = analysis.PreviewColumns,
            Counts = builder.Counts,
            TotalRows = context.TotalRows,
            FirstRows = builder.Rows,
            Issues = builder.Issues,
            IssueCount = builder.IssueCount,
        };
    }

    /// <summary>
    /// Imports the file into the database for a Running batch. Throws <see cref="ImportFileException"/>
    /// when the header row cannot be used, <see cref="ImportStoppedException"/> when the batch stops
    /// being Running.
    /// </summary>
    public async Task<ImportCounts> ImportAsync(Func<ITabularReader> open, BatchProgress batch, IReadOnlyDictionary<SiasnColumn, string>? overrides = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(batch);
        var (_, map) = MapHeaders(open, overrides);
        if (!map.CanImport) throw new ImportFileException(ImportTexts.FileHeadersUnusable);

        var context = await PrepareAsync(open, map, ct);
        await batch.SetTotalAsync(db, context.TotalRows, ct);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            using (db.SuppressEntityAudit())
            {
                var counts = new Counter();
                var chunk = new List<Classified>(ChunkSize);
                var issues = map.Issues.Select(i => new RowIssue(1, null, null, i)).ToList();
                var processed = 0;
                foreach (var item in Classify(open, map, context))
                {
                    ct.ThrowIfCancellationRequested();
                    counts.Add(item.Outcome, item.Row.Issues.Count > 0);
                    issues.AddRange(item.Row.Issues.Select(i => new RowIssue(item.Row.RowNumber, item.Row.Nip, item.Row.Name, i)));
                    if (item.Outcome is RowOutcome.New or RowOutcome.Updated) chunk.Add(item);
                    processed++;
                    if (processed % ChunkSize == 0)
                    {
                        await FlushAsync(chunk, issues, batch, processed, counts.Result, ct);
                        chunk.Clear();
                        issues.Clear();
                    }
                }
                await FlushAsync(chunk, issues, batch, processed, counts.Result, ct);
                return counts.Result;
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// Writes one chunk in one transaction: updates through the change tracker (only changed columns,
    /// with the version check), new employees and the chunk's issues with a prepared bulk insert, and
    /// the batch's progress. On a concurrency conflict the chunk is read and written again, once.
    /// </summary>
    private async Task FlushAsync(List<Classified> chunk, List<RowIssue> issues, BatchProgress batch, int processed, ImportCounts counts, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<Employee>(chunk.Count);
        foreach (var c in chunk.Where(c => c.ExistingId is null))
        {
            var e = new Employee { CreatedUtc = now, UpdatedUtc = now };
            c.Row.Record!.ApplyTo(e, c.Hash);
            created.Add(e);
        }
        var issueRows = issues.Select(i => BatchProgress.ToEntity(batch.BatchId, i)).ToList();
        _employeeInserter ??= new BulkInserter<Employee>(db);
        _issueInserter ??= new BulkInserter<ImportRowIssue>(db);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StageUpdatesAsync(chunk, now, ct);
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync(token);
                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
                    await _employeeInserter.InsertAsync(db, created, token);
                    await _issueInserter.InsertAsync(db, issueRows, token);
                    await batch.RecordAsync(db, processed, counts, token);
                    FaultPoints.Hit(FaultPoints.ImportChunkBeforeCommit);
                    await tx.CommitAsync(token);
                }, ct);
                FaultPoints.Hit(FaultPoints.ImportChunkCommitted);
                db.ChangeTracker.AcceptAllChanges();
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                // Someone saved one of these employees between our read and our write: read again, once.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private BulkInserter<Employee>? _employeeInserter;
    private BulkInserter<ImportRowIssue>? _issueInserter;

    /// <summary>Applies the updates to freshly read entities (automatic change detection is off during the import).</summary>
    private async Task StageUpdatesAsync(List<Classified> chunk, DateTime now, CancellationToken ct)
    {
        var updates = chunk.Where(c => c.ExistingId is not null).ToDictionary(c => c.ExistingId!.Value);
        if (updates.Count == 0) return;
        var ids = updates.Keys.ToList();
        var entities = await db.Employees.Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        foreach (var entity in entities)
        {
            var c = updates[entity.Id];
            c.Row.Record!.ApplyTo(entity, c.Hash);
            entity.UpdatedUtc = now;
        }
        db.ChangeTracker.DetectChanges();
        var moved = new List<int>();
        foreach (var entry in db.ChangeTracker.Entries<Employee>().Where(e => e.State == EntityState.Modified).ToList())
        {
            // AppDbContext bumps Version on save; with automatic detection off the bump must be flagged here.
            entry.Property(e => e.Version).IsModified = true;
            if (entry.Property(e => e.UnitId).IsModified) moved.Add(entry.Entity.Id);
        }
        // Tracked-link clicks count under the agent's current unit: moved employees' click days are marked in this save.
        if (moved.Count > 0) await AggregateMarks.StageClickDaysOfEmployeesAsync(db, moved, ct);
    }

    /// <summary>Reads the header row only and maps it.</summary>
    public static (IReadOnlyList<string> Headers, HeaderMap<SiasnColumn> Map) MapHeaders(Func<ITabularReader> open, IReadOnlyDictionary<SiasnColumn, string>? overrides = null)
    {
        using var reader = open();
        if (reader.Headers.Count == 0) throw new ImportFileException(ImportTexts.FileEmpty);
        return (reader.Headers, SiasnHeaders.MapEmployeeFile(reader.Headers, overrides));
    }

    private static IReadOnlyList<MappingChoice> Mapping(HeaderMap<SiasnColumn> map, IReadOnlyList<string> headers, IReadOnlyDictionary<SiasnColumn, string>? overrides) =>
        [.. SiasnHeaders.EmployeeColumns.Select(spec => new MappingChoice(
            (int)spec.Column, spec.Header, spec.Need,
            map.IndexOf(spec.Column) is { } i ? headers[i] : null,
            overrides?.ContainsKey(spec.Column) == true))];

    private sealed record Context(
        int TotalRows,
        Dictionary<string, (int Id, string? Hash)> Existing,
        Dictionary<string, KnownUnit> Units,
        Dictionary<SiasnColumn, string> MonthFirstEvidence,
        DateOnly Today);

    /// <summary>The first pass (row count, month-first dates) and the lookups, loaded once.</summary>
    private async Task<Context> PrepareAsync(Func<ITabularReader> open, HeaderMap<SiasnColumn> map, CancellationToken ct)
    {
        var evidence = new Dictionary<SiasnColumn, string>();
        var dateColumns = EmployeeRowParser.DateColumns.Where(map.Has).ToList();
        var total = 0;
        using (var reader = open())
        {
            var view = new RowView(reader);
            while (reader.Read())
            {
                if (IsBlank(map, view)) continue;
                if (++total > TabularFiles.MaxDataRows)
                    throw new ImportFileException(ImportTexts.FileTooManyRows, TabularFiles.MaxDataRows.ToString("#,0", System.Globalization.CultureInfo.CurrentCulture));
                foreach (var column in dateColumns)
                {
                    if (evidence.ContainsKey(column) || map.ValueOf(view, column) is not { } raw) continue;
                    if (SiasnDate.Parse(raw).Issue?.Code == ImportIssueCode.DateMonthFirst) evidence[column] = raw;
                }
            }
        }

        var existing = new Dictionary<string, (int, string?)>(StringComparer.Ordinal);
        await foreach (var e in db.Employees.AsNoTracking().Select(e => new { e.Nip, e.Id, e.ImportHash }).AsAsyncEnumerable().WithCancellation(ct))
            existing[e.Nip] = (e.Id, e.ImportHash);
        var units = await db.Units.AsNoTracking().Where(u => u.SiasnUnorId != null)
            .Select(u => new { u.SiasnUnorId, u.Id, u.Name })
            .ToDictionaryAsync(u => u.SiasnUnorId!, u => new KnownUnit(u.Id, u.Name), StringComparer.OrdinalIgnoreCase, ct);
        var today = DateOnly.FromDateTime(display.ToLocal(clock.GetUtcNow().UtcDateTime));
        return new Context(total, existing, units, evidence, today);
    }

    private sealed record Classified(EmployeeRow Row, RowOutcome Outcome, int? ExistingId, string Hash);

    /// <summary>The second pass: every non-blank row parsed and compared with what is stored.</summary>
    private static IEnumerable<Classified> Classify(Func<ITabularReader> open, HeaderMap<SiasnColumn> map, Context context)
    {
        var parser = new EmployeeRowParser(map, context.Units, context.Today, context.MonthFirstEvidence);
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = open();
        var view = new RowView(reader);
        while (reader.Read())
        {
            if (IsBlank(map, view)) continue;
            var row = parser.Parse(reader.RowNumber, view);
            if (row.Nip is { Length: 18 } nip && NipIsChecked(row))
            {
                if (firstRowOf.TryGetValue(nip, out var first))
                {
                    var issue = ImportIssue.Error(ImporterIssueCodes.DuplicateInFile, ImportTexts.DuplicateInFile, nip, first.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    yield return new Classified(row with { Record = null, Issues = [issue, .. row.Issues] }, RowOutcome.Rejected, null, "");
                    continue;
                }
                firstRowOf[nip] = row.RowNumber;
            }
            if (row.Record is not { } record)
            {
                yield return new Classified(row, RowOutcome.Rejected, null, "");
                continue;
            }
            var hash = record.Hash();
            if (!context.Existing.TryGetValue(record.Nip, out var stored))
                yield return new Classified(row, RowOutcome.New, null, hash);
            else if (stored.Hash == hash)
                yield return new Classified(row, RowOutcome.Unchanged, stored.Id, hash);
            else
                yield return new Classified(row, RowOutcome.Updated, stored.Id, hash);
        }
    }

    /// <summary>The NIP itself passed its checks (the row may still be rejected for another column): it counts for duplicates.</summary>
    private static bool NipIsChecked(EmployeeRow row) => !row.Issues.Any(i => i.IsError && (int)i.Code is >= 100 and < 150);

    private static bool IsBlank(HeaderMap<SiasnColumn> map, RowView view)
    {
        foreach (var index in map.Indexes.Values)
            if (index < view.Count && !string.IsNullOrWhiteSpace(view[index])) return false;
        return true;
    }

    private static List<PreviewCell> Cells(EmployeeRow row)
    {
        if (row.Record is not { } r) return [new(row.Nip), new(row.Name), new(null), new(null), new(null), new(null), new(null)];
        var fullName = new Employee { Name = r.Name, TitlePrefix = r.TitlePrefix, TitleSuffix = r.TitleSuffix }.FullName;
        return
        [
            new(Nip.FormatForDisplay(r.Nip)),
            new(fullName),
            new(r.EmploymentType.Label(), IsLabel: true),
            new(r.LegalStatus == LegalStatus.Other && r.LegalStatusName is { } other ? other : r.LegalStatus.Label(), IsLabel: r.LegalStatusName is null),
            new(r.Golongan?.Display),
            new(r.PositionName),
            new(r.UnitName ?? r.SiasnUnorName ?? r.SiasnUnorId),
        ];
    }

    private sealed class Counter
    {
        private int _new, _updated, _unchanged, _warned, _rejected;

        public void Add(RowOutcome outcome, bool hasIssues)
        {
            switch (outcome)
            {
                case RowOutcome.New: _new++; break;
                case RowOutcome.Updated: _updated++; break;
                case RowOutcome.Unchanged: _unchanged++; break;
                default: _rejected++; break;
            }
            if (outcome != RowOutcome.Rejected && hasIssues) _warned++;
        }

        public ImportCounts Result => new(_new, _updated, _unchanged, _warned, _rejected);
    }
}
