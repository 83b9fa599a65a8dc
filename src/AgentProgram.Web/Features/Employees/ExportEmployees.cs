using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Infrastructure.Web;

namespace AgentProgram.Web.Features.Employees;

/// <summary>
/// The employee list as CSV: the same columns and order as the page, UTF-8 with a byte-order mark
/// so Excel reads the names correctly, Indonesian headers whatever the UI language (a file HR
/// passes on). The NIP is written 8-6-1-3, which Excel keeps as text instead of rounding it.
/// </summary>
public static class EmployeeCsv
{
    public static readonly IReadOnlyList<string> Headers =
        ["NIP", "Nama", "Jenis Pegawai", "Golongan", "Jenis Jabatan", "Jabatan", "Unit Kerja", "Kedudukan Hukum", "Hukuman Disiplin", "Agen"];

    public static byte[] Write(IEnumerable<EmployeeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Csv.Write(rows.Select(r => (IReadOnlyList<string?>)
        [
            r.NipDisplay,
            r.FullName,
            r.Type.Label(),
            EmployeeText.GolonganDisplay(r.GolonganCode),
            r.PositionType?.Label() ?? "",
            r.PositionName ?? "",
            r.UnitName ?? r.SiasnUnorName ?? "",
            EmployeeText.StatusText(r.Status, r.LegalStatusName),
            r.HasDisciplinarySanction ? "Ya" : "Tidak",
            r.AgentId is null ? "Tidak" : "Ya",
        ]).Prepend(Headers));
    }
}

/// <summary>The CSV of exactly the rows the list shows for the same query string (all pages).</summary>
public sealed class ExportEmployeesHandler(ListEmployeesHandler list, TimeProvider clock, Infrastructure.Time.Display display)
{
    public async Task<(byte[] Content, string FileName)> HandleAsync(EmployeeListQuery query, CancellationToken ct = default)
    {
        var rows = await list.ExportAsync(query, ct);
        var today = ShowEmployeeHandler.Today(clock, display);
        return (EmployeeCsv.Write(rows), $"pegawai-{today:yyyy-MM-dd}.csv");
    }
}
