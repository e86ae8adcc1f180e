using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.Support;

/// <summary>The staff notices as tests expect them: the report named by code, topic, county and a line of its description.</summary>
public static class NoticeTexts
{
    /// <summary>The description <see cref="ChatHarness.FileReportAsync"/> files by default.</summary>
    public const string Description = "آب آشامیدنی محله فین سه روز است قطع شده";

    public static string Head(string code, string topic, string county, string description = Description) =>
        Texts.NoticeHead(code, topic, county, NoticeHead.Excerpt(description));

    /// <summary>The post of what the reporter added, with these items (one per message; a file as <c>(file, caption)</c>).</summary>
    public static string Added(string code, string topic, string county, IReadOnlyList<string> items, ReportOutcome? closedAs = null,
        string description = Description) =>
        Texts.ToStaffReporterAdded(Head(code, topic, county, description), items, closedAs);

    public static string Added(string code, string topic, string county, string? text, bool file, ReportOutcome? closedAs = null,
        string description = Description) =>
        Added(code, topic, county, [Texts.AddedItem(text, file)], closedAs, description);

    /// <summary>What a chat now shows of the addition post: the post, or the edit that grew it.</summary>
    public static string? PostText(this Reply reply, long chatId) =>
        reply.Messages.Where(m => m.To.ChatId == chatId && m.SubjectAction != ReportCard.Action).Select(m => m switch
        {
            TextMessage text => text.Text,
            TextEdit edit => edit.Text,
            _ => null,
        }).LastOrDefault(t => t is not null);

    /// <summary>The data of every button under a message, row by row.</summary>
    public static IReadOnlyList<string> ButtonData(OutgoingMessage message) => message switch
    {
        TextMessage { Keyboard: InlineKeyboard keyboard } => keyboard.Rows.SelectMany(r => r).Select(b => b.Data).ToList(),
        TextEdit { Keyboard: { } keyboard } => keyboard.Rows.SelectMany(r => r).Select(b => b.Data).ToList(),
        _ => [],
    };
}
