using System.Text.Json.Nodes;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>An album of six photos sent while reporting, through the fake Bot API on each messenger: answered once, all kept.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class AlbumJourneyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long User = 4343;

    [Theory]
    [InlineData("telegram")]
    [InlineData("bale")]
    public async Task Six_photos_of_one_album_get_one_acknowledgement_that_ends_at_six(string messenger)
    {
        using var database = new TestDatabase();
        var bale = messenger == "bale";
        await using var server = await FakeBotApiServer.StartAsync(bale
            ? new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" }
            : new FakeBotApiOptions());
        await using var bot = await BotTestHost.StartAsync(database, bale ? null : server, bale ? server : null);

        await Say(server, () => server.EnqueueText(User, "/start"), Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"));
        await Say(server, () => server.EnqueueText(User, "مریم کاظمی"), Texts.AskPhone);
        await Say(server, () => server.EnqueueContact(User, "+989131234567"), Texts.AskCounty);
        await Press(server, "کاشان", Texts.AskWorkingGroup);
        await Press(server, Texts.NoWorkingGroup, Texts.Registered("مریم کاظمی"));
        await Say(server, () => server.EnqueueText(User, Texts.MenuReport), Texts.AskTopic);
        await Press(server, "خدمات شهری", Texts.AskDescription(3));
        await Say(server, () => server.EnqueueText(User, "چراغ‌های خیابان امام ده شب است خاموش است"), Texts.AskAttachments(0, 10));

        var before = server.SentTo(User).Count;
        for (var i = 0; i < 6; i++) server.EnqueuePhoto(User, mediaGroupId: JsonValue.Create("13489305719024"));
        await server.WaitUntilAsync(s => s.SentTo(User).Skip(before).Any(m => m.Text == Texts.AskAttachments(6, 10)), Wait);
        await bot.WaitUntilQuietAsync(Wait, server);

        var answers = server.SentTo(User).Skip(before).ToList();
        // One message for the album; any later change of its count is an edit of that same message.
        var sent = Assert.Single(answers, m => m.Method == "sendMessage");
        Assert.All(answers.Where(m => m.Method != "sendMessage"), m => Assert.Equal(("editMessageText", sent.MessageId), (m.Method, m.MessageId)));
        Assert.Equal(Texts.AskAttachments(6, 10), answers[^1].Text);
        Assert.Contains("۶ پیوست رسید", answers[^1].Text);

        await using var db = bot.Db();
        var conversation = await db.Conversations.SingleAsync(c => c.ChatId == User);
        Assert.Equal(6, System.Text.Json.JsonDocument.Parse(conversation.Data).RootElement.GetProperty("Attachments").GetArrayLength());
    }

    private static async Task Say(FakeBotApiServer server, Action send, string expected)
    {
        var before = server.SentTo(User).Count;
        send();
        await server.WaitUntilAsync(s => s.SentTo(User).Skip(before).Any(m => m.Text?.StartsWith(expected, StringComparison.Ordinal) == true), Wait);
    }

    private static Task Press(FakeBotApiServer server, string label, string expected)
    {
        var last = server.SentTo(User).Last(m => m.ReplyMarkupJson?.Contains("inline_keyboard") == true);
        var data = JsonNode.Parse(last.ReplyMarkupJson!)!["inline_keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray())
            .First(b => b!["text"]!.GetValue<string>() == label)!["callback_data"]!.GetValue<string>();
        return Say(server, () => server.EnqueueCallback(User, data, last.MessageId), expected);
    }
}
