using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentProgram.Web.Domain.Employees;

public enum GolonganScheme
{
    /// <summary>PNS and CPNS: I/a … IV/e with a pangkat; BKN codes 11 … 45.</summary>
    Pns = 1,

    /// <summary>PPPK: I … XVII, no pangkat.</summary>
    Pppk = 2,
}

/// <summary>
/// A pay grade (DOMAIN.md §3). Instances come only from the two fixed tables, so
/// <see cref="Code"/> is enough to store one: BKN code (11–45) for PNS, level (1–17) for PPPK.
/// </summary>
public sealed partial record Golongan
{
    private Golongan(GolonganScheme scheme, int code, string name, string? pangkat)
    {
        Scheme = scheme;
        Code = code;
        Name = name;
        Pangkat = pangkat;
    }

    public GolonganScheme Scheme { get; }

    /// <summary>PNS: the BKN code as in <c>GOL AKHIR ID</c> (31 = III/a). PPPK: the level 1–17.</summary>
    public int Code { get; }

    /// <summary><c>III/a</c> or <c>IX</c>.</summary>
    public string Name { get; }

    /// <summary>The rank title, PNS only ("Penata Muda"); PPPK have none.</summary>
    public string? Pangkat { get; }

    /// <summary>"Penata Tingkat I (III/d)" for PNS; "IX" for PPPK.</summary>
    public string Display => Pangkat is null ? Name : $"{Pangkat} ({Name})";

    public override string ToString() => Display;

    // BKN codes: unverified, confirm with the pilot institution's data (DOMAIN.md §3).
    public static readonly IReadOnlyList<Golongan> PnsTable =
    [
        new(GolonganScheme.Pns, 11, "I/a", "Juru Muda"),
        new(GolonganScheme.Pns, 12, "I/b", "Juru Muda Tingkat I"),
        new(GolonganScheme.Pns, 13, "I/c", "Juru"),
        new(GolonganScheme.Pns, 14, "I/d", "Juru Tingkat I"),
        new(GolonganScheme.Pns, 21, "II/a", "Pengatur Muda"),
        new(GolonganScheme.Pns, 22, "II/b", "Pengatur Muda Tingkat I"),
        new(GolonganScheme.Pns, 23, "II/c", "Pengatur"),
        new(GolonganScheme.Pns, 24, "II/d", "Pengatur Tingkat I"),
        new(GolonganScheme.Pns, 31, "III/a", "Penata Muda"),
        new(GolonganScheme.Pns, 32, "III/b", "Penata Muda Tingkat I"),
        new(GolonganScheme.Pns, 33, "III/c", "Penata"),
        new(GolonganScheme.Pns, 34, "III/d", "Penata Tingkat I"),
        new(GolonganScheme.Pns, 41, "IV/a", "Pembina"),
        new(GolonganScheme.Pns, 42, "IV/b", "Pembina Tingkat I"),
        new(GolonganScheme.Pns, 43, "IV/c", "Pembina Utama Muda"),
        new(GolonganScheme.Pns, 44, "IV/d", "Pembina Utama Madya"),
        new(GolonganScheme.Pns, 45, "IV/e", "Pembina Utama"),
    ];

    private static readonly string[] PppkRomans =
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"];

    public static readonly IReadOnlyList<Golongan> PppkTable =
        [.. PppkRomans.Select((roman, i) => new Golongan(GolonganScheme.Pppk, i + 1, roman, null))];

    public static Golongan? FromBknCode(int code) => PnsTable.FirstOrDefault(g => g.Code == code);

    public static Golongan? FromPppkLevel(int level) => level is >= 1 and <= 17 ? PppkTable[level - 1] : null;

    /// <summary>
    /// Reads a grade however exports write it: a BKN code (<c>31</c>); <c>III/a</c>, <c>III.a</c>,
    /// <c>IIIa</c>, <c>III-A</c>, "iii / a", <c>3/a</c>; a pangkat ("Penata Muda Tingkat I",
    /// "Penata Muda Tk. I"); both ("Penata Muda (III/a)", which must agree); or a PPPK roman
    /// numeral (<c>IX</c>, "Golongan IX"). A bare number is always a BKN code: PPPK levels are
    /// written in roman numerals, and 11–17 would collide.
    /// </summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Golongan? golongan)
    {
        golongan = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (t.All(char.IsAsciiDigit))
        {
            golongan = int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? FromBknCode(code) : null;
            return golongan is not null;
        }

        // Take the I/a … IV/e part out; what is left must be a pangkat, a PPPK numeral, or nothing.
        var upper = t.ToUpperInvariant();
        Golongan? fromRoman = null;
        var m = PnsRoman().Match(upper);
        if (m.Success)
        {
            var group = m.Groups["g"].Value switch { "1" or "I" => 1, "2" or "II" => 2, "3" or "III" => 3, _ => 4 };
            var ruang = m.Groups["r"].Value[0] - 'A' + 1;
            fromRoman = FromBknCode((group * 10) + ruang);
            if (fromRoman is null) return false; // I/e, II/e, III/e do not exist
            upper = upper.Remove(m.Index, m.Length);
        }

        var padded = " " + EmploymentTypes.Words(upper) + " ";
        padded = TingkatAbbreviation().Replace(padded, "TINGKAT I");
        padded = NoiseWord().Replace(padded, "");
        var rest = EmploymentTypes.Words(padded);
        if (rest.Length == 0)
        {
            golongan = fromRoman;
            return golongan is not null;
        }

        var fromPangkat = PnsTable.FirstOrDefault(g => string.Equals(g.Pangkat, rest, StringComparison.OrdinalIgnoreCase));
        if (fromPangkat is not null)
        {
            if (fromRoman is not null && fromRoman != fromPangkat) return false;
            golongan = fromPangkat;
            return true;
        }
        if (fromRoman is not null) return false; // "III/a" followed by something that is not its pangkat

        var level = Array.IndexOf(PppkRomans, rest);
        golongan = level >= 0 ? PppkTable[level] : null;
        return golongan is not null;
    }

    public static Golongan? Parse(string? text) => TryParse(text, out var g) ? g : null;

    /// <summary>Codes 11–45 only for PNS/CPNS, I–XVII only for PPPK. Null when the grade fits.</summary>
    public ImportIssue? CheckFits(EmploymentType type) => (Scheme, type.IsPnsLayout()) switch
    {
        (GolonganScheme.Pns, false) => ImportIssue.Error(ImportIssueCode.GolonganPnsForPppk, EmployeeMessages.GolonganPnsForPppk, Name, type.Label()),
        (GolonganScheme.Pppk, true) => ImportIssue.Error(ImportIssueCode.GolonganPppkForPns, EmployeeMessages.GolonganPppkForPns, Name, type.Label()),
        _ => null,
    };

    /// <summary>
    /// Reads <c>GOL AKHIR NAMA</c> and <c>GOL AKHIR ID</c> (either may be empty) and checks the
    /// grade fits the employment type. The name wins when both are readable and disagree (a
    /// warning). Both blank gives no grade and no issue: whether a grade is required is the
    /// importer's call.
    /// </summary>
    public static GolonganCheckResult Check(string? golAkhirId, string? golAkhirNama, EmploymentType? type)
    {
        List<ImportIssue> issues = [];
        var hasId = !string.IsNullOrWhiteSpace(golAkhirId);
        var hasName = !string.IsNullOrWhiteSpace(golAkhirNama);
        if (!hasId && !hasName) return new GolonganCheckResult(null, issues);

        var byName = Parse(golAkhirNama);
        var byId = Parse(golAkhirId);
        var golongan = byName ?? byId;
        if (golongan is null)
        {
            issues.Add(ImportIssue.Error(ImportIssueCode.GolonganUnknown, EmployeeMessages.GolonganUnknown, (hasName ? golAkhirNama : golAkhirId)!.Trim()));
            return new GolonganCheckResult(null, issues);
        }
        if (byName is not null && byId is not null && byName != byId)
            issues.Add(ImportIssue.Warning(ImportIssueCode.GolonganIdNameMismatch, EmployeeMessages.GolonganIdNameMismatch,
                golAkhirId!.Trim(), byId.Name, golAkhirNama!.Trim(), byName.Name));
        if (type is { } t && golongan.CheckFits(t) is { } misfit)
        {
            issues.Add(misfit);
            return new GolonganCheckResult(null, issues);
        }
        return new GolonganCheckResult(golongan, issues);
    }

    // "TK. I", "TK I", "TK.I", "TINGKAT 1" all mean "TINGKAT I" (after Words(), dots are spaces).
    [GeneratedRegex(@"(?<= )(?:TK|TKT|TINGKAT) (?:I|1)(?= )")]
    private static partial Regex TingkatAbbreviation();

    [GeneratedRegex(@"(?<= )(?:GOLONGAN|GOL|RUANG|PANGKAT)(?= )")]
    private static partial Regex NoiseWord();

    // Group I–IV (or 1–4), optional separator, ruang a–e, not inside a word.
    [GeneratedRegex(@"(?<![A-Z0-9])(?<g>IV|III|II|I|[1-4])\s*[/.\-]?\s*(?<r>[A-E])(?![A-Z0-9])")]
    private static partial Regex PnsRoman();
}

/// <summary>The grade to store (null when unreadable, blank or not fitting the type) and what was wrong.</summary>
public sealed record GolonganCheckResult(Golongan? Golongan, IReadOnlyList<ImportIssue> Issues);
