using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Staff;

/// <summary>
/// What makes a staff notice readable without opening anything: which report (code, topic, county, a line of its
/// description), and the two buttons to open it and to answer its reporter. With fifty reports a week nobody remembers
/// a code alone.
/// </summary>
public static class NoticeHead
{
    /// <summary>How much of the description a notice quotes: one line on a phone.</summary>
    public const int ExcerptLength = 60;

    public static string Of(Report report) =>
        Texts.NoticeHead(report.Code, report.Topic, report.County, Excerpt(report.Description));

    /// <summary>The description's start, on one line.</summary>
    public static string Excerpt(string description) => MessageLimits.Cut(PersianText.SingleLine(description), ExcerptLength);

    /// <summary>«پاسخ» and «نمایش مسئله» under a staff notice; the card opened carries every other action.</summary>
    public static InlineKeyboard Buttons(string code) => new(
    [[
        new InlineButton(Texts.StaffReplyButton, StaffButtons.Data("reply", code)),
        new InlineButton(Texts.NoticeOpenButton, StaffButtons.Data("open", code)),
    ]]);

    /// <summary>A notice about the report to one staff chat, marked as a post: a reply to it is held and asked about.</summary>
    public static TextMessage ToStaff(string code, string text) =>
        new(text, Buttons(code), Monospace: [code]) { Subject = code, SubjectAction = StaffNotices.PostAction };
}
