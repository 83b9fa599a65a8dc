using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Features.Imports;

/// <summary>Labels of the import pages (Indonesian localizer keys) and the Bootstrap colour of each state.</summary>
public static class ImportLabels
{
    public static string Kind(ImportKind kind) => kind == ImportKind.Units ? "Unit Kerja" : "Pegawai";

    public static string KindLong(ImportKind kind) => kind == ImportKind.Units
        ? I18n.Key("Unit kerja (ID, NAMA_UNOR, ID_ATASAN)")
        : I18n.Key("Pegawai (Export Data ASN)");

    /// <summary>The column that identifies a row in messages and the download: the NIP, or the UNOR id of a unit.</summary>
    public static string KeyColumn(ImportKind kind) => kind == ImportKind.Units ? I18n.Key("ID UNOR") : I18n.Key("NIP");

    public static string State(ImportState state) => state switch
    {
        ImportState.Previewed => I18n.Key("Pratinjau"),
        ImportState.Queued => I18n.Key("Menunggu giliran"),
        ImportState.Running => I18n.Key("Berjalan"),
        ImportState.Completed => I18n.Key("Selesai"),
        _ => I18n.Key("Gagal"),
    };

    public static string StateBadge(ImportState state) => state switch
    {
        ImportState.Completed => "text-bg-success",
        ImportState.Failed => "text-bg-danger",
        ImportState.Running or ImportState.Queued => "text-bg-info",
        _ => "text-bg-secondary",
    };

    public static string Outcome(RowOutcome outcome) => outcome switch
    {
        RowOutcome.New => I18n.Key("Baru"),
        RowOutcome.Updated => I18n.Key("Diperbarui"),
        RowOutcome.Unchanged => I18n.Key("Tidak berubah"),
        _ => I18n.Key("Ditolak"),
    };

    public static string OutcomeBadge(RowOutcome outcome) => outcome switch
    {
        RowOutcome.New => "text-bg-success",
        RowOutcome.Updated => "text-bg-primary",
        RowOutcome.Unchanged => "text-bg-light",
        _ => "text-bg-danger",
    };

    public static string Need(ColumnNeed need) => need switch
    {
        ColumnNeed.Required => I18n.Key("Wajib"),
        ColumnNeed.Recommended => I18n.Key("Disarankan"),
        _ => I18n.Key("Opsional"),
    };

    public static string Severity(bool isError) => isError ? I18n.Key("Ditolak") : I18n.Key("Peringatan");
}

/// <summary>One line of an issue table (preview or result), already in the reader's language.</summary>
public sealed record IssueLine(int Row, string? Key, string? Name, bool IsError, string Text);

public sealed record IssueList(AgentProgram.Web.Domain.Imports.ImportKind Kind, IReadOnlyList<IssueLine> Lines);
