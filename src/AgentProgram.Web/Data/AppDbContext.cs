using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Data;

/// <summary>
/// The one model of the application. Two provider subclasses (<see cref="SqliteAppDbContext"/>,
/// <see cref="SqlServerAppDbContext"/>) own their migration folders.
///
/// To change the model: edit the entity and its configuration in Data/Configurations, then add
/// a migration for BOTH providers and regenerate the SQL Server script:
///   dotnet ef migrations add Name --context SqliteAppDbContext   --output-dir Data/Migrations/Sqlite
///   dotnet ef migrations add Name --context SqlServerAppDbContext --output-dir Data/Migrations/SqlServer
///   dotnet run --project src/AgentProgram.Web -- script-sqlserver
/// (run from src/AgentProgram.Web, or pass --project). Tests fail until all three are done.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<AppUser, AppRole, string>, IDataProtectionKeyContext
{
    private readonly IAuditActor _actor;
    private readonly TimeProvider _clock;

    protected AppDbContext(DbContextOptions options, IAuditActor? actor, TimeProvider? clock) : base(options)
    {
        _actor = actor ?? new SystemAuditActor();
        _clock = clock ?? TimeProvider.System;
    }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Signatory> Signatories => Set<Signatory>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<SocialAccount> SocialAccounts => Set<SocialAccount>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportRowIssue> ImportRowIssues => Set<ImportRowIssue>();
    public DbSet<PolicyMessage> PolicyMessages => Set<PolicyMessage>();
    public DbSet<MessageRevision> MessageRevisions => Set<MessageRevision>();
    public DbSet<CaptionVariant> CaptionVariants => Set<CaptionVariant>();
    public DbSet<GlossaryEntry> GlossaryEntries => Set<GlossaryEntry>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<TrackedLink> TrackedLinks => Set<TrackedLink>();
    public DbSet<LinkClick> LinkClicks => Set<LinkClick>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ElectionPeriodSetting> ElectionPeriods => Set<ElectionPeriodSetting>();
    public DbSet<ElectionCandidate> ElectionCandidates => Set<ElectionCandidate>();
    public DbSet<Domain.Reports.ShareReport> ShareReports => Set<Domain.Reports.ShareReport>();
    public DbSet<Domain.Reports.ReportSnapshot> ReportSnapshots => Set<Domain.Reports.ReportSnapshot>();
    public DbSet<Domain.Reports.PublicResponse> PublicResponses => Set<Domain.Reports.PublicResponse>();
    public DbSet<Domain.Rewards.RewardScheme> RewardSchemes => Set<Domain.Rewards.RewardScheme>();
    public DbSet<Domain.Rewards.RewardSchemeVersion> RewardSchemeVersions => Set<Domain.Rewards.RewardSchemeVersion>();
    public DbSet<Domain.Rewards.RewardPeriod> RewardPeriods => Set<Domain.Rewards.RewardPeriod>();
    public DbSet<Domain.Rewards.RewardRun> RewardRuns => Set<Domain.Rewards.RewardRun>();
    public DbSet<Domain.Rewards.RewardResult> RewardResults => Set<Domain.Rewards.RewardResult>();
    public DbSet<Domain.Rewards.ConductRecord> ConductRecords => Set<Domain.Rewards.ConductRecord>();
    public DbSet<Domain.Documents.IssuedDocument> IssuedDocuments => Set<Domain.Documents.IssuedDocument>();
    public DbSet<Domain.Documents.IssuedDocumentContent> IssuedDocumentContents => Set<Domain.Documents.IssuedDocumentContent>();
    public DbSet<Domain.Documents.DocumentCounter> DocumentCounters => Set<Domain.Documents.DocumentCounter>();
    public DbSet<Domain.Documents.DocumentNumberFormat> DocumentNumberFormats => Set<Domain.Documents.DocumentNumberFormat>();
    public DbSet<Domain.Aggregates.DailyShareFigure> AggDailyShares => Set<Domain.Aggregates.DailyShareFigure>();
    public DbSet<Domain.Aggregates.MonthlyShareFigure> AggMonthlyShares => Set<Domain.Aggregates.MonthlyShareFigure>();
    public DbSet<Domain.Aggregates.MonthlyResponseFigure> AggMonthlyResponses => Set<Domain.Aggregates.MonthlyResponseFigure>();
    public DbSet<Domain.Aggregates.MonthlyMessageShareFigure> AggMonthlyMessageShares => Set<Domain.Aggregates.MonthlyMessageShareFigure>();
    public DbSet<Domain.Aggregates.MonthlyMessageResponseFigure> AggMonthlyMessageResponses => Set<Domain.Aggregates.MonthlyMessageResponseFigure>();
    public DbSet<Domain.Aggregates.DailyResponseFigure> AggDailyResponses => Set<Domain.Aggregates.DailyResponseFigure>();
    public DbSet<Domain.Aggregates.AgentActivity> AggAgentActivity => Set<Domain.Aggregates.AgentActivity>();
    public DbSet<Domain.Aggregates.AgentYearActivity> AggAgentYears => Set<Domain.Aggregates.AgentYearActivity>();
    public DbSet<Domain.Aggregates.UnitWeekActivity> AggUnitWeeks => Set<Domain.Aggregates.UnitWeekActivity>();
    public DbSet<Domain.Aggregates.AggregateDirtyDay> AggDirtyDays => Set<Domain.Aggregates.AggregateDirtyDay>();
    public DbSet<Domain.Aggregates.AggregateRefreshState> AggRefreshState => Set<Domain.Aggregates.AggregateRefreshState>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        IdentityKeyLengths(builder);
    }

    /// <summary>
    /// Identity's string keys default to nvarchar(450) on SQL Server, which makes the composite keys
    /// of the join tables exceed the 900-byte clustered-key limit. Ids here are GUIDs or short seeds.
    /// </summary>
    private static void IdentityKeyLengths(ModelBuilder b)
    {
        const int id = 64;
        b.Entity<AppUser>().Property(u => u.Id).HasMaxLength(id);
        b.Entity<AppRole>().Property(r => r.Id).HasMaxLength(id);
        b.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>(e => { e.Property(x => x.UserId).HasMaxLength(id); e.Property(x => x.RoleId).HasMaxLength(id); });
        b.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().Property(x => x.UserId).HasMaxLength(id);
        b.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().Property(x => x.RoleId).HasMaxLength(id);
        b.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>(e =>
        {
            e.Property(x => x.UserId).HasMaxLength(id);
            e.Property(x => x.LoginProvider).HasMaxLength(128);
            e.Property(x => x.ProviderKey).HasMaxLength(128);
        });
        b.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>(e =>
        {
            e.Property(x => x.UserId).HasMaxLength(id);
            e.Property(x => x.LoginProvider).HasMaxLength(128);
            e.Property(x => x.Name).HasMaxLength(128);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, and writes one audit row per changed <see cref="IAudited"/> entity in the same
    /// transaction. The audit rows need keys the database generates, so they are inserted after the
    /// change by parameterised SQL; the whole unit runs in the provider's execution strategy, so it
    /// also works with SQL Server's retry-on-failure.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        BumpVersions();
        var pending = _suppressEntityAudit ? [] : AuditTrail.Capture(ChangeTracker);
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        if (Database.CurrentTransaction is not null)
        {
            var inOuter = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await WriteAuditAsync(pending, cancellationToken);
            return inOuter;
        }

        var count = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var tx = await Database.BeginTransactionAsync(ct);
            var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await WriteAuditAsync(pending, ct);
            await tx.CommitAsync(ct);
            return n;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return count;
    }

    private bool _suppressEntityAudit;

    /// <summary>
    /// For bulk operations (imports) whose own log is the record: per-entity audit rows are not
    /// written while the returned scope is open. The caller writes one summary entry instead.
    /// </summary>
    public IDisposable SuppressEntityAudit()
    {
        _suppressEntityAudit = true;
        return new Scope(() => _suppressEntityAudit = false);
    }

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    private async Task WriteAuditAsync(List<AuditTrail.Pending> pending, CancellationToken ct)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var p in pending)
        {
            var a = AuditTrail.ToEntry(p, _actor, now);
            await Database.ExecuteSqlAsync(
                $"INSERT INTO AuditEntries (OccurredUtc, UserId, UserName, Action, EntityType, EntityKey, Changes, IpAddress, Path) VALUES ({a.OccurredUtc}, {a.UserId}, {a.UserName}, {a.Action}, {a.EntityType}, {a.EntityKey}, {a.Changes}, {a.IpAddress}, {a.Path})",
                ct);
        }
    }

    /// <summary>Every update of a versioned record increments its version (the concurrency token).</summary>
    private void BumpVersions()
    {
        foreach (var e in ChangeTracker.Entries<Domain.IVersioned>())
        {
            if (e.State == EntityState.Modified) e.Entity.Version++;
        }
    }

    private void GuardAppendOnly()
    {
        foreach (var e in ChangeTracker.Entries<AuditEntry>())
        {
            if (e.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The audit trail is append-only: audit entries cannot be changed or deleted.");
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null)
    : AppDbContext(options, actor, clock);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null)
    : AppDbContext(options, actor, clock);
