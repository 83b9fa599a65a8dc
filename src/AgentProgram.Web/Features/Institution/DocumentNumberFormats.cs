using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Institution;

/// <summary>One kind's pattern as the page shows it, with the number the next document of it would get.</summary>
public sealed record NumberFormatRow(DocumentKind Kind, string Pattern, bool IsDefault, int NextSequence, string NextNumber);

/// <param name="Stamp">The stored rows' versions when the page was read: a save from an older page is refused, not merged.</param>
public sealed record NumberFormatsPage(IReadOnlyList<NumberFormatRow> Rows, IReadOnlyDictionary<DocumentKind, string> Typed, string Stamp);

/// <summary>
/// The administrator's letter-number patterns per document kind (DOMAIN.md §9). A pattern changes only the
/// numbers given from then on: finalised documents keep theirs, and the yearly counter is not touched.
/// </summary>
public sealed class DocumentNumberFormatsHandler(AppDbContext db, TimeProvider clock, Infrastructure.Time.Display display,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l)
{
    public async Task<NumberFormatsPage> LoadAsync(IReadOnlyDictionary<DocumentKind, string>? typed = null, CancellationToken ct = default)
    {
        var storedRows = await db.DocumentNumberFormats.AsNoTracking().ToListAsync(ct);
        var stored = storedRows.ToDictionary(f => f.Kind, f => f.Pattern);
        var today = DateOnly.FromDateTime(display.ToLocal(clock.GetUtcNow().UtcDateTime));
        var counters = await db.DocumentCounters.AsNoTracking().Where(c => c.Year == today.Year).ToDictionaryAsync(c => c.Kind, c => c.LastSequence, ct);
        var rows = Enum.GetValues<DocumentKind>().Select(kind =>
        {
            var pattern = stored.TryGetValue(kind, out var p) ? p : DocumentNumbering.DefaultPattern(kind);
            var next = (counters.TryGetValue(kind, out var last) ? last : 0) + 1;
            return new NumberFormatRow(kind, pattern, !stored.ContainsKey(kind), next, DocumentNumbering.Format(pattern, next, today));
        }).ToList();
        return new NumberFormatsPage(rows, typed ?? new Dictionary<DocumentKind, string>(), StampOf(storedRows));
    }

    /// <summary>Saves the patterns that changed; nothing is saved when any of them is invalid (the page keeps what was typed).</summary>
    public async Task<(int Changed, IReadOnlyList<FieldError> Errors)> SaveAsync(IReadOnlyDictionary<DocumentKind, string> typed, string? stamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var errors = new List<FieldError>();
        if (StampOf(await db.DocumentNumberFormats.AsNoTracking().ToListAsync(ct)) != stamp)
            return (0, [new FieldError("", l[Conflict])]);
        foreach (var (kind, pattern) in typed)
        {
            if (DocumentNumbering.Problem(pattern?.Trim()) is { } problem)
                errors.Add(new FieldError(FieldName(kind), problem.Argument is null ? l[problem.Message] : l[problem.Message, problem.Argument]));
        }
        if (errors.Count > 0) return (0, errors);

        var stored = await db.DocumentNumberFormats.ToDictionaryAsync(f => f.Kind, ct);
        var changed = 0;
        foreach (var (kind, raw) in typed)
        {
            var pattern = raw.Trim();
            if (stored.TryGetValue(kind, out var row))
            {
                if (row.Pattern == pattern) continue;
                row.Pattern = pattern;
                row.Version++;
            }
            else
            {
                if (pattern == DocumentNumbering.DefaultPattern(kind)) continue;
                db.DocumentNumberFormats.Add(new DocumentNumberFormat { Kind = kind, Pattern = pattern });
            }
            changed++;
        }
        if (changed > 0) await db.SaveChangesAsync(ct);
        return (changed, errors);
    }

    public static string FieldName(DocumentKind kind) => "Pattern_" + kind;

    public const string Conflict = "Pola nomor baru saja diubah administrator lain. Periksa pola yang berlaku sekarang, lalu ulangi perubahan Anda.";

    private static string StampOf(IEnumerable<DocumentNumberFormat> rows) =>
        string.Join(';', rows.OrderBy(r => r.Kind).Select(r => FormattableString.Invariant($"{(int)r.Kind}:{r.Version}")));
}
