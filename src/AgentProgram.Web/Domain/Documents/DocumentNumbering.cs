using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentProgram.Web.Domain.Documents;

/// <summary>
/// Letter numbers (DOMAIN.md §9): a pattern per kind with <c>{seq}</c> (the yearly counter), <c>{month}</c>
/// (01–12), <c>{month:roman}</c> (I–XII) and <c>{year}</c>, e.g. <c>B-{seq}/HM.01/{month}/{year}</c>. The counter
/// restarts each year, so a pattern must carry both the counter and the year to stay unique.
/// </summary>
public static class DocumentNumbering
{
    public const string MissingPlaceholders = "Pola nomor harus memuat {seq} dan {year}.";
    public const string UnknownPlaceholder = "Pola nomor memuat penanda yang tidak dikenal: {0}. Penanda yang dikenal tercantum di atas.";
    public const string TooLong = "Pola nomor paling panjang 60 karakter.";

    private static readonly string[] Known = ["{seq}", "{month}", "{month:roman}", "{year}"];
    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    public static string DefaultPattern(DocumentKind kind) => kind switch
    {
        DocumentKind.Summary => "B-{seq}/HM.01/{month}/{year}",
        DocumentKind.Appendix => "B-{seq}/HM.01.1/{month}/{year}",
        DocumentKind.RecommendationLetter => "B-{seq}/KP.07/{month}/{year}",
        DocumentKind.RecommendationMemo => "ND-{seq}/HM.01/{month}/{year}",
        DocumentKind.Certificate => "{seq}/PIAGAM/HM/{year}",
        DocumentKind.Decree => "{seq}/KEP/HM/{year}",
        DocumentKind.AgentStatement => "B-{seq}/HM.02/{month}/{year}",
        DocumentKind.MessageReport => "B-{seq}/HM.03/{month}/{year}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Why a pattern cannot be used (an Indonesian message and its argument), or null.</summary>
    public static (string Message, string? Argument)? Problem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || !pattern.Contains("{seq}", StringComparison.Ordinal) || !pattern.Contains("{year}", StringComparison.Ordinal))
            return (MissingPlaceholders, null);
        if (pattern.Length > 60) return (TooLong, null);
        var i = 0;
        while ((i = pattern.IndexOf('{', i)) >= 0)
        {
            var end = pattern.IndexOf('}', i);
            var token = end < 0 ? pattern[i..] : pattern[i..(end + 1)];
            if (Array.IndexOf(Known, token) < 0) return (UnknownPlaceholder, token);
            i = end < 0 ? pattern.Length : end + 1;
        }
        return null;
    }

    public static string Format(string pattern, int sequence, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new StringBuilder(pattern)
            .Replace("{seq}", sequence.ToString(CultureInfo.InvariantCulture))
            .Replace("{month:roman}", Roman[date.Month - 1])
            .Replace("{month}", date.Month.ToString("00", CultureInfo.InvariantCulture))
            .Replace("{year}", date.Year.ToString(CultureInfo.InvariantCulture))
            .ToString();
    }

    /// <summary>Crockford's base-32 letters: no I, L, O or U, so a code read from paper is not mistyped.</summary>
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int CodeLength = 10;

    /// <summary>A random verification code (50 bits): unguessable, short enough to type from a printout.</summary>
    public static string NewVerificationCode()
    {
        Span<byte> bytes = stackalloc byte[CodeLength];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[CodeLength];
        for (var i = 0; i < CodeLength; i++) chars[i] = CodeAlphabet[bytes[i] & 31];
        return new string(chars);
    }

    /// <summary>The code as typed by a person: case and the separators people add ignored, confusable letters mapped.</summary>
    public static string? NormalizeCode(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var sb = new StringBuilder(CodeLength);
        foreach (var raw in typed)
        {
            if (raw is '-' or ' ') continue;
            var c = char.ToUpperInvariant(raw) switch { 'O' => '0', 'I' or 'L' => '1', var x => x };
            if (CodeAlphabet.IndexOf(c, StringComparison.Ordinal) < 0) return null;
            sb.Append(c);
            if (sb.Length > CodeLength) return null;
        }
        return sb.Length == CodeLength ? sb.ToString() : null;
    }

    /// <summary>Indonesian name of a kind, as the pages and the verification page show it.</summary>
    public static string Label(DocumentKind kind) => kind switch
    {
        DocumentKind.Summary => "Ringkasan Pimpinan",
        DocumentKind.Appendix => "Lampiran Penerima",
        DocumentKind.RecommendationLetter => "Surat Rekomendasi",
        DocumentKind.RecommendationMemo => "Nota Dinas Rekomendasi",
        DocumentKind.Certificate => "Piagam Penghargaan",
        DocumentKind.Decree => "SK Penetapan Agen Komunikasi",
        DocumentKind.AgentStatement => "Laporan Kinerja Agen",
        DocumentKind.MessageReport => "Laporan Pesan",
        _ => kind.ToString(),
    };
}
