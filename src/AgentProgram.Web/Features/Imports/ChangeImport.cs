using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Imports;

/// <summary>The mapping step's form: canonical column number → the file header chosen ("" = match automatically).</summary>
public sealed class MappingForm
{
    public Dictionary<int, string?> Columns { get; set; } = [];
}

public enum ImportChange
{
    Done,
    NotFound,

    /// <summary>The batch is no longer a preview (already confirmed, or cancelled in another tab).</summary>
    NotPreview,

    /// <summary>The header row still cannot be used: the preview shows why.</summary>
    HeadersUnusable,
}

/// <summary>
/// What an officer does with a preview: change the column mapping (the preview is analysed again),
/// confirm (the batch is queued for the background worker), or cancel (the upload is deleted).
/// </summary>
public sealed class ChangeImportHandler(AppDbContext db, PreviewImportHandler previewer, ImportSignal signal)
{
    public async Task<ImportChange> SaveMappingAsync(int id, MappingForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var batch = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.State, b.Kind, b.MappingJson }).SingleOrDefaultAsync(ct);
        if (batch is null) return ImportChange.NotFound;
        if (batch.State != ImportState.Previewed) return ImportChange.NotPreview;
        var valid = batch.Kind == ImportKind.Units
            ? SiasnHeaders.UnitColumns.Select(c => (int)c.Column).ToHashSet()
            : SiasnHeaders.EmployeeColumns.Select(c => (int)c.Column).ToHashSet();
        var map = form.Columns
            .Where(kv => valid.Contains(kv.Key) && !string.IsNullOrWhiteSpace(kv.Value))
            .ToDictionary(kv => kv.Key, kv => kv.Value!.Trim()[..Math.Min(kv.Value!.Trim().Length, 200)]);
        var json = ColumnMapping.Serialize(map);
        await db.ImportBatches.Where(b => b.Id == id && b.State == ImportState.Previewed)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.MappingJson, json), ct);
        previewer.Forget(id, batch.MappingJson);
        return ImportChange.Done;
    }

    /// <summary>
    /// Queues the import. The stored copy is first cut down to the mapped columns under their canonical
    /// names, so what waits for the worker holds nothing the import does not read.
    /// </summary>
    public async Task<ImportChange> ConfirmAsync(int id, CancellationToken ct = default)
    {
        var batch = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.State, b.Kind, b.MappingJson, b.Content }).SingleOrDefaultAsync(ct);
        if (batch is null) return ImportChange.NotFound;
        if (batch.State != ImportState.Previewed || batch.Content is null) return ImportChange.NotPreview;

        var open = PreviewImportHandler.Open(batch.Content);
        var map = ColumnMapping.Parse(batch.MappingJson);
        List<(int Index, string Header)> columns;
        if (batch.Kind == ImportKind.Units)
        {
            if (UnitImporter.HeaderIssues(open, ColumnMapping.ForUnits(map)).Any(i => i.IsError)) return ImportChange.HeadersUnusable;
            var m = UnitImporter.MapHeaders(open, ColumnMapping.ForUnits(map));
            columns = [.. SiasnHeaders.UnitColumns.Where(c => m.Has(c.Column)).Select(c => (m.IndexOf(c.Column)!.Value, c.Header))];
        }
        else
        {
            var (_, m) = EmployeeImporter.MapHeaders(open, ColumnMapping.ForEmployees(map));
            if (!m.CanImport) return ImportChange.HeadersUnusable;
            columns = [.. SiasnHeaders.EmployeeColumns.Where(c => m.Has(c.Column)).Select(c => (m.IndexOf(c.Column)!.Value, c.Header))];
        }
        byte[] minimal;
        using (var reader = open()) (minimal, _) = StoredTabularReader.Write(reader, columns);

        var queued = await db.ImportBatches.Where(b => b.Id == id && b.State == ImportState.Previewed)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, ImportState.Queued).SetProperty(b => b.Content, minimal), ct);
        if (queued == 0) return ImportChange.NotPreview;
        previewer.Forget(id, batch.MappingJson);
        signal.Notify();
        return ImportChange.Done;
    }

    /// <summary>Deletes an unconfirmed upload with its stored copy.</summary>
    public async Task<ImportChange> CancelAsync(int id, CancellationToken ct = default)
    {
        var state = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id).Select(b => (ImportState?)b.State).SingleOrDefaultAsync(ct);
        if (state is null) return ImportChange.NotFound;
        var deleted = await db.ImportBatches.Where(b => b.Id == id && b.State == ImportState.Previewed).ExecuteDeleteAsync(ct);
        return deleted == 0 ? ImportChange.NotPreview : ImportChange.Done;
    }
}
