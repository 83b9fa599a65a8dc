using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AgentProgram.Tests.Data;

/// <summary>
/// Rules SQL Server enforces that SQLite forgives, checked on the SQL Server model so a mistake
/// shows up here rather than on the first production deployment.
/// </summary>
public static class SqlServerModelRules
{
    /// <summary>SQL Server's limit for a nonclustered index key (clustered: 900).</summary>
    public const int MaxIndexKeyBytes = 1700;
    public const int MaxClusteredKeyBytes = 900;

    public static List<string> Check(IModel model)
    {
        var violations = new List<string>();
        var relational = model.GetRelationalModel();
        foreach (var table in relational.Tables)
        {
            foreach (var index in table.Indexes)
                CheckKeySize(index.Name, index.Columns, MaxIndexKeyBytes, violations);
            foreach (var unique in table.UniqueConstraints)
                CheckKeySize(unique.Name, unique.Columns, unique.GetIsPrimaryKey() ? MaxClusteredKeyBytes : MaxIndexKeyBytes, violations);
        }
        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var p in entity.GetProperties())
            {
                var clr = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
                // Only an explicitly configured store type counts (the design-time model fills in the provider's default).
                var explicitType = p.FindAnnotation(Microsoft.EntityFrameworkCore.Metadata.RelationalAnnotationNames.ColumnType) is not null;
                if (clr == typeof(decimal) && p.GetPrecision() is null && !explicitType)
                    violations.Add($"{entity.DisplayName()}.{p.Name}: decimal without explicit precision (money is whole rupiah in long).");
                // SQL Server silently turns an indexed string without a length into nvarchar(450); say how long it really is.
                if (clr == typeof(string) && p.GetMaxLength() is null && !explicitType && (p.IsIndex() || p.IsKey() || p.IsForeignKey()))
                    violations.Add($"{entity.DisplayName()}.{p.Name}: indexed string is unbounded; give it HasMaxLength.");
            }
        }
        violations.AddRange(MultipleCascadePaths(model));
        return violations;
    }

    private static void CheckKeySize(string name, IEnumerable<IColumn> columns, int limit, List<string> violations)
    {
        var bytes = 0;
        foreach (var c in columns)
        {
            if (c.StoreType.Contains("(max)", StringComparison.OrdinalIgnoreCase) || c.StoreType is "text" or "ntext" or "image" or "xml")
            {
                violations.Add($"{name}: column {c.Name} is unbounded ({c.StoreType}) and cannot be indexed on SQL Server; give it HasMaxLength.");
                return;
            }
            bytes += ByteSize(c);
        }
        if (bytes > limit)
            violations.Add($"{name}: key is {bytes} bytes, over SQL Server's {limit}-byte limit.");
    }

    private static int ByteSize(IColumn c)
    {
        var type = c.StoreType.ToLowerInvariant();
        var open = type.IndexOf('(', StringComparison.Ordinal);
        var length = open > 0 && int.TryParse(type[(open + 1)..type.IndexOf(')', StringComparison.Ordinal)].Split(',')[0], out var n) ? n : 0;
        return type switch
        {
            _ when type.StartsWith("nvarchar", StringComparison.Ordinal) || type.StartsWith("nchar", StringComparison.Ordinal) => length * 2,
            _ when type.StartsWith("varchar", StringComparison.Ordinal) || type.StartsWith("char", StringComparison.Ordinal) || type.StartsWith("varbinary", StringComparison.Ordinal) || type.StartsWith("binary", StringComparison.Ordinal) => length,
            "bigint" or "datetime2" or "datetime" or "float" => 8,
            "datetimeoffset" => 10,
            "int" or "real" or "date" => 4,
            "smallint" => 2,
            "tinyint" or "bit" => 1,
            "uniqueidentifier" => 16,
            _ when type.StartsWith("decimal", StringComparison.Ordinal) => 17,
            _ => 8,
        };
    }

    /// <summary>SQL Server refuses a table reachable by two cascading (or set-null) paths from one table, or a cascade cycle.</summary>
    private static IEnumerable<string> MultipleCascadePaths(IModel model)
    {
        var edges = model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull && fk.PrincipalEntityType.GetTableName() is not null)
            .Select(fk => (From: fk.PrincipalEntityType.GetTableName()!, To: fk.DeclaringEntityType.GetTableName()!, Name: fk.GetConstraintName() ?? "?"))
            .ToList();
        foreach (var start in edges.Select(e => e.From).Distinct())
        {
            var paths = new Dictionary<string, int>(StringComparer.Ordinal);
            var stack = new Stack<(string Table, HashSet<string> Seen)>();
            stack.Push((start, new HashSet<string>(StringComparer.Ordinal) { start }));
            while (stack.Count > 0)
            {
                var (table, seen) = stack.Pop();
                foreach (var edge in edges.Where(e => e.From == table))
                {
                    if (seen.Contains(edge.To))
                    {
                        yield return $"Cascade cycle from {start} through {edge.Name}.";
                        continue;
                    }
                    paths[edge.To] = paths.GetValueOrDefault(edge.To) + 1;
                    stack.Push((edge.To, new HashSet<string>(seen, StringComparer.Ordinal) { edge.To }));
                }
            }
            foreach (var (target, count) in paths.Where(p => p.Value > 1))
                yield return $"Multiple cascade paths from {start} to {target} ({count}); use DeleteBehavior.Restrict on one.";
        }
    }
}
