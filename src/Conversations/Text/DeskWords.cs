using Assembly.Conversations.Organisation;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>
/// The words staff and admins type for a stage, an outcome, a secretariat or a role, read the same way by every
/// command. Persian first (what staff read everywhere else), the English keys kept (buttons carry them, and older
/// hands type them). A word is compared folded (<see cref="PersianMatch.Fold"/>: any digits, any case, Arabic
/// letters) and without its spaces, so «مسئله‌یابی», «مسئله یابی» and «مسئلهیابی» are one word. Where a word
/// starts a longer text («حل شد دلیل…»), the longest run of leading words that names something wins, so a name of
/// several words is never cut at its first.
/// </summary>
public sealed class DeskWords
{
    private static readonly Words<ReportStage> Stages = new(
    [
        (ReportStage.Identification, ["مسئله‌یابی", "مسأله‌یابی", "مساله‌یابی", "مسیله‌یابی", "identification"]),
        (ReportStage.Solution, ["ارائه راهکار", "ارایه راهکار", "ارائه راه‌حل", "solution"]),
        (ReportStage.FollowUp, ["مطالبه‌گری", "followup", "follow-up"]),
    ]);

    private static readonly Words<ReportOutcome> Outcomes = new(
    [
        (ReportOutcome.Resolved, ["حل شد", "حل شده", "resolved"]),
        (ReportOutcome.Unresolved, ["حل نشد", "حل نشده", "unresolved"]),
        (ReportOutcome.Rejected, ["رد شد", "رد شده", "rejected"]),
        (ReportOutcome.Duplicate, ["تکراری", "duplicate"]),
    ]);

    private static readonly Words<Role> Roles = new(
    [
        (Role.Staff, ["کارشناس", "staff"]),
        (Role.Organizer, ["برگزارکننده", "organizer"]),
        (Role.Admin, ["مدیر", "admin"]),
    ]);

    private readonly Words<SecretariatOptions> _secretariats;

    public DeskWords(AssemblyOptions assembly)
    {
        // Every run of last words of a name («دبیرخانه شهید مدرس», «شهید مدرس», «مدرس») names it, unless another
        // secretariat's name ends the same way; the key as configured still works.
        var endings = assembly.Secretariats.Select(s => (Secretariat: s, Endings: Endings(s.Name))).ToList();
        var shared = endings.SelectMany(e => e.Endings.Select(Compact).Distinct())
            .GroupBy(w => w).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var unique = endings.Select(e => (e.Secretariat, Endings: e.Endings.Where(w => !shared.Contains(Compact(w))).ToList())).ToList();
        _secretariats = new(unique.Select(e => (e.Secretariat, (IReadOnlyList<string>)[.. e.Endings, e.Secretariat.Key])).ToList());
        SecretariatNames = unique.Select(e => e.Endings.LastOrDefault() ?? e.Secretariat.Name).ToList();
    }

    /// <summary>The stages as staff read and type them: «مسئله‌یابی»، «ارائه راهکار»، «مطالبه‌گری».</summary>
    public static IReadOnlyList<string> StageNames { get; } =
        [Texts.StageLabel(ReportStage.Identification), Texts.StageLabel(ReportStage.Solution), Texts.StageLabel(ReportStage.FollowUp)];

    /// <summary>The outcomes as staff read and type them: «حل شد»، «حل نشد»، «رد شد»، «تکراری».</summary>
    public static IReadOnlyList<string> OutcomeNames { get; } =
        [.. new[] { ReportOutcome.Resolved, ReportOutcome.Unresolved, ReportOutcome.Rejected, ReportOutcome.Duplicate }.Select(Texts.OutcomeLabel)];

    /// <summary>The roles an admin gives by name: «کارشناس»، «برگزارکننده».</summary>
    public static IReadOnlyList<string> RoleNames { get; } = [Texts.RoleStaffWord, Texts.RoleOrganizer];

    /// <summary>Each secretariat's shortest name that is its alone («مدرس»), in the configured order: what an answer lists.</summary>
    public IReadOnlyList<string> SecretariatNames { get; }

    /// <summary>The stage the whole text names, or null.</summary>
    public static ReportStage? Stage(string text) => Stages.TryWhole(text, out var stage) ? stage : null;

    /// <summary>The outcome the whole text names, or null.</summary>
    public static ReportOutcome? Outcome(string text) => Outcomes.TryWhole(text, out var outcome) ? outcome : null;

    /// <summary>The outcome the text starts with, and what follows it as typed.</summary>
    public static bool TryOutcome(string text, out ReportOutcome outcome, out string rest) => Outcomes.TryLead(text, out outcome, out rest);

    /// <summary>The role the text starts with, and what follows it as typed.</summary>
    public static bool TryRole(string text, out Role role, out string rest) => Roles.TryLead(text, out role, out rest);

    /// <summary>The secretariat the whole text names (a name, the end of its name, or its key), or null.</summary>
    public SecretariatOptions? Secretariat(string text) => _secretariats.TryWhole(text, out var secretariat) ? secretariat : null;

    /// <summary>The secretariat the text starts with, and what follows it as typed.</summary>
    public bool TrySecretariat(string text, out SecretariatOptions secretariat, out string rest) =>
        _secretariats.TryLead(text, out secretariat!, out rest);

    /// <summary>The first word of a text, to quote back what was not understood.</summary>
    public static string FirstWord(string text)
    {
        var words = Split(text);
        return words.Count == 0 ? "" : text.Substring(words[0].Start, words[0].Length);
    }

    /// <summary>Folded, with no spaces: how a spelling and what is typed are compared.</summary>
    private static string Compact(string text) => PersianMatch.Fold(text).Replace(" ", "", StringComparison.Ordinal);

    private static List<string> Endings(string name)
    {
        var words = Split(name).Select(w => name.Substring(w.Start, w.Length)).ToList();
        return Enumerable.Range(0, words.Count).Select(i => string.Join(' ', words.Skip(i))).ToList();
    }

    /// <summary>The words of a text as typed: runs between white space (a half-space stays inside its word).</summary>
    private static List<(int Start, int Length)> Split(string text)
    {
        var words = new List<(int, int)>();
        for (var i = 0; i < text.Length;)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i > start) words.Add((start, i - start));
        }

        return words;
    }

    /// <summary>One kind of word: each spelling, compacted, to what it names.</summary>
    private sealed class Words<T>
    {
        private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);

        // A name typed with spaces where it is written with a half-space has more words than its folded form.
        private readonly int _mostWords;

        public Words(IReadOnlyList<(T Value, IReadOnlyList<string> Spellings)> table)
        {
            foreach (var (value, spellings) in table)
                foreach (var spelling in spellings)
                {
                    _byKey.TryAdd(Compact(spelling), value);
                    _mostWords = Math.Max(_mostWords, PersianMatch.Words(spelling).Count + 2);
                }
        }

        public bool TryWhole(string text, out T value) => _byKey.TryGetValue(Compact(text), out value!);

        public bool TryLead(string text, out T value, out string rest)
        {
            var words = Split(text);
            for (var count = Math.Min(words.Count, _mostWords); count > 0; count--)
            {
                var end = words[count - 1].Start + words[count - 1].Length;
                if (_byKey.TryGetValue(Compact(text[..end]), out value!))
                {
                    rest = text[end..].Trim();
                    return true;
                }
            }

            value = default!;
            rest = text.Trim();
            return false;
        }
    }
}
