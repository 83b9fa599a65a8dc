using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentProgram.Web.Infrastructure.Hosting;

/// <summary>
/// Sets synchronous=NORMAL and a busy timeout on every SQLite connection the app opens. In WAL mode (set once on the
/// file at start-up) that is still safe against an app or OS crash: a commit is durable once it is
/// in the WAL, and only a power loss can lose the last transactions, never corrupt the file. The
/// default (FULL) syncs the disk on every commit, which queues concurrent writers (share reports,
/// click batches) behind one another. See https://www.sqlite.org/pragma.html#pragma_synchronous.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>
    /// synchronous=NORMAL (see above), and busy_timeout: a writer that finds the file locked waits inside
    /// SQLite, which retries after 1, 2, 5, 10… ms, instead of failing back to the driver, which retries
    /// only every 150 ms (long tails when several agents post at once).
    /// </summary>
    public const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
