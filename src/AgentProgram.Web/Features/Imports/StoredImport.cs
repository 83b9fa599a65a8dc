using System.Globalization;
using System.Text.Json;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.Extensions.Caching.Memory;

namespace AgentProgram.Web.Features.Imports;

/// <summary>
/// The officer's column mapping as stored in ImportBatch.MappingJson: the canonical column's number
/// (SiasnColumn or UnitColumn, never renumbered) → the file header chosen, e.g. <c>{"1":"NIP_PEGAWAI"}</c>.
/// </summary>
public static class ColumnMapping
{
    public static Dictionary<int, string> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            return (JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
                .Where(kv => int.TryParse(kv.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _) && !string.IsNullOrWhiteSpace(kv.Value))
                .ToDictionary(kv => int.Parse(kv.Key, CultureInfo.InvariantCulture), kv => kv.Value);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string? Serialize(IReadOnlyDictionary<int, string> map) => map.Count == 0
        ? null
        : JsonSerializer.Serialize(map.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value));

    public static Dictionary<SiasnColumn, string> ForEmployees(IReadOnlyDictionary<int, string> map) =>
        map.Where(kv => Enum.IsDefined(typeof(SiasnColumn), kv.Key)).ToDictionary(kv => (SiasnColumn)kv.Key, kv => kv.Value);

    public static Dictionary<UnitColumn, string> ForUnits(IReadOnlyDictionary<int, string> map) =>
        map.Where(kv => Enum.IsDefined(typeof(UnitColumn), kv.Key)).ToDictionary(kv => (UnitColumn)kv.Key, kv => kv.Value);
}

/// <summary>Reads a batch's stored copy and analyses it (cached briefly: the preview page may be reloaded).</summary>
public sealed class PreviewImportHandler(EmployeeImporter employees, UnitImporter units, IMemoryCache cache)
{
    public static Func<ITabularReader> Open(byte[] content) => () => new StoredTabularReader(new MemoryStream(content, writable: false));

    public async Task<ImportAnalysis> AnalyzeAsync(int batchId, ImportKind kind, byte[] content, string? mappingJson, CancellationToken ct = default)
    {
        var key = $"imports:analysis:{batchId}:{mappingJson}";
        if (cache.TryGetValue(key, out ImportAnalysis? cached) && cached is not null) return cached;
        var map = ColumnMapping.Parse(mappingJson);
        var analysis = kind == ImportKind.Units
            ? await units.AnalyzeAsync(Open(content), ColumnMapping.ForUnits(map), ct)
            : await employees.AnalyzeAsync(Open(content), ColumnMapping.ForEmployees(map), ct);
        cache.Set(key, analysis, TimeSpan.FromMinutes(2));
        return analysis;
    }

    public void Forget(int batchId, string? mappingJson) => cache.Remove($"imports:analysis:{batchId}:{mappingJson}");
}
