using AgentProgram.Web.Domain.Audit;
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

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        var pending = AuditTrail.Capture(ChangeTracker);
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The audit rows need the keys the database generates, so they are written by a second
        // save; one transaction keeps the change and its audit together.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = _clock.GetUtcNow().UtcDateTime;
            AuditEntries.AddRange(pending.Select(p => AuditTrail.ToEntry(p, _actor, now)));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
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
