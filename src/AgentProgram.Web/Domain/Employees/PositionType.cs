using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentProgram.Web.Domain.Employees;

/// <summary>Position type (UU 20/2023, DOMAIN.md §3). The numbers are stored: never renumber.</summary>
public enum PositionType
{
    JptUtama = 1,
    JptMadya = 2,
    JptPratama = 3,
    Administrator = 4,
    Pengawas = 5,
    Fungsional = 6,
    Pelaksana = 7,
}

/// <summary>Legacy structural level. The number is the BKN-style code (group × 10 + sub-level).</summary>
public enum Eselon
{
    IA = 11,
    IB = 12,
    IIA = 21,
    IIB = 22,
    IIIA = 31,
    IIIB = 32,
    IVA = 41,
    IVB = 42,
    VA = 51,
    VB = 52,
}

/// <summary>The position type and eselon read from a row, and what could not be read.</summary>
public sealed record PositionResult(PositionType? Type, Eselon? Eselon, IReadOnlyList<ImportIssue> Issues);

public static partial class PositionTypes
{
    /// <summary>JPT, Administrator and Pengawas manage; Fungsional and Pelaksana do not.</summary>
    public static bool IsManagerial(this PositionType type) => type <= PositionType.Pengawas;

    public static string Label(this PositionType type) => type switch
    {
        PositionType.JptUtama => EmployeeLabels.JptUtama,
        PositionType.JptMadya => EmployeeLabels.JptMadya,
        PositionType.JptPratama => EmployeeLabels.JptPratama,
        PositionType.Administrator => EmployeeLabels.Administrator,
        PositionType.Pengawas => EmployeeLabels.Pengawas,
        PositionType.Fungsional => EmployeeLabels.Fungsional,
        _ => EmployeeLabels.Pelaksana,
    };

    /// <summary>"I.a", "III.b", "IV.a" …</summary>
    public static string Label(this Eselon eselon)
    {
        var code = (int)eselon;
        var group = (code / 10) switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => "V" };
        return $"{group}.{(char)('a' + (code % 10) - 1)}";
    }

    /// <summary>
    /// The legacy eselon table: I.a/I.b JPT Madya (I.a heading a non-ministerial agency: JPT
    /// Utama), II JPT Pratama, III Administrator, IV Pengawas, V Pelaksana.
    /// </summary>
    public static PositionType FromEselon(Eselon eselon, bool headsNonMinisterialAgency = false) => ((int)eselon / 10) switch
    {
        1 when eselon == Eselon.IA && headsNonMinisterialAgency => PositionType.JptUtama,
        1 => PositionType.JptMadya,
        2 => PositionType.JptPratama,
        3 => PositionType.Administrator,
        4 => PositionType.Pengawas,
        _ => PositionType.Pelaksana,
    };

    /// <summary>
    /// Reads <c>ESELON NAMA</c> (<c>I.a</c> … <c>V.b</c>, also <c>III/a</c>, <c>IIIa</c>, "Eselon II.b")
    /// or <c>ESELON ID</c> (11 … 52; unverified: confirm with the pilot institution's data).
    /// Returns true with a null eselon for a blank value or <c>NON ESELON</c>; false when unreadable.
    /// </summary>
    public static bool TryParseEselon(string? text, out Eselon? eselon)
    {
        eselon = null;
        var words = EmploymentTypes.Words(text);
        if (words.Length == 0 || words.Replace(" ", "", StringComparison.Ordinal) is "NONESELON" or "NON" or "0") return true;
        if (words.All(char.IsAsciiDigit))
        {
            var code = int.Parse(words, NumberStyles.None, CultureInfo.InvariantCulture);
            if (!Enum.IsDefined(typeof(Eselon), code)) return false;
            eselon = (Eselon)code;
            return true;
        }
        var m = EselonText().Match(words);
        if (!m.Success) return false;
        var group = m.Groups["g"].Value switch { "I" or "1" => 1, "II" or "2" => 2, "III" or "3" => 3, "IV" or "4" => 4, _ => 5 };
        var value = (group * 10) + (m.Groups["s"].Value[0] - 'A' + 1);
        if (!Enum.IsDefined(typeof(Eselon), value)) return false;
        eselon = (Eselon)value;
        return true;
    }

    /// <summary>
    /// Maps BKN <c>JENIS JABATAN</c> (id or name) and the eselon to a position type:
    /// 1 Struktural → by eselon (needs one); 2 Fungsional Tertentu → Fungsional; 3 Rangkap → by
    /// eselon, else Fungsional; 4 Fungsional Umum → Pelaksana. Newer exports that name the
    /// type itself ("JPT Pratama", "Jabatan Administrator", "Pelaksana") are read directly. A
    /// blank jenis falls back to the eselon. Problems are warnings: the row is imported with
    /// the position type left empty for HR to set.
    /// </summary>
    public static PositionResult Resolve(string? jenisJabatan, string? eselonText, bool headsNonMinisterialAgency = false)
    {
        List<ImportIssue> issues = [];
        if (!TryParseEselon(eselonText, out var eselon))
            issues.Add(ImportIssue.Warning(ImportIssueCode.PositionEselonUnknown, EmployeeMessages.PositionEselonUnknown, eselonText!.Trim()));
        PositionType? byEselon = eselon is { } e ? FromEselon(e, headsNonMinisterialAgency) : null;

        var words = EmploymentTypes.Words(jenisJabatan);
        if (words.StartsWith("JABATAN ", StringComparison.Ordinal)) words = words["JABATAN ".Length..];
        PositionType? type;
        switch (words)
        {
            case "":
                type = byEselon;
                break;
            case "1" or "STRUKTURAL" or "JPT" or "PIMPINAN TINGGI":
                type = byEselon;
                if (type is null)
                    issues.Add(ImportIssue.Warning(ImportIssueCode.PositionStrukturalWithoutEselon, EmployeeMessages.PositionStrukturalWithoutEselon));
                break;
            case "2" or "FUNGSIONAL TERTENTU" or "FUNGSIONAL" or "JFT":
                type = PositionType.Fungsional;
                break;
            case "3" or "RANGKAP":
                type = byEselon ?? PositionType.Fungsional;
                break;
            case "4" or "FUNGSIONAL UMUM" or "PELAKSANA" or "JFU":
                type = PositionType.Pelaksana;
                break;
            case "JPT UTAMA" or "PIMPINAN TINGGI UTAMA":
                type = PositionType.JptUtama;
                break;
            case "JPT MADYA" or "PIMPINAN TINGGI MADYA":
                type = PositionType.JptMadya;
                break;
            case "JPT PRATAMA" or "PIMPINAN TINGGI PRATAMA":
                type = PositionType.JptPratama;
                break;
            case "ADMINISTRATOR":
                type = PositionType.Administrator;
                break;
            case "PENGAWAS":
                type = PositionType.Pengawas;
                break;
            default:
                issues.Add(ImportIssue.Warning(ImportIssueCode.PositionJenisJabatanUnknown, EmployeeMessages.PositionJenisJabatanUnknown, jenisJabatan!.Trim()));
                type = byEselon;
                break;
        }
        return new PositionResult(type, eselon, issues);
    }

    // After Words(): "I A", "III B", "ESELON II A", "IIIA", "4 A".
    [GeneratedRegex(@"^(?:ESELON )?(?<g>IV|V|III|II|I|[1-5]) ?(?<s>[AB])$")]
    private static partial Regex EselonText();
}
