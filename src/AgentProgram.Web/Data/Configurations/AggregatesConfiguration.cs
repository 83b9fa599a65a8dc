using AgentProgram.Web.Domain.Aggregates;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

/// <summary>The stored aggregates (Infrastructure/Aggregates keeps them in step with the raw rows). No foreign keys: they are rebuilt, never edited.</summary>
internal static class AggregateCells
{
    public static void Shares<T>(EntityTypeBuilder<T> b, string table, string dayColumn, bool perUnit = true) where T : ShareCell
    {
        b.ToTable(table);
        b.Property(x => x.Day).HasColumnName(dayColumn);
        b.Property(x => x.Platform).HasConversion<string>().HasMaxLength(20);
        if (perUnit)
        {
            b.HasKey(x => new { x.Day, x.UnitId, x.MessageId, x.Platform });
            b.HasIndex(x => new { x.MessageId, x.Day });
        }
        else
        {
            b.Ignore(x => x.UnitId);
            b.HasKey(x => new { x.Day, x.MessageId, x.Platform });
        }
    }

    public static void Responses<T>(EntityTypeBuilder<T> b, string table, string dayColumn, bool perUnit = true) where T : ResponseCell
    {
        b.ToTable(table);
        b.Property(x => x.Day).HasColumnName(dayColumn);
        b.Property(x => x.Platform).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        if (perUnit) b.HasKey(x => new { x.Day, x.UnitId, x.MessageId, x.Platform, x.Kind });
        else
        {
            b.Ignore(x => x.UnitId);
            b.HasKey(x => new { x.Day, x.MessageId, x.Platform, x.Kind });
        }
    }
}

internal sealed class DailyShareFigureConfiguration : IEntityTypeConfiguration<DailyShareFigure>
{
    public void Configure(EntityTypeBuilder<DailyShareFigure> b) => AggregateCells.Shares(b, "AggDailyShares", "Day");
}

internal sealed class DailyResponseFigureConfiguration : IEntityTypeConfiguration<DailyResponseFigure>
{
    public void Configure(EntityTypeBuilder<DailyResponseFigure> b) => AggregateCells.Responses(b, "AggDailyResponses", "Day");
}

internal sealed class MonthlyShareFigureConfiguration : IEntityTypeConfiguration<MonthlyShareFigure>
{
    public void Configure(EntityTypeBuilder<MonthlyShareFigure> b) => AggregateCells.Shares(b, "AggMonthlyShares", "Month");
}

internal sealed class MonthlyResponseFigureConfiguration : IEntityTypeConfiguration<MonthlyResponseFigure>
{
    public void Configure(EntityTypeBuilder<MonthlyResponseFigure> b) => AggregateCells.Responses(b, "AggMonthlyResponses", "Month");
}

internal sealed class MonthlyMessageShareFigureConfiguration : IEntityTypeConfiguration<MonthlyMessageShareFigure>
{
    public void Configure(EntityTypeBuilder<MonthlyMessageShareFigure> b) => AggregateCells.Shares(b, "AggMonthlyMessageShares", "Month", perUnit: false);
}

internal sealed class MonthlyMessageResponseFigureConfiguration : IEntityTypeConfiguration<MonthlyMessageResponseFigure>
{
    public void Configure(EntityTypeBuilder<MonthlyMessageResponseFigure> b) => AggregateCells.Responses(b, "AggMonthlyMessageResponses", "Month", perUnit: false);
}

internal sealed class AgentActivityConfiguration : IEntityTypeConfiguration<AgentActivity>
{
    public void Configure(EntityTypeBuilder<AgentActivity> b)
    {
        b.ToTable("AggAgentActivity");
        b.Property(x => x.Mission).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Platform).HasConversion<string>().HasMaxLength(20);
        b.HasKey(x => new { x.AgentId, x.Year, x.UnitId, x.Mission, x.Platform });
        b.HasIndex(x => new { x.Year, x.UnitId });
    }
}

internal sealed class AgentYearActivityConfiguration : IEntityTypeConfiguration<AgentYearActivity>
{
    /// <summary>Keyed agent first and with no index on the year: counting a year's active agents reads the table straight through, one row per agent, rather than looking each row up from an index.</summary>
    public void Configure(EntityTypeBuilder<AgentYearActivity> b)
    {
        b.ToTable("AggAgentYears");
        b.HasKey(x => new { x.AgentId, x.Year });
    }
}

internal sealed class UnitWeekActivityConfiguration : IEntityTypeConfiguration<UnitWeekActivity>
{
    public void Configure(EntityTypeBuilder<UnitWeekActivity> b)
    {
        b.ToTable("AggUnitWeeks");
        b.HasKey(x => new { x.WeekStart, x.UnitId });
    }
}

internal sealed class AggregateDirtyDayConfiguration : IEntityTypeConfiguration<AggregateDirtyDay>
{
    public void Configure(EntityTypeBuilder<AggregateDirtyDay> b)
    {
        b.ToTable("AggDirtyDays");
        b.HasIndex(x => x.AtUtc);
    }
}

internal sealed class AggregateRefreshStateConfiguration : IEntityTypeConfiguration<AggregateRefreshState>
{
    public void Configure(EntityTypeBuilder<AggregateRefreshState> b)
    {
        b.ToTable("AggRefreshState");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ClaimedBy).HasMaxLength(100);
        b.HasData(new AggregateRefreshState { Id = AggregateRefreshState.SingletonId });
    }
}

/// <summary>
/// The indexes the refresher needs to recompute one day without reading whole tables: reports by posting time,
/// responses by recording time, clicks by time. Declared here (a second configuration of those entities) so the
/// aggregate change stays in one file.
/// </summary>
internal sealed class AggregateSourceIndexes : IEntityTypeConfiguration<ShareReport>, IEntityTypeConfiguration<PublicResponse>, IEntityTypeConfiguration<LinkClick>
{
    public void Configure(EntityTypeBuilder<ShareReport> b) => b.HasIndex(r => r.PostedUtc);

    public void Configure(EntityTypeBuilder<PublicResponse> b) => b.HasIndex(r => r.RecordedUtc);

    public void Configure(EntityTypeBuilder<LinkClick> b) => b.HasIndex(c => c.OccurredUtc);
}
