using System.Globalization;
using System.Text;

namespace AgentProgram.Web.Domain.Employees;

/// <summary>Which layout digits 9–14 follow, as digit 13 says: 0/1 PNS (TMT year and month), 2 PPPK.</summary>
public enum NipLayout
{
    Pns = 1,
    Pppk = 2,
}

/// <summary>
/// A checked 18-digit NIP (DOMAIN.md §2). Only <see cref="NipCheck"/> makes one, and only when
/// the value has no hard error. Stored as an 18-character string, never a number.
/// </summary>
public sealed record Nip
{
    internal Nip(string value) => Value = value;

    /// <summary>The 18 digits, as stored.</summary>
    public string Value { get; }

    public DateOnly BirthDate => new(Digits(0, 4), Digits(4, 2), Digits(6, 2));

    /// <summary>The layout the NIP itself follows; the HR employment type may disagree (a warning).</summary>
    public NipLayout Layout => Value[12] == '2' ? NipLayout.Pppk : NipLayout.Pns;

    /// <summary>Digits 9–12: the TMT CPNS year (PNS) or the appointment year (PPPK).</summary>
    public int AppointmentYear => Digits(8, 4);

    /// <summary>PNS layout: the first day of the TMT CPNS month from digits 9–14; null for PPPK.</summary>
    public DateOnly? TmtCpns => Layout == NipLayout.Pns ? new DateOnly(AppointmentYear, Digits(12, 2), 1) : null;

    /// <summary>PPPK layout: digit 14, the number of employment contracts (1–9); null for PNS.</summary>
    public int? ContractCount => Layout == NipLayout.Pppk ? Digits(13, 1) : null;

    public Sex Sex => Value[14] == '1' ? Sex.Male : Sex.Female;

    /// <summary>Digits 16–18 (1–999).</summary>
    public int Serial => Digits(15, 3);

    /// <summary>8-6-1-3 grouping for letters and screens: <c>19860926 201505 1 001</c>.</summary>
    public string Display => FormatForDisplay(Value);

    public override string ToString() => Value;

    /// <summary>8-6-1-3 grouping of an 18-digit value; anything else comes back unchanged.</summary>
    public static string FormatForDisplay(string? value)
    {
        if (value is null || value.Length != 18 || !value.All(char.IsAsciiDigit)) return value ?? "";
        return $"{value[..8]} {value[8..14]} {value[14]} {value[15..]}";
    }

    /// <summary>
    /// Removes a leading apostrophe (Excel's "this is text" mark), all white space (also
    /// non-breaking and zero-width) and dots. Does not check anything.
    /// </summary>
    public static string Normalize(string? raw)
    {
        var s = StripLeadingApostrophe(raw);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c is '.' or '\u200B' or '\uFEFF') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    internal static string StripLeadingApostrophe(string? raw)
    {
        var s = (raw ?? "").Trim().Trim('\uFEFF', '\u200B').Trim();
        return s.Length > 0 && s[0] is '\'' or '\u2018' or '\u2019' or '`' ? s[1..].Trim() : s;
    }

    private int Digits(int start, int length) => int.Parse(Value.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
