using Assembly.Bot.Sending;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>What becomes of a message the messenger refuses: handled where it can be, heard where it cannot.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class RefusalTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly string Help = Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان");
    private const long Reporter = 7101, Staff = 201, StaffGroup = -500, Supergroup = -100_500;

    [Fact]
    public async Task A_refused_reply_is_counted_in_metrics_and_the_staff_member_who_sent_it_is_told()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = $"telegram:{Staff}",
            ["Http:Urls"] = "http://127.0.0.1:0",
        });
        await FileReportAsync(bot, telegram);

        telegram.RefuseChat(Reporter, 400, "Bad Request: chat not found");
        telegram.EnqueueText(Staff, "/reply RJ-1001 با اداره راه تماس گرفتیم.");
        await telegram.WaitUntilAsync(t => t.SentTo(Staff).Any(m => m.Text == Texts.MessageRefused("RJ-1001")), Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        Assert.Single(telegram.SentTo(Staff), m => m.Text == Texts.MessageRefused("RJ-1001"));
        await using (var db = bot.Db())
        {
            var refused = await db.Outbox.SingleAsync(o => o.ChatId == Reporter && o.Status == OutboxStatus.Refused);
            Assert.Equal($"telegram:{Staff}", refused.CausedBy);
            Assert.Contains("chat not found", refused.LastError);
        }

        using var http = new HttpClient();
        var text = await http.GetStringAsync(bot.HttpAddress + "/metrics");
        Assert.Equal(1, HealthAndMetricsTests.Value(text, "assembly_bot_messages_refused_total", "kind=\"refused\""));
    }

    [Fact]
    public async Task An_upgraded_staff_group_gets_the_post_at_its_new_id_which_is_remembered_and_routes_the_next_posts_and_its_staff()
    {
        using var database = new TestDatabase();
        var logs = new LogCollector();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, logs: logs, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = $"telegram:{Staff}",
            ["Assembly:Secretariats:1:StaffChats:0"] = $"telegram:{StaffGroup}",
        });
        telegram.UpgradeGroup(StaffGroup, Supergroup);

        await FileReportAsync(bot, telegram);
        await telegram.WaitUntilAsync(t => t.SentTo(Supergroup).Any(m => m.Text!.StartsWith("مسئله تازه RJ-1001", StringComparison.Ordinal)), Wait);

        // Remembered, and the operator told once.
        await Eventually.StoredAsync(bot, db => db.ChatMigrations.AnyAsync(m => m.Messenger == "telegram" && m.FromChatId == StaffGroup && m.ToChatId == Supergroup));
        Assert.Single(logs.Lines, l => l.Contains("upgraded to a supergroup", StringComparison.Ordinal) && l.Contains($"telegram:{Supergroup}", StringComparison.Ordinal));

        // The supergroup is the secretariat's staff chat: a command there is taken as staff's.
        telegram.EnqueueGroupText(Supergroup, Staff, "/reply RJ-1001 پیگیری می‌کنیم.");
        await telegram.WaitUntilAsync(t => t.SentTo(Reporter).Any(m => m.Text == Texts.ToReporterReply("RJ-1001", "دبیرخانه شهید رجایی", "پیگیری می‌کنیم.")), Wait);

        // A later post is written for the new id straight away.
        await FileReportAsync(bot, telegram, "RJ-1002");
        await telegram.WaitUntilAsync(t => t.SentTo(Supergroup).Any(m => m.Text!.StartsWith("مسئله تازه RJ-1002", StringComparison.Ordinal)), Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);
        await using var check = bot.Db();
        var second = await check.Outbox.SingleAsync(o => o.Subject == "RJ-1002" && o.ChatId == Supergroup && o.SubjectAction == Conversations.Staff.ReportCard.Action);
        Assert.Null(second.LastError);
        Assert.Equal(0, await check.Outbox.CountAsync(o => o.ChatId == StaffGroup));
        Assert.Empty(telegram.SentTo(StaffGroup));
    }

    [Fact]
    public async Task A_403_that_is_not_a_block_is_retried_and_Bales_flood_answers_are_waited_out()
    {
        using var database = new TestDatabase();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, bale: bale);

        bale.FailNext(new Fault.Refused(403, "Forbidden: Token not found"), new Fault.Refused(420, "Flood"), new Fault.Refused(400, "bot limit exceed"));
        bale.EnqueueText(7201, "/help");
        await bale.WaitUntilAsync(b => b.SentTo(7201).Count >= 1, Wait + Wait);
        await bot.WaitUntilQuietAsync(Wait, bale);

        Assert.Equal(Help, Assert.Single(bale.SentTo(7201)).Text);
        await using var db = bot.Db();
        Assert.Null((await db.Chats.SingleAsync(c => c.ChatId == 7201)).UnreachableSince);
        var row = await db.Outbox.SingleAsync();
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(2, row.Attempts); // the 403 is a failed attempt; the two floods are waits, not attempts
    }

    [Fact]
    public async Task A_reply_Bale_refuses_goes_again_without_the_reply()
    {
        using var database = new TestDatabase();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, bale: bale);

        bale.FailNext(new Fault.Refused(400, "Bad Request: reply message not found"));
        await EnqueueReplyAsync(bot, 7202, "پاسخ آزمایشی", replyTo: 99);
        await bale.WaitUntilAsync(b => b.SentTo(7202).Count >= 1, Wait);
        await bot.WaitUntilQuietAsync(Wait, bale);

        var sent = Assert.Single(bale.SentTo(7202));
        Assert.Equal(("پاسخ آزمایشی", (long?)null), (sent.Text, sent.ReplyToMessageId));
        await using var db = bot.Db();
        Assert.Equal(OutboxStatus.Sent, (await db.Outbox.SingleAsync()).Status);
    }

    private static async Task EnqueueReplyAsync(BotTestHost bot, long chatId, string text, long replyTo)
    {
        await using var db = bot.Db();
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        OutboxWriter.Enqueue(db, new TextMessage(text, ReplyToMessageId: replyTo) { To = new ChatAddress("bale", chatId), ToKind = ChatKind.Private }, now);
        await db.SaveChangesAsync();
        bot.Services.GetRequiredService<OutboxSignal>().Wake("bale");
    }

    /// <summary>A member registers and files a report for the rajaei secretariat, all on Telegram.</summary>
    private static async Task FileReportAsync(BotTestHost bot, FakeBotApiServer telegram, string code = "RJ-1001")
    {
        async Task Say(string text, string expect)
        {
            var before = telegram.SentTo(Reporter).Count;
            telegram.EnqueueText(Reporter, text);
            await telegram.WaitUntilAsync(t => t.SentTo(Reporter).Skip(before).Any(m => m.Text!.StartsWith(expect, StringComparison.Ordinal)), Wait);
        }

        async Task Press(string value, string expect)
        {
            await using var db = bot.Db();
            var step = (await db.Conversations.SingleAsync(c => c.ChatId == Reporter)).Step;
            var before = telegram.SentTo(Reporter).Count;
            telegram.EnqueueCallback(Reporter, Conversations.Flows.FlowButtons.Data(step, value), telegram.SentTo(Reporter)[^1].MessageId);
            await telegram.WaitUntilAsync(t => t.SentTo(Reporter).Skip(before).Any(m => m.Text!.StartsWith(expect, StringComparison.Ordinal)), Wait);
        }

        if (code == "RJ-1001")
        {
            await Say("/start", Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"));
            await Say("حسن موسوی", Texts.AskPhoneAndWhoSees);
            await Say("09137654321", Texts.AskCounty);
            await Press("0", Texts.AskWorkingGroup);
            await Press("none", Texts.Registered("حسن موسوی"));
        }

        await Say("/report", Texts.AskTopic);
        await Press("3", Texts.AskDescription(3));
        await Say(code == "RJ-1001" ? "جاده روستای نشلج پر از چاله است و تصادف می‌شود" : "چراغ‌های خیابان اصلی روستا شب‌ها خاموش است", Texts.AskAttachments(0, 10));
        await Press("done", Texts.AskReportCounty("کاشان"));
        await Press("0", Texts.AskPlace);
        await Say("جاده نشلج", Texts.AskSolution);
        await Press("skip", Texts.AskAnonymity);
        await Press("named", "پیش‌نمایش");
        await Press("submit", "مسئله شما ثبت شد");
    }
}
