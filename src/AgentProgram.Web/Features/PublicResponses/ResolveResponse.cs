using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AgentProgram.Web.Infrastructure.Aggregates;

namespace AgentProgram.Web.Features.PublicResponses;

/// <summary>One Humas action on one response: the version seen, a unit (routing) or a note, and the list to return to.</summary>
public sealed class ResolveForm
{
    public const int MaxNote = 500;

    public int Version { get; set; }
    public int? UnitId { get; set; }
    public string? Note { get; set; }

    /// <summary>The filtered queue the officer came from (only a queue URL is followed).</summary>
    public string? Kembali { get; set; }

    public string ReturnUrl => Kembali is { } k && (k == ResponseQuery.Path || k.StartsWith(ResponseQuery.Path + "?", StringComparison.Ordinal)) ? k : ResponseQuery.Path;
}

public enum ResolveAction { Route, Answer, Refer }

public enum ResolveOutcome { NotFound, Refused, Done }

public sealed record ResolveResult(ResolveOutcome Outcome, string? Message);

/// <summary>
/// Humas closes the loop: routes a response to a unit, marks it answered, or marks it referred to an
/// official channel (which one is required). Each step is stamped with its time and officer, checked
/// against the version the officer saw, and audited (PublicResponse is audited).
/// </summary>
public sealed class ResolveResponseHandler(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<ResolveResult> HandleAsync(long id, ResolveAction action, ResolveForm form, string actorId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var r = await db.PublicResponses.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new(ResolveOutcome.NotFound, null);
        if (r.Version != form.Version) return Stale();
        if (r.Status != ResponseStatus.Open)
            return new(ResolveOutcome.Refused, l["Tanggapan ini sudah ditutup ({0}). Tidak ada yang perlu diubah.", l[PublicResponseLabels.Status(r.Status)].Value]);

        var note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        if (note is { Length: > ResolveForm.MaxNote })
            return new(ResolveOutcome.Refused, l["Catatan paling banyak {0} karakter.", ResolveForm.MaxNote]);
        var now = clock.GetUtcNow().UtcDateTime;
        string done;
        switch (action)
        {
            case ResolveAction.Route:
                if (form.UnitId is not { } unitId || !await db.Units.AnyAsync(u => u.Id == unitId, ct))
                    return new(ResolveOutcome.Refused, l["Pilih unit kerja tujuan dari daftar."]);
                r.RoutedUnitId = unitId;
                r.RoutedUtc = now;
                done = l["Tanggapan diteruskan ke unit kerja. Tandai dijawab atau dirujuk setelah unit menanggapinya."];
                break;
            case ResolveAction.Answer:
                r.Status = ResponseStatus.Answered;
                r.ResolutionNote = note;
                r.ResolvedUtc = now;
                r.ResolvedByUserId = actorId;
                done = l["Tanggapan ditandai dijawab."];
                break;
            case ResolveAction.Refer:
                if (note is null)
                    return new(ResolveOutcome.Refused, l["Tuliskan kanal resmi tujuan rujukan, misalnya LAPOR! SP4N atau call center 112."]);
                r.Status = ResponseStatus.Referred;
                r.ResolutionNote = note;
                r.ResolvedUtc = now;
                r.ResolvedByUserId = actorId;
                done = l["Tanggapan ditandai dirujuk ke kanal resmi."];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
        // The version the officer saw is the one the database must still hold.
        db.Entry(r).Property(x => x.Version).OriginalValue = form.Version;
        await AggregateMarks.TrackAsync(db, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        return new(ResolveOutcome.Done, done);
    }

    private ResolveResult Stale() =>
        new(ResolveOutcome.Refused, l["Tanggapan ini baru saja diubah petugas lain. Periksa keadaannya di daftar, lalu ulangi bila masih perlu."]);
}
