using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Data;

/// <summary>Every SQLite connection the app opens runs in WAL with synchronous=NORMAL and waits inside SQLite when the file is locked.</summary>
public sealed class SqlitePragmaTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task App_connections_use_wal_normal_sync_and_a_busy_timeout()
    {
        var (journal, synchronous, busy) = await app.WithDb(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                var connection = db.Database.GetDbConnection();
                async Task<string> Pragma(string name)
                {
                    await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant pragma names
                    command.CommandText = "PRAGMA " + name + ";";
#pragma warning restore CA2100
                    return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
                }
                return (await Pragma("journal_mode"), await Pragma("synchronous"), await Pragma("busy_timeout"));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
        Assert.Equal("wal", journal);
        Assert.Equal("1", synchronous); // NORMAL
        Assert.Equal("30000", busy);
    }
}
