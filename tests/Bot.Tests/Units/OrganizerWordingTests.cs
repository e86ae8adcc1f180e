using System.Text.RegularExpressions;
using Assembly.Conversations.Meetings;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// The organizers' and members' meeting messages as a phone shows them: an example of a time the bot gives is one the
/// bot accepts, and every line starts right to left (a line with no Persian letter before a Latin one or a digit is
/// laid out left to right, away from the rest of the message).
/// </summary>
public sealed partial class OrganizerWordingTests
{
    private static readonly TimeZoneInfo Tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");

    /// <summary>Saturday 1405/09/07, 15:30 in Tehran: before every example's day.</summary>
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_time_the_bot_gives_as_an_example_is_one_it_reads()
    {
        var examples = Bullet().Matches(Texts.MeetingTimeInvalid).Select(m => m.Groups[1].Value)
            .Concat(Quoted().Matches(Texts.AskMeetingTime).Select(m => m.Groups[1].Value))
            .Concat(Quoted().Matches(Texts.AskNewMeetingTime("جلسه", "")).Skip(1).Select(m => m.Groups[1].Value)) // the first is the title
            .ToList();

        Assert.True(examples.Count >= 6, string.Join(" | ", examples));
        foreach (var example in examples)
            Assert.True(MeetingTime.TryParse(example, Tehran, Now, out _), example);
    }

    [Fact]
    public void Every_line_of_the_meeting_messages_starts_right_to_left()
    {
        const string when = "یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰";
        foreach (var text in new[]
                 {
                     Texts.AskMeetingTime, Texts.MeetingTimeInvalid, Texts.Muted, Texts.Unmuted, Texts.MeetingsButtonsHint,
                     Texts.MeetingLineForOrganizer(3, "نهمین اجلاسیه", when, 12, 3, 2, 40), Texts.PastMeetingLine(2, "هشتمین اجلاسیه", when, 30),
                     Texts.MeetingChangePreview("محل جلسه تغییر کرد.", 2), Texts.MeetingNamesNone, Texts.OutcomePreview("اطلاعیه نتایج", 5),
                     Texts.AnnouncementQueued(3), Texts.ChooseOutcome("RJ-1001"), Texts.StatsNotYourSecretariat("دبیرخانه شهید مدرس"),
                     Texts.RsvpConfirmed("نهمین اجلاسیه", when, RsvpAnswer.No),
                 })
            foreach (var line in text.Split('\n').Where(l => l.Trim().Length > 0))
                Assert.True(StartsRightToLeft(line), line);
    }

    /// <summary>The first letter decides a line's direction; digits and signs decide nothing.</summary>
    private static bool StartsRightToLeft(string line) =>
        line.FirstOrDefault(char.IsLetter) is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFEFF';

    [GeneratedRegex(@"^• (?:با عدد: )?(.+)$", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    [GeneratedRegex("«([^»]+)»")]
    private static partial Regex Quoted();
}
