using System.Collections.Concurrent;
using AgentProgram.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Home;

/// <summary>
/// Institution-wide dashboard figures, the same for every officer who opens the page, kept per database for a short
/// while: a page view then reads a few small rows instead of summing again. An entry is read again when it is older
/// than its maximum age or when its stamp changes (the stored aggregates' refresh time: their figures change only when
/// the refresher runs). Per-user data (an agent's own reports) is never kept here.
/// </summary>
public static class HomeCache
{
    // Per database (one per process in production; several test hosts may share a process).
    private static readonly ConcurrentDictionary<(string Db, string Key), Entry> Entries = new();

    private sealed record Entry(DateTime At, object? Stamp, object Value);

    public static async Task<T> GetAsync<T>(AppDbContext db, string key, object? stamp, DateTime nowUtc, TimeSpan maxAge, Func<Task<T>> load)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(load);
        var id = (db.Database.GetConnectionString() ?? "", key);
        if (Entries.TryGetValue(id, out var e) && Equals(e.Stamp, stamp) && nowUtc >= e.At && nowUtc - e.At <= maxAge && e.Value is T cached) return cached;
        var value = await load();
        Entries[id] = new Entry(nowUtc, stamp, value);
        // Keys that stop being asked for (yesterday's chart, a message set that changed) are dropped once long expired.
        if (Entries.Count > MaxEntries)
            foreach (var (k, old) in Entries)
                if (nowUtc - old.At > Forget) Entries.TryRemove(k, out _);
        return value;
    }

    private const int MaxEntries = 64;

    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(10);

    /// <summary>Forgets every entry of this database (after a write that the page must show at once).</summary>
    public static void Clear(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = db.Database.GetConnectionString() ?? "";
        foreach (var k in Entries.Keys.Where(k => k.Db == name)) Entries.TryRemove(k, out _);
    }
}
