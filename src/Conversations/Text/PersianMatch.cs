using System.Text;

namespace Assembly.Conversations.Text;

/// <summary>
/// Loose comparison of Persian text: routing a report by its keywords and spotting two reports of the same
/// problem. Everything here is for matching only; never show a folded string to anyone.
/// </summary>
public static class PersianMatch
{
    /// <summary>The least letters a keyword needs to match the start of a longer word.</summary>
    public const int MinPrefixLength = 3;

    /// <summary>
    /// Folds text so that spellings people treat as the same compare equal:
    /// <list type="bullet">
    /// <item>invisible marks removed and ends trimmed (<see cref="PersianText.CleanInput"/>);</item>
    /// <item>compatibility forms (Arabic presentation forms, full-width Latin) replaced by plain letters (Unicode NFKC);</item>
    /// <item>Arabic yeh ي and alef maksura ى → Persian yeh ی; Arabic kaf ك → keheh ک; teh marbuta ة → heh ه;</item>
    /// <item>heh with hamza ۀ → ه, alef with hamza أ إ → ا (the same as dropping the hamza mark from a decomposed spelling; آ is kept, it is a letter of its own);</item>
    /// <item>Arabic diacritics (U+064B–U+065F, U+0670) and tatweel ـ (U+0640) removed;</item>
    /// <item>Persian and Arabic digits → Latin digits;</item>
    /// <item>the zero-width non-joiner → a space, so «شهرداری‌ها» becomes the words «شهرداری» and «ها»;</item>
    /// <item>Latin lower-cased; runs of white space collapsed to one space, ends trimmed.</item>
    /// </list>
    /// </summary>
    public static string Fold(string text)
    {
        var clean = PersianText.CleanInput(text).Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(clean.Length);
        var pendingSpace = false;
        foreach (var original in clean)
        {
            var c = original switch
            {
                '\u064A' or '\u0649' => 'ی',
                '\u0643' => 'ک',
                '\u0629' or '\u06C0' => 'ه',
                '\u0623' or '\u0625' => 'ا',
                '\u200C' => ' ',
                >= '۰' and <= '۹' => (char)('0' + (original - '۰')),
                >= '٠' and <= '٩' => (char)('0' + (original - '٠')),
                _ => LowerInvariant(original),
            };

            if (c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640') continue; // diacritics, tatweel
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The folded words of <paramref name="text"/>: its runs of letters and digits, in order, repeats kept.
    /// Punctuation, symbols, spaces and the non-joiner separate words.
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && IsWordChar(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>
    /// How much two texts share, from 0 to 1: the Jaccard index (shared ÷ all distinct) of their sets of
    /// <see cref="Words"/> of three characters or more. Short words (و، در، به، از…) are left out because they
    /// are in every report. 0 when either text has no such word.
    /// </summary>
    public static double Similarity(string a, string b) => Similarity(LongWords(a), StoredWords(b));

    /// <summary>
    /// The same, for one text compared with many: its words folded once (<see cref="LongWords"/>), the others' kept as
    /// <see cref="StoredWords"/>. Reads the stored words in place, so comparing allocates nothing.
    /// </summary>
    public static double Similarity(HashSet<string> left, string storedWords)
    {
        if (left.Count == 0) return 0;
        var lookup = left.GetAlternateLookup<ReadOnlySpan<char>>();
        var stored = storedWords.AsSpan();
        int right = 0, shared = 0;
        foreach (var range in stored.Split(' '))
        {
            var word = stored[range];
            if (word.IsEmpty) continue;
            right++;
            if (lookup.Contains(word)) shared++;
        }

        return right == 0 ? 0 : (double)shared / (left.Count + right - shared);
    }

    /// <summary>
    /// <see cref="LongWords"/> as one string, separated by spaces (a word never holds one): how a report keeps its
    /// description's words (<c>Report.MatchWords</c>).
    /// </summary>
    public static string StoredWords(string text) => string.Join(' ', LongWords(text));

    /// <summary>The distinct folded words of three letters or more: what <see cref="Similarity(string, string)"/> compares.</summary>
    public static HashSet<string> LongWords(string text) =>
        Words(text).Where(w => w.Length >= 3).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The first of <paramref name="keywords"/> (in their order, not their position in the text) that occurs in
    /// <paramref name="text"/>, both folded, returned as given; or null.
    /// </summary>
    /// <remarks>
    /// <para>A keyword matches whole words of the text. Persian attaches suffixes (ها، ای، ی، م، ش…), often
    /// without a non-joiner, so a keyword of <b>three or more</b> letters (<see cref="MinPrefixLength"/>) also matches the start of a word:
    /// «شهرداری» matches «شهرداریها» and «مدرسه» matches «مدرسه‌ای». A shorter keyword matches only a whole word,
    /// so «آب» does not match «آباد» or «آبان». The price of the rule: a long keyword can match a longer,
    /// unrelated word that begins with it («برق» in «برقرار»); choose keywords with that in mind.</para>
    /// <para>A keyword of several words («دستگاه قضایی») matches consecutive words of the text; the rule above
    /// applies to its last word, the others must match whole.</para>
    /// </remarks>
    public static string? FindKeyword(string text, IEnumerable<string> keywords)
    {
        var words = Words(text);
        foreach (var keyword in keywords)
        {
            var parts = Words(keyword);
            if (parts.Count > 0 && Occurs(parts, words)) return keyword;
        }

        return null;
    }

    private static bool Occurs(IReadOnlyList<string> keyword, IReadOnlyList<string> words)
    {
        var last = keyword[^1];
        var lastMayBePrefix = last.Count(char.IsLetter) >= MinPrefixLength;
        for (var i = 0; i + keyword.Count <= words.Count; i++)
        {
            var j = 0;
            while (j < keyword.Count - 1 && words[i + j] == keyword[j]) j++;
            if (j < keyword.Count - 1) continue;

            var word = words[i + j];
            if (word == last || (lastMayBePrefix && word.StartsWith(last, StringComparison.Ordinal)))
                return true;
        }

        return false;
    }

    // Persian and Arabic letters have no case, nor has ASCII beyond A-Z: only the rest is looked up (a call into
    // the globalisation library per character, which was a tenth of the time spent comparing reports).
    private static char LowerInvariant(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
        < '\u0080' or (>= '\u0600' and <= '\u06FF') => c,
        _ => char.ToLowerInvariant(c),
    };

    // Letters and digits, and the combining marks still left after folding (so a mark never splits a word).
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
