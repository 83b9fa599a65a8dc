using System.Globalization;
using System.Text;

namespace AgentProgram.Web.Domain.Messages;

public enum ElectionPeriodKind
{
    Campaign,

    /// <summary>Masa tenang: the quiet days before voting.</summary>
    QuietPeriod,

    Voting,
}

/// <summary>
/// A configured election period, as instants in UTC: <c>[StartUtc, EndUtc)</c>. The caller turns the
/// configured WIB dates into instants (a period "11–13 Februari" ends at 14 Februari 00.00 WIB).
/// </summary>
public sealed record ElectionPeriod(string Name, DateTime StartUtc, DateTime EndUtc, ElectionPeriodKind Kind = ElectionPeriodKind.Campaign)
{
    public bool Contains(DateTime instantUtc) => StartUtc <= instantUtc && instantUtc < EndUtc;

    /// <summary>Whether the closed window [fromUtc, untilUtc] shares any instant with this period.</summary>
    public bool Overlaps(DateTime fromUtc, DateTime untilUtc) => fromUtc < EndUtc && StartUtc <= untilUtc;
}

/// <summary>A text of the message to check, with the field it came from (a label shown to the user).</summary>
public sealed record GuardedText(string Field, string? Text);

/// <summary>Where a configured candidate is named: the field, the position in its text and the words as written.</summary>
public sealed record CandidateMention(string Candidate, string Field, int Index, int Length, string Written)
{
    public string Format => PolicyMessageTexts.ElectionMention;
    public object[] FormatArgs => [Field, Candidate, Written];
    public string Message => string.Format(CultureInfo.InvariantCulture, Format, FormatArgs);
}

public enum ElectionVerdict
{
    None,

    /// <summary>The message is active during an election period: extra neutrality review before approval.</summary>
    Flagged,

    /// <summary>The message names a configured candidate: it cannot be submitted, approved or published.</summary>
    Blocked,
}

/// <summary>The guard's answer. A blocked result still lists the periods it overlaps.</summary>
public sealed record ElectionCheck(ElectionVerdict Verdict, IReadOnlyList<ElectionPeriod> Periods, IReadOnlyList<CandidateMention> Mentions)
{
    public static readonly ElectionCheck None = new(ElectionVerdict.None, [], []);

    public bool IsBlocked => Verdict == ElectionVerdict.Blocked;
    public bool IsFlagged => Verdict == ElectionVerdict.Flagged;

    /// <summary>Period names joined for messages ("Masa Kampanye Pilkada 2024, Masa Tenang Pilkada 2024").</summary>
    public string PeriodNames => string.Join(", ", Periods.Select(p => p.Name));

    /// <summary>Candidate names found, each once, joined for messages.</summary>
    public string CandidateNames => string.Join(", ", Mentions.Select(m => m.Candidate).Distinct(StringComparer.Ordinal));

    /// <summary>The summary to show (localizer key), or null when there is nothing to say.</summary>
    public string? Format => Verdict switch
    {
        ElectionVerdict.Blocked => PolicyMessageTexts.ElectionBlocked,
        ElectionVerdict.Flagged => PolicyMessageTexts.ElectionFlagged,
        _ => null,
    };

    public object[] FormatArgs => Verdict switch
    {
        ElectionVerdict.Blocked => [CandidateNames],
        ElectionVerdict.Flagged => [PeriodNames],
        _ => [],
    };
}

/// <summary>
/// SKB 2/2022 election-neutrality guard. A message that names a configured candidate is
/// <see cref="ElectionVerdict.Blocked"/> whatever the dates (the candidate list is the
/// administrator's switch: fill it when candidates are registered, clear it after the election).
/// A message whose active window overlaps a configured period, or checked while one is running,
/// is <see cref="ElectionVerdict.Flagged"/>. Name matching ignores case, diacritics, punctuation,
/// extra spaces and honorifics/degrees in the configured name, and matches whole words only
/// ("Ani" does not match "Animasi"); a multi-word name also matches written as one word or hashtag
/// ("#BudiSantoso").
/// </summary>
public sealed class ElectionGuard
{
    /// <summary>Words dropped from the start of a configured name (titles and honorifics), lower case, without dots.</summary>
    public static readonly IReadOnlySet<string> Honorifics = new HashSet<string>(StringComparer.Ordinal)
    {
        "bapak", "pak", "bpk", "ibu", "bu", "sdr", "sdri", "saudara", "saudari", "tuan", "nyonya", "ny", "nona",
        "h", "hj", "haji", "hajah", "kh", "kyai", "kiai", "gus", "ustadz", "ustad", "habib", "tgh",
        "dr", "drs", "dra", "ir", "prof", "st", "letjen", "mayjen", "brigjen", "jenderal", "jend", "kombes", "irjen", "komjen",
    };

    private readonly IReadOnlyList<ElectionPeriod> periods;
    private readonly List<Candidate> candidates;

    public ElectionGuard(IEnumerable<ElectionPeriod> periods, IEnumerable<string> candidateNames)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(candidateNames);
        this.periods = [.. periods.OrderBy(p => p.StartUtc)];
        candidates = [];
        foreach (var name in candidateNames)
        {
            var words = NameWords(name);
            if (words.Length > 0 && !candidates.Any(c => c.Words.SequenceEqual(words)))
                candidates.Add(new Candidate(name.Trim(), words, string.Concat(words)));
        }
    }

    public IReadOnlyList<ElectionPeriod> Periods => periods;

    /// <summary>The configured names as they will be matched (honorifics and degrees removed), for the settings page.</summary>
    public IReadOnlyList<string> MatchedNames => [.. candidates.Select(c => string.Join(' ', c.Words))];

    public ElectionCheck Check(IEnumerable<GuardedText> texts, DateTime windowFromUtc, DateTime windowUntilUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var during = periods.Where(p => p.Overlaps(windowFromUtc, windowUntilUtc) || p.Contains(nowUtc)).ToList();
        var mentions = new List<CandidateMention>();
        foreach (var t in texts)
        {
            if (!string.IsNullOrEmpty(t.Text)) mentions.AddRange(FindMentions(t.Field, t.Text));
        }

        var verdict = mentions.Count > 0 ? ElectionVerdict.Blocked : during.Count > 0 ? ElectionVerdict.Flagged : ElectionVerdict.None;
        return verdict == ElectionVerdict.None ? ElectionCheck.None : new ElectionCheck(verdict, during, mentions);
    }

    /// <summary>Every place in <paramref name="text"/> where a configured candidate is named.</summary>
    public IReadOnlyList<CandidateMention> FindMentions(string field, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<CandidateMention>();
        if (candidates.Count == 0) return found;
        var tokens = Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var c in candidates)
            {
                if (Matches(tokens, i, c.Words))
                {
                    var last = tokens[i + c.Words.Length - 1];
                    found.Add(new CandidateMention(c.Display, field, tokens[i].Start, last.End - tokens[i].Start, text[tokens[i].Start..last.End]));
                }
                else if (c.Words.Length > 1 && tokens[i].Word == c.Joined)
                {
                    found.Add(new CandidateMention(c.Display, field, tokens[i].Start, tokens[i].End - tokens[i].Start, text[tokens[i].Start..tokens[i].End]));
                }
            }
        }
        return found;
    }

    private static bool Matches(List<Token> tokens, int at, string[] words)
    {
        if (at + words.Length > tokens.Count) return false;
        for (var k = 0; k < words.Length; k++)
        {
            if (tokens[at + k].Word != words[k]) return false;
        }
        return true;
    }

    /// <summary>
    /// The words a configured name is matched by: degrees after the first comma ("Budi Santoso, S.E.")
    /// and leading honorifics ("Dr. H.", "K.H.") removed. The last word is never removed.
    /// </summary>
    internal static string[] NameWords(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return [];
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        var words = Tokenize(comma >= 0 ? name[..comma] : name).Select(t => t.Word).ToList();
        var skip = 0;
        while (skip < words.Count - 1)
        {
            if (Honorifics.Contains(words[skip])) skip++;
            // Dotted initials of an honorific ("K.H." is read as "k", "h").
            else if (skip < words.Count - 2 && words[skip].Length == 1 && words[skip + 1].Length == 1 && Honorifics.Contains(words[skip] + words[skip + 1])) skip += 2;
            else break;
        }
        return [.. words.Skip(skip)];
    }

    private readonly record struct Token(string Word, int Start, int End);

    private sealed record Candidate(string Display, string[] Words, string Joined);

    /// <summary>Runs of letters and digits, lower-cased without diacritics, with their span in the original text.</summary>
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWordChar(text, i)) i++;
            tokens.Add(new Token(Fold(text[start..i]), start, i));
        }
        return tokens;
    }

    private static bool IsWordChar(string s, int i)
    {
        var c = s[i];
        if (char.IsLetterOrDigit(c)) return true;
        // Combining marks (a decomposed "é") stay inside the word.
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark && i > 0 && char.IsLetterOrDigit(s[i - 1]);
    }

    private static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }
}
