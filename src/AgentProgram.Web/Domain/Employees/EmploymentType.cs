using System.Text;

namespace AgentProgram.Web.Domain.Employees;

/// <summary>Employment type (DOMAIN.md §4). The numbers are stored: never renumber.</summary>
public enum EmploymentType
{
    Cpns = 1,
    Pns = 2,
    Pppk = 3,
    PppkParuhWaktu = 4,
}

public static class EmploymentTypes
{
    /// <summary>CPNS and PNS have the PNS NIP layout (TMT month in digits 13–14), pangkat and golongan I/a–IV/e.</summary>
    public static bool IsPnsLayout(this EmploymentType type) => type is EmploymentType.Cpns or EmploymentType.Pns;

    public static bool IsPppk(this EmploymentType type) => type is EmploymentType.Pppk or EmploymentType.PppkParuhWaktu;

    public static string Label(this EmploymentType type) => type switch
    {
        EmploymentType.Cpns => EmployeeLabels.Cpns,
        EmploymentType.Pns => EmployeeLabels.Pns,
        EmploymentType.Pppk => EmployeeLabels.Pppk,
        EmploymentType.PppkParuhWaktu => EmployeeLabels.PppkParuhWaktu,
        _ => type.ToString(),
    };

    /// <summary>
    /// Reads SIASN <c>JENIS PEGAWAI NAMA</c> liberally ("PNS PUSAT DPK", "PNS DAERAH", "CPNS",
    /// "PPPK", "PPPK PARUH WAKTU", "Pegawai Pemerintah dengan Perjanjian Kerja", "P3K"…) together
    /// with <c>STATUS CPNS PNS</c> (<c>C</c>/<c>P</c>). For the PNS family the status column decides
    /// between CPNS and PNS when it holds C or P, because SIASN keeps the jenis pegawai of a CPNS
    /// as "PNS …". Either column may be empty, not both.
    /// </summary>
    public static bool TryParse(string? jenisPegawaiNama, string? statusCpnsPns, out EmploymentType type)
    {
        type = default;
        var words = Words(jenisPegawaiNama);
        var status = Words(statusCpnsPns);
        bool? candidate = status switch
        {
            "C" or "CPNS" or "CALON PNS" => true,
            "P" or "PNS" => false,
            _ => null,
        };

        if (words.Length == 0)
        {
            if (candidate is null) return false;
            type = candidate.Value ? EmploymentType.Cpns : EmploymentType.Pns;
            return true;
        }

        var padded = " " + words + " ";
        var pppk = padded.Contains(" PPPK ", StringComparison.Ordinal) || padded.Contains(" P3K ", StringComparison.Ordinal)
            || padded.Contains(" PERJANJIAN KERJA ", StringComparison.Ordinal);
        var partTime = padded.Contains(" PARUH WAKTU ", StringComparison.Ordinal) || padded.Contains(" PARUHWAKTU ", StringComparison.Ordinal);
        if (pppk || (partTime && !padded.Contains(" PNS ", StringComparison.Ordinal)))
        {
            type = partTime ? EmploymentType.PppkParuhWaktu : EmploymentType.Pppk;
            return true;
        }

        var calon = padded.Contains(" CPNS ", StringComparison.Ordinal) || padded.Contains(" CALON ", StringComparison.Ordinal);
        var pns = calon || padded.Contains(" PNS ", StringComparison.Ordinal) || padded.Contains(" PEGAWAI NEGERI SIPIL ", StringComparison.Ordinal);
        if (!pns) return false;
        type = (candidate ?? calon) ? EmploymentType.Cpns : EmploymentType.Pns;
        return true;
    }

    public static ImportIssue Unrecognised(string raw) =>
        ImportIssue.Error(ImportIssueCode.EmploymentTypeUnknown, EmployeeMessages.EmploymentTypeUnknown, raw.Trim());

    /// <summary>Upper case, letters and digits only, single spaces ("P3K", "PNS PUSAT DPK").</summary>
    internal static string Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(c));
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        return sb.ToString().TrimEnd();
    }
}
