using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Reports;

/// <summary>
/// The buttons of «مسئله‌های من»: each says in a few words what the report is, then its code, so a member picks it on a
/// phone without matching codes against the list above. Their own reports by topic, or by the first words of what they
/// wrote when they chose no topic; a followed report by its topic, or its county, never by the reporter's words.
/// </summary>
public static class MyReportButtons
{
    /// <summary>The most characters of the words before the code: with the code, a label a phone shows whole.</summary>
    public const int GistLength = 24;

    /// <summary>A report of the member's own.</summary>
    public static string Own(string code, string? topic, string description) =>
        Texts.MyReportButton(RightToLeft(topic ?? FirstWords(description)), code);

    /// <summary>A report the member follows: only what a follower may read of it.</summary>
    public static string Followed(string code, string? topic, string county) =>
        Texts.MyReportButton(RightToLeft(topic ?? Texts.ReportInCounty(county)), code);

    /// <summary>The first words of <paramref name="text"/> on one line, as many as fit <see cref="GistLength"/>, with «…» when more follow.</summary>
    public static string FirstWords(string text)
    {
        var words = PersianText.SingleLine(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return "";
        var taken = words[0];
        var count = 1;
        while (count < words.Length && taken.Length + 1 + words[count].Length <= GistLength) taken += " " + words[count++];
        if (count == words.Length && taken.Length <= GistLength) return taken;
        // More follows: «…» needs its own place within the length.
        while (count > 1 && taken.Length + 1 > GistLength)
        {
            taken = taken[..taken.LastIndexOf(' ')];
            count--;
        }

        return taken.Length + 1 > GistLength ? MessageLimits.Cut(taken, GistLength) : taken + "…";
    }

    // A label is laid out by its first letter: one that starts with a Latin word (or has no letter) would read left to
    // right, with the code first. «مسئله» before it keeps the label right to left, as every line the bot writes is.
    private static string RightToLeft(string gist)
    {
        var gistCut = gist.Length > GistLength ? MessageLimits.Cut(gist, GistLength) : gist;
        var first = gistCut.FirstOrDefault(char.IsLetter);
        return first is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFEFF' ? gistCut : Texts.ReportWord + " " + gistCut;
    }
}
