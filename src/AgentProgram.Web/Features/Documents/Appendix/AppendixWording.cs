namespace AgentProgram.Web.Features.Documents.Appendix;

/// <summary>The appendix's Indonesian wording (official documents are Indonesian only).</summary>
public static class AppendixWording
{
    public const string Title = "LAMPIRAN PENERIMA PENGHARGAAN AGEN KOMUNIKASI";
    public const string Subtitle = "Periode {0} ({1})";
    public const string Final = "Final: disetujui pada {0}";
    public const string Provisional = "Sementara: hasil perhitungan belum disetujui";
    public const string Subject = "Lampiran penerima penghargaan periode {0}";

    // Column headers and totals, for the document.
    public const string ColumnNumber = "No.";
    public const string ColumnName = "Nama";
    public const string ColumnNip = "NIP";
    public const string ColumnGrade = "Gol.";
    public const string ColumnPosition = "Jabatan";
    public const string ColumnScore = "Skor";
    public const string ColumnRank = "Peringkat";
    public const string ColumnOutcomes = "Penghargaan";
    public const string ColumnIncentive = "Insentif (Rp)";
    public const string UnitTotal = "Jumlah {0}: {1} agen, insentif {2}";
    public const string GrandTotal = "Jumlah seluruhnya: {0} agen, insentif {1}";
}
