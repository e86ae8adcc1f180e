using Assembly.Bot.Sending;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// The report's card over real HTTP: «برمی‌دارم» pressed in the staff group edits the card there, an edit that changes
/// nothing counts as sent, a card somebody deleted is sent again and followed from then on, and the queue pages with
/// its buttons by editing itself.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class ReportCardJourneyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const long Reporter = 7101, Zahra = 201, Reza = 202, Group = -100200;
    private const string Code = "RJ-1001";

    [Fact]
    public async Task Taking_a_report_edits_its_card_in_the_group_a_deleted_card_is_sent_again_and_an_unchanged_edit_counts_as_sent()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = "telegram:201",
            ["Assembly:Secretariats:1:Staff:1"] = "telegram:202",
            ["Assembly:Secretariats:1:StaffChats:0"] = "telegram:-100200",
        });

        await FileAsync(bot, telegram);
        await telegram.WaitUntilAsync(t => t.SentTo(Group).Any(m => m.Text?.StartsWith("مسئله تازه " + Code, StringComparison.Ordinal) == true), Wait);
        var post = telegram.SentTo(Group).Single(m => m.Text?.StartsWith("مسئله تازه " + Code, StringComparison.Ordinal) == true);
        await RecordedAsync(bot, post);
        Assert.Empty(telegram.SentTo(Zahra));

        // She has written to the bot once, so it knows her name. «برمی‌دارم» in the group: said there, the card edited in
        // place, a private copy to the assignee.
        telegram.EnqueueText(Zahra, "/help");
        await telegram.WaitUntilAsync(t => t.SentTo(Zahra).Count == 1, Wait);
        telegram.EnqueueCallback(Zahra, "st:take:" + Code, post);
        await telegram.WaitUntilAsync(t => t.SentTo(Group).Any(m => m.Method == "editMessageText" && m.MessageId == post.MessageId), Wait);
        var edited = telegram.SentTo(Group).Last(m => m.Method == "editMessageText");
        Assert.Contains("کارشناس مسئول: User 201", edited.Text);
        Assert.Contains(Texts.TakeButton, edited.ReplyMarkupJson);
        await telegram.WaitUntilAsync(t => t.SentTo(Zahra).Any(m => m.Text?.Contains("کارشناس مسئول: User 201", StringComparison.Ordinal) == true), Wait);
        await telegram.WaitUntilAsync(t => t.SentTo(Group).Any(m => m.Text == Texts.Taken(Code, "User 201")), Wait);
        Assert.Contains(telegram.SentTo(Group), m => m.Text == Texts.Taken(Code, "User 201"));
        await using (var db = bot.Db())
            Assert.Equal("telegram:201", (await db.Reports.SingleAsync()).Assignee);

        // The same text again: Telegram answers «message is not modified», which is the edit done.
        var same = await EnqueueEditAsync(bot, post.MessageId, edited.Text!, edited);
        await Eventually.StoredAsync(bot, async db => (await db.Outbox.SingleAsync(o => o.Id == same)).Status == OutboxStatus.Sent);
        await using (var db = bot.Db())
            Assert.Equal(post.MessageId, (await db.Outbox.SingleAsync(o => o.Id == same)).SentMessageId);

        // Somebody deletes the card: the next change sends it again, and the one after edits the new message.
        await bot.WaitUntilQuietAsync(Wait, telegram);
        telegram.DeleteMessage(Group, post.MessageId);
        var sendsBefore = telegram.SentTo(Group).Count(m => m.Method == "sendMessage");
        telegram.EnqueueText(Reza, $"/reply {Code} پیگیری می‌کنیم");
        await telegram.WaitUntilAsync(t => t.SentTo(Group).Count(m => m.Method == "sendMessage") > sendsBefore
            && t.SentTo(Group).Last(m => m.Method == "sendMessage").Text?.Contains("پاسخ به گزارش‌دهنده", StringComparison.Ordinal) == true, Wait);
        var again = telegram.SentTo(Group).Last(m => m.Method == "sendMessage");
        Assert.StartsWith(Texts.CardHeader(Code, "دبیرخانه شهید رجایی", fresh: false), again.Text);
        await RecordedAsync(bot, again);

        telegram.EnqueueText(Reza, $"/stage {Code} solution");
        await telegram.WaitUntilAsync(t => t.SentTo(Group).Any(m => m.Method == "editMessageText" && m.MessageId == again.MessageId
                                                                   && m.Text?.Contains("مرحله: ارائه راهکار", StringComparison.Ordinal) == true), Wait);
        await using (var db = bot.Db())
            Assert.Equal(again.MessageId, (await db.ReportPosts.SingleAsync(p => p.ChatId == Group)).MessageId);
    }

    [Fact]
    public async Task The_queue_pages_by_editing_itself_and_opens_a_card_from_its_button()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = "telegram:201",
        });

        await FileAsync(bot, telegram);
        await using (var db = bot.Db())
        {
            var member = (await db.Reports.SingleAsync()).MemberId;
            var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            for (var i = 0; i < 11; i++)
                db.Reports.Add(new Report
                {
                    Code = $"RJ-{2001 + i}", Secretariat = "rajaei", MemberId = member, Topic = "آب و برق و گاز", County = "کاشان",
                    Description = "شرح " + i, CreatedAt = now, UpdatedAt = now,
                });
            await db.SaveChangesAsync();
        }

        telegram.EnqueueText(Zahra, "/inbox");
        await telegram.WaitUntilAsync(t => t.SentTo(Zahra).Any(m => m.Text?.StartsWith("صف شما", StringComparison.Ordinal) == true), Wait);
        var list = telegram.SentTo(Zahra).Single(m => m.Text?.StartsWith("صف شما", StringComparison.Ordinal) == true);
        Assert.StartsWith(Texts.InboxTitle(12, Texts.InboxFilter(null, mine: false), 1, 2), list.Text);
        Assert.Contains("ib:a:0:1", list.ReplyMarkupJson);
        await RecordedAsync(bot, list);

        telegram.EnqueueCallback(Zahra, "ib:a:0:1", list);
        await telegram.WaitUntilAsync(t => t.SentTo(Zahra).Any(m => m.Method == "editMessageText" && m.MessageId == list.MessageId), Wait);
        var second = telegram.SentTo(Zahra).Last(m => m.Method == "editMessageText");
        Assert.StartsWith(Texts.InboxTitle(12, Texts.InboxFilter(null, mine: false), 2, 2), second.Text);
        Assert.Contains("ib:a:0:0", second.ReplyMarkupJson);

        telegram.EnqueueCallback(Zahra, "st:open:RJ-2011", list);
        await telegram.WaitUntilAsync(t => t.SentTo(Zahra).Any(m => m.Text?.StartsWith(Texts.CardHeader("RJ-2011", "دبیرخانه شهید رجایی", fresh: true), StringComparison.Ordinal) == true), Wait);
    }

    /// <summary>An edit of the card written straight into the outbox, as a refresh would write it.</summary>
    private static async Task<long> EnqueueEditAsync(BotTestHost bot, long messageId, string text, SentMessage like)
    {
        await using var db = bot.Db();
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var report = await db.Reports.SingleAsync(r => r.Code == Code);
        var row = OutboxWriter.Enqueue(db, new TextEdit(messageId, text, Conversations.Staff.ReportCard.Keyboard(report, cut: false))
        {
            To = new ChatAddress("telegram", like.ChatId), ToKind = ChatKind.Group, Priority = OutboxPriority.Bulk, ResendIfGone = true,
        }, now);
        await db.SaveChangesAsync();
        bot.Services.GetRequiredService<OutboxSignal>().Wake("telegram");
        return row.Id;
    }

    private static Task RecordedAsync(BotTestHost bot, SentMessage sent) =>
        Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.Messenger == "telegram" && o.ChatId == sent.ChatId && o.SentMessageId == sent.MessageId));

    /// <summary>Registers and files a report on «خدمات شهری» (the Rajaei secretariat), quickly: the steps are tested elsewhere.</summary>
    private static async Task FileAsync(BotTestHost bot, FakeBotApiServer fake)
    {
        async Task Say(string text, string expect)
        {
            var before = fake.SentTo(Reporter).Count;
            fake.EnqueueText(Reporter, text);
            await fake.WaitUntilAsync(f => f.SentTo(Reporter).Skip(before).Any(m => m.Text?.StartsWith(expect, StringComparison.Ordinal) == true), Wait);
        }

        async Task Press(string value, string expect)
        {
            int step;
            await using (var db = bot.Db())
                step = (await db.Conversations.SingleAsync(c => c.Messenger == "telegram" && c.ChatId == Reporter)).Step;
            var before = fake.SentTo(Reporter).Count;
            fake.EnqueueCallback(Reporter, Conversations.Flows.FlowButtons.Data(step, value), fake.SentTo(Reporter)[^1].MessageId);
            await fake.WaitUntilAsync(f => f.SentTo(Reporter).Skip(before).Any(m => m.Text?.StartsWith(expect, StringComparison.Ordinal) == true), Wait);
        }

        await Say("/start", Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"));
        await Say("علی رضایی", Texts.AskPhone);
        await Say("09131111111", Texts.AskCounty);
        await Press("0", Texts.AskWorkingGroup);
        await Press("none", Texts.Registered("علی رضایی"));
        await Say("/report", Texts.AskTopic);
        await Press("3", Texts.AskDescription(3));
        await Say("جاده روستای نشلج پر از چاله است و تصادف می‌شود", Texts.AskAttachments(0, 10));
        await Press("done", Texts.AskReportCounty("کاشان"));
        await Press("0", Texts.AskPlace);
        await Say("جاده نشلج", Texts.AskSolution);
        await Press("skip", Texts.AskAnonymity);
        await Press("named", "پیش‌نمایش");
        await Press("submit", "مسئله شما ثبت شد");
    }
}
