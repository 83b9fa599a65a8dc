using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Employees;

/// <summary>
/// The employee list as CSV or XLSX: exactly the rows the list shows for the same query string (all
/// pages), the page's columns under the page's headers; "Jenis jabatan" and "Hukuman disiplin" split
/// out what the page shows under Jabatan and Kedudukan hukum. The NIP is written 8-6-1-3, which
/// Excel keeps as text in a CSV instead of rounding it (in the XLSX it is a text cell anyway).
/// </summary>
public sealed class ExportEmployeesHandler(ListEmployeesHandler list, IStringLocalizer<SharedResource> l)
{
    public async Task<ExportTable> HandleAsync(EmployeeListQuery query, int limit, CancellationToken ct = default) =>
        Columns(l).Table(l["Pegawai"], await list.ExportAsync(query, limit + 1, ct), limit);

    public static ExportColumns<EmployeeRow> Columns(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new ExportColumns<EmployeeRow>()
            .Text(l["Nama"], r => r.FullName)
            .Text(l["NIP"], r => r.NipDisplay)
            .Text(l["Jenis pegawai"], r => l[r.Type.Label()])
            .Text(l["Golongan"], r => EmployeeText.GolonganDisplay(r.GolonganCode))
            .Text(l["Jabatan"], r => r.PositionName)
            .Text(l["Jenis jabatan"], r => r.PositionType is { } pt ? l[pt.Label()].Value : null)
            .Text(l["Unit Kerja"], r => r.UnitName ?? r.SiasnUnorName)
            .Text(l["Kedudukan hukum"], r => l[EmployeeText.StatusText(r.Status, r.LegalStatusName)])
            .Text(l["Hukuman disiplin"], r => r.HasDisciplinarySanction ? l["Ya"] : l["Tidak"])
            .Text(l["Agen"], r => r.AgentId is null ? l["Tidak"] : l["Ya"]);
    }
}
