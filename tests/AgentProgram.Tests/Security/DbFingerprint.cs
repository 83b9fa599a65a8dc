using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Security;

/// <summary>
/// A hash of every row of every table of the test database, per table, to show that a refused request
/// changed nothing. The audit trail (which may record the refusal), the Data Protection key ring and the derived
/// Agg* tables (rebuilt from the others by a background job at its own pace) are left out.
/// </summary>
public sealed record DbFingerprint(IReadOnlyDictionary<string, string> Tables)
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { "AuditEntries", "DataProtectionKeys", "__EFMigrationsHistory" };

    public static async Task<DbFingerprint> TakeAsync(AppFactory app)
    {
        var cs = await app.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var r = await list.ExecuteReaderAsync();
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        }
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !Ignored.Contains(t) && !t.StartsWith("Agg", StringComparison.Ordinal)))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var select = connection.CreateCommand();
            // Table names come from sqlite_master, not from input; quoted as identifiers.
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ORDER BY rowid";
            var rows = 0;
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "\u2400" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                    hash.AppendData(Encoding.UTF8.GetBytes(value + "\u241F"));
                }
                hash.AppendData("\u241E"u8);
            }
            result[table] = $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        }
        return new DbFingerprint(result);
    }

    /// <summary>The tables whose rows differ between two fingerprints.</summary>
    public IReadOnlyList<string> ChangedSince(DbFingerprint before) =>
        [.. Tables.Keys.Union(before.Tables.Keys).Where(t => Tables.GetValueOrDefault(t) != before.Tables.GetValueOrDefault(t)).Order(StringComparer.Ordinal)];
}
