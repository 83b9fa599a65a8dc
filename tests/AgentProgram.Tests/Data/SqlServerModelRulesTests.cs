using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AgentProgram.Tests.Data;

/// <summary>The rule checker itself catches each mistake it is there for, on a deliberately bad model.</summary>
public sealed class SqlServerModelRulesTests
{
    private sealed class Parent { public int Id { get; set; } public string Free { get; set; } = ""; public decimal Amount { get; set; } }
    private sealed class Left { public int Id { get; set; } public int ParentId { get; set; } }
    private sealed class Right { public int Id { get; set; } public int ParentId { get; set; } }
    private sealed class Child { public int Id { get; set; } public int LeftId { get; set; } public int RightId { get; set; } public string Wide { get; set; } = ""; }

    private sealed class BadContext(bool bad) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder o) =>
            o.UseSqlServer("Server=none;Database=none;Trusted_Connection=True").ReplaceService<IModelCacheKeyFactory, PerFlagCacheKey>();

        public bool Bad { get; } = bad;

        protected override void OnModelCreating(ModelBuilder b)
        {
            b.Entity<Parent>(e =>
            {
                if (Bad) e.HasIndex(p => p.Free); else e.Property(p => p.Free).HasMaxLength(100);
                if (!Bad) e.Property(p => p.Amount).HasPrecision(18, 2);
            });
            b.Entity<Left>().HasOne<Parent>().WithMany().HasForeignKey(l => l.ParentId).OnDelete(DeleteBehavior.Cascade);
            b.Entity<Right>().HasOne<Parent>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(Bad ? DeleteBehavior.Cascade : DeleteBehavior.Restrict);
            b.Entity<Child>(e =>
            {
                e.HasOne<Left>().WithMany().HasForeignKey(c => c.LeftId).OnDelete(DeleteBehavior.Cascade);
                e.HasOne<Right>().WithMany().HasForeignKey(c => c.RightId).OnDelete(DeleteBehavior.Cascade);
                e.Property(c => c.Wide).HasMaxLength(Bad ? 1000 : 100);
                e.HasIndex(c => c.Wide);
            });
        }
    }

    private sealed class PerFlagCacheKey : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), ((BadContext)context).Bad, designTime);
    }

    private static List<string> Violations(bool bad)
    {
        using var db = new BadContext(bad);
        return SqlServerModelRules.Check(db.GetService<IDesignTimeModel>().Model);
    }

    [Fact]
    public void A_good_model_passes() => Assert.Empty(Violations(bad: false));

    [Fact]
    public void Each_kind_of_mistake_is_reported()
    {
        var v = Violations(bad: true);
        Assert.Contains(v, m => m.Contains("unbounded", StringComparison.Ordinal) && m.Contains("Free", StringComparison.Ordinal));
        Assert.Contains(v, m => m.Contains("Amount", StringComparison.Ordinal) && m.Contains("precision", StringComparison.Ordinal));
        Assert.Contains(v, m => m.Contains("decimal without explicit precision", StringComparison.Ordinal));
        Assert.Contains(v, m => m.StartsWith("Multiple cascade paths", StringComparison.Ordinal));
        Assert.Contains(v, m => m.Contains("over SQL Server's 1700-byte limit", StringComparison.Ordinal));
    }
}
