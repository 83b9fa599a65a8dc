using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.AccountVerification;

/// <summary>One or many accounts (Items: "id:version") to verify or reject, and the queue filters to go back to.</summary>
public sealed class ReviewForm
{
    public List<string> Items { get; set; } = [];
    public string? Reason { get; set; }
    public string? Platform { get; set; }
    public int? Unit { get; set; }
    public int Hal { get; set; } = 1;

    public VerificationQuery Query => VerificationQuery.From(Platform, Unit, Hal);
}

public sealed record ReviewResult(string? Error, string? Message);

/// <summary>
/// Verifies or rejects (with a reason) one account or many. Only accounts still pending and still
/// at the version Humas saw are changed; the rest are counted as skipped. Nobody verifies their own
/// account. SocialAccount is audited, so each decision is in the trail with its reviewer.
/// </summary>
public sealed class ReviewAccountsHandler(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxPerAction = 500;

    public async Task<ReviewResult> HandleAsync(ReviewForm form, bool verify, string actorId, CancellationToken ct = default)
    {
        var wanted = new Dictionary<int, int>();
        foreach (var item in form.Items)
        {
            var parts = (item ?? "").Split(':');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                wanted[id] = version;
        }
        if (wanted.Count == 0) return new(l["Pilih minimal satu akun."], null);
        if (wanted.Count > MaxPerAction) return new(l["Paling banyak {0} akun sekali proses.", MaxPerAction], null);
        var reason = form.Reason?.Trim() ?? "";
        if (!verify && reason.Length == 0) return new(l["Alasan penolakan wajib diisi, agar agen tahu apa yang harus diperbaiki."], null);
        if (reason.Length > 500) return new(l["Alasan paling banyak 500 karakter."], null);

        var ids = wanted.Keys.ToList();
        var accounts = await db.SocialAccounts.Include(s => s.Agent).Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        int done = 0, stale = 0, own = 0;
        // What changed on each skipped account since the page was loaded, as the officer will read it.
        var skipped = new List<string>();
        foreach (var s in accounts)
        {
            if (s.Agent.UserId == actorId) { own++; continue; }
            if (s.State != VerificationState.Pending || s.Version != wanted[s.Id])
            {
                stale++;
                skipped.Add(s.State == VerificationState.Pending
                    ? l["@{0} ({1}): diubah pemiliknya", s.Handle, s.Platform.ToString()].Value
                    : l["@{0} ({1}): sudah {2}", s.Handle, s.Platform.ToString(), l[Agents.AgentLabels.Verification(s.State)].Value.ToLower(CultureInfo.CurrentCulture)].Value);
                continue;
            }
            s.State = verify ? VerificationState.Verified : VerificationState.Rejected;
            s.RejectionReason = verify ? null : reason;
            s.ReviewedByUserId = actorId;
            s.ReviewedUtc = now;
            done++;
        }
        stale += wanted.Count - accounts.Count;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(l["Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda."], null);
        }

        var messages = new List<string>();
        if (done > 0) messages.Add(verify ? l["{0} akun diverifikasi.", done].Value : l["{0} akun ditolak.", done].Value);
        if (stale > 0)
        {
            var gone = stale - skipped.Count;
            if (gone > 0) skipped.Add(l["{0} akun sudah dihapus pemiliknya", gone].Value);
            messages.Add(l["{0} akun dilewati karena sudah ditinjau atau diubah pemiliknya setelah halaman dimuat: {1}.", stale, string.Join("; ", skipped)].Value);
        }
        if (own > 0) messages.Add(l["{0} akun milik Anda sendiri dilewati: akun Anda diverifikasi petugas Humas lain.", own].Value);
        return new(null, string.Join(" ", messages));
    }
}
