namespace Assembly.Bench;

/// <summary>
/// What a simulated member does to file one report, step by step: the bot's report conversation from the
/// command to the tracking code, nine updates. The same script drives our bot and the grammY peer
/// (bench/peer-grammy), so both must offer the same buttons: a press names the button by the last
/// colon-separated part of its callback data (our bot's <c>c:STEP:4</c>, the peer's <c>t:4</c>).
/// </summary>
internal static class ReportScript
{
    public const int Steps = 9;

    /// <summary>One update a member sends: a text, or a press of the button whose data ends in <c>:Press</c>.</summary>
    public readonly record struct Action(string? Text, string? Press);

    // Words for descriptions, so reports differ as real ones do (identical texts would all be offered as
    // "similar" to one another, which is not what a city's reports look like).
    private static readonly string[] Words =
    [
        "آب", "برق", "گاز", "جاده", "مدرسه", "بیمارستان", "پارک", "خیابان", "کوچه", "محله", "روستا", "پل",
        "چراغ", "فاضلاب", "آسفالت", "اتوبوس", "درمانگاه", "کتابخانه", "زباله", "درخت", "پیاده‌رو", "تقاطع",
        "قطعی", "خرابی", "تأخیر", "کمبود", "نشت", "شکستگی", "ترافیک", "آلودگی", "سرقت", "تخلف",
    ];

    public static Action At(int step, int member, int report) => step switch
    {
        0 => new("/report", null),
        1 => new(null, Topic(member, report).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        2 => new(Description(member, report), null),
        3 => new(null, "done"),
        4 => new(null, (member % 5).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        5 => new($"خیابان شماره {member % 97} کوچه {report}", null),
        6 => new(null, "skip"),
        7 => new(null, "named"),
        8 => new(null, "submit"),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>
    /// Whether <paramref name="text"/> is a line of the bot's that comes before the answer a step waits for: after the
    /// place, the line that takes the place's reply keyboard away (a message carries one keyboard, and the next
    /// question's is inline); after the submission, the thanks that bring the menu keyboard back before the tracking
    /// code, whose own keyboard is inline. The peer sends the same.
    /// </summary>
    public static bool Acknowledges(int step, string? text) =>
        step == 5 && text is Assembly.Conversations.Text.Texts.PlaceNoted or Assembly.Conversations.Text.Texts.LocationNoted
        || step == Steps - 1 && text == Assembly.Conversations.Text.Texts.ThanksForReport;

    /// <summary>Ten topics: both bots offer at least that many.</summary>
    private static int Topic(int member, int report) => (member + report) % 10;

    private static string Description(int member, int report)
    {
        var seed = (uint)(member * 7919 + report * 104_729);
        var words = new string[6];
        for (var i = 0; i < words.Length; i++)
        {
            seed = seed * 1_664_525 + 1_013_904_223;
            words[i] = Words[(int)(seed >> 16) % Words.Length];
        }

        return string.Join(' ', words) + $" در محل شماره {member}";
    }
}
