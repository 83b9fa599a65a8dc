using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace AgentProgram.Web.Infrastructure.Clicks;

/// <summary>
/// Records tracked-link clicks off the request path. <see cref="Record"/> puts the raw click
/// (link id, time, client address, user agent) on a bounded in-memory queue and returns; a single
/// background writer takes up to <see cref="ClickRecordingOptions.BatchSize"/> clicks at a time,
/// turns each into a <see cref="LinkClick"/> (visitor hash salted per WIB day, bot flag; the address
/// and user agent are dropped there and never stored), and inserts them with multi-row INSERTs in one
/// transaction. No click is dropped on purpose: a full queue makes the request wait briefly and then
/// write its click itself; a failed batch is retried; stopping the host drains the queue first.
/// </summary>
public sealed partial class ClickRecorder : BackgroundService
{
    /// <summary>Rows per INSERT statement: 4 parameters each stays under SQL Server's 2,100.</summary>
    private const int RowsPerStatement = 500;

    private readonly Channel<PendingClick> _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly VisitorHashSecret _secret;
    private readonly Display _display;
    private readonly ILogger<ClickRecorder> _log;
    private readonly int _batchSize;
    private readonly TimeSpan _fullWait;
    private long _pending;
    private long _written;

    public ClickRecorder(IServiceScopeFactory scopes, VisitorHashSecret secret, Display display, IOptions<ClickRecordingOptions> options, ILogger<ClickRecorder> log)
    {
        _scopes = scopes;
        _secret = secret;
        _display = display;
        _log = log;
        var o = options.Value;
        _batchSize = Math.Clamp(o.BatchSize, 1, 10_000);
        _fullWait = TimeSpan.FromMilliseconds(Math.Max(0, o.FullQueueWaitMilliseconds));
        _queue = Channel.CreateBounded<PendingClick>(new BoundedChannelOptions(Math.Max(1, o.QueueCapacity))
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
    }

    /// <summary>Clicks accepted but not yet in the database.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Clicks this instance has written since it started.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Queues one click. Completes at once unless the queue is full.</summary>
    public ValueTask Record(int trackedLinkId, DateTime occurredUtc, string? ip, string? userAgent)
    {
        var click = new PendingClick(trackedLinkId, occurredUtc, ip, userAgent);
        Interlocked.Increment(ref _pending);
        return _queue.Writer.TryWrite(click) ? ValueTask.CompletedTask : RecordSlowAsync(click);
    }

    private async ValueTask RecordSlowAsync(PendingClick click)
    {
        using (var wait = new CancellationTokenSource(_fullWait))
        {
            try
            {
                await _queue.Writer.WriteAsync(click, wait.Token);
                return;
            }
            catch (OperationCanceledException) { }
            catch (ChannelClosedException) { }
        }
        // Queue still full (or the host is stopping): this request writes its own click (a few
        // attempts; the visitor is redirected either way, and a click given up on is logged).
        await WriteWithRetryAsync([click], CancellationToken.None, maxAttempts: 3);
    }

    /// <summary>Waits until every click accepted so far is in the database (tests, benchmark, shutdown).</summary>
    public async Task FlushAsync(TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (Pending > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Pending} clicks still waiting to be written.");
            await Task.Delay(5, ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        var batch = new List<PendingClick>(_batchSize);
        // Not cancelled by stoppingToken: StopAsync completes the queue, and the loop ends once it is empty.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < _batchSize && reader.TryRead(out var click)) batch.Add(click);
            if (batch.Count == 0) continue;
            await WriteWithRetryAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } running)
        {
            // Drain what is queued, within the host's shutdown timeout.
            await Task.WhenAny(running, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        }
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteWithRetryAsync(IReadOnlyList<PendingClick> batch, CancellationToken stoppingToken, int maxAttempts = int.MaxValue)
    {
        List<LinkClick>? rows = null;
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Inside the retry: a misconfigured secret must not kill the writer (or the host).
                rows ??= ToRows(batch);
                await InsertAsync(rows);
                Interlocked.Add(ref _written, rows.Count);
                Interlocked.Add(ref _pending, -rows.Count);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if ((stoppingToken.IsCancellationRequested && attempt >= 3) || attempt >= maxAttempts)
                {
                    Interlocked.Add(ref _pending, -batch.Count);
                    LogLost(_log, e, batch.Count);
                    return;
                }
                LogRetry(_log, e, batch.Count, attempt);
                await Task.Delay(delay, CancellationToken.None);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
    }

    private List<LinkClick> ToRows(IReadOnlyList<PendingClick> batch)
    {
        var secret = _secret.Bytes;
        var rows = new List<LinkClick>(batch.Count);
        foreach (var c in batch)
        {
            var day = DateOnly.FromDateTime(_display.ToLocal(c.OccurredUtc));
            rows.Add(new LinkClick
            {
                TrackedLinkId = c.TrackedLinkId,
                OccurredUtc = c.OccurredUtc,
                VisitorHash = VisitorHash.Compute(c.Ip, c.UserAgent, day, secret),
                IsBot = BotDetector.IsBot(c.UserAgent),
            });
        }
        return rows;
    }

    private async Task InsertAsync(List<LinkClick> rows)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var shape = InsertShape.For(db);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                var connection = db.Database.GetDbConnection();
                for (var start = 0; start < rows.Count; start += RowsPerStatement)
                {
                    var count = Math.Min(RowsPerStatement, rows.Count - start);
                    await using var command = connection.CreateCommand();
                    command.Transaction = tx.GetDbTransaction();
                    command.CommandText = shape.Sql(count);
                    for (var i = 0; i < count; i++)
                    {
                        var row = rows[start + i];
                        Add(command, "@l" + i, DbType.Int32, row.TrackedLinkId);
                        Add(command, "@t" + i, DbType.DateTime2, DateTime.SpecifyKind(row.OccurredUtc, DateTimeKind.Unspecified));
                        Add(command, "@h" + i, DbType.AnsiString, row.VisitorHash);
                        Add(command, "@b" + i, DbType.Boolean, row.IsBot);
                    }
                    await command.ExecuteNonQueryAsync();
                }
                await tx.CommitAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }

    private static void Add(DbCommand command, string name, DbType type, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = value;
        command.Parameters.Add(p);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} tracked-link clicks could not be written and are lost.")]
    private static partial void LogLost(ILogger logger, Exception error, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} tracked-link clicks failed (attempt {Attempt}); retrying.")]
    private static partial void LogRetry(ILogger logger, Exception error, int count, int attempt);

    private readonly record struct PendingClick(int TrackedLinkId, DateTime OccurredUtc, string? Ip, string? UserAgent);

    /// <summary>The LinkClicks INSERT, with table and column names from the EF model, quoted by the provider.</summary>
    private sealed class InsertShape
    {
        private static InsertShape? _cached;
        private readonly string _prefix;
        private readonly Dictionary<int, string> _sql = [];

        private InsertShape(string prefix) => _prefix = prefix;

        public static InsertShape For(AppDbContext db)
        {
            if (_cached is { } shape) return shape;
            var entity = db.Model.FindEntityType(typeof(LinkClick)) ?? throw new InvalidOperationException("LinkClick is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
            var prefix = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({Column(nameof(LinkClick.TrackedLinkId))}, {Column(nameof(LinkClick.OccurredUtc))}, {Column(nameof(LinkClick.VisitorHash))}, {Column(nameof(LinkClick.IsBot))}) VALUES ";
            return _cached = new InsertShape(prefix);
        }

        public string Sql(int rows)
        {
            lock (_sql)
            {
                if (_sql.TryGetValue(rows, out var text)) return text;
                var b = new StringBuilder(_prefix, _prefix.Length + rows * 24);
                for (var i = 0; i < rows; i++)
                {
                    if (i > 0) b.Append(", ");
                    b.Append(CultureInfo.InvariantCulture, $"(@l{i}, @t{i}, @h{i}, @b{i})");
                }
                text = b.ToString();
                if (_sql.Count < 64) _sql[rows] = text;
                return text;
            }
        }
    }
}
