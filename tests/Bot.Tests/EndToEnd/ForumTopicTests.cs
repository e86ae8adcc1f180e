using Assembly.Bot.Sending;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// A staff chat that is a forum (a Telegram supergroup with topics): each report gets a topic of its own, and its post,
/// the member's additions, notes and the staff's work go into it. Other groups, and Bale, keep the posts of before.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed partial class ForumTopicTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long Reporter = 7101, Staff = 201, Forum = -100_700, Group = -100_500;
    private const string Code = "RJ-1001";

    private static Dictionary<string, string?> StaffChat(string chat) => new()
    {
        ["Assembly:Secretariats:1:Staff:0"] = $"telegram:{Staff}",
        ["Assembly:Secretariats:1:StaffChats:0"] = chat,
    };

    [Fact]
    public async Task A_report_gets_one_topic_named_topic_first_which_holds_its_post_and_is_kept_before_anything_is_posted_into_it()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        telegram.MakeForum(Forum);
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: StaffChat($"telegram:{Forum}"));

        await FileReportAsync(bot, telegram, Reporter);
        var post = await PostAsync(telegram, Forum);
        var topic = Assert.Single(telegram.TopicsIn(Forum));

        await using (var db = bot.Db())
        {
            var report = await db.Reports.SingleAsync(r => r.Code == Code);
            Assert.Equal(Texts.TopicName(report.Topic, Code), topic.Text);
            // Right to left: the name starts with the report's topic, never with the Latin code.
            Assert.False(char.IsAsciiLetter(topic.Text![0]));
            Assert.EndsWith(" · " + Code, topic.Text, StringComparison.Ordinal);
            Assert.Equal((long?)topic.MessageId, (await db.ReportPosts.SingleAsync(p => p.ReportId == report.Id && p.ChatId == Forum)).ThreadId);
        }

        Assert.Equal(topic.MessageId, post.ThreadId);
        // Opened before the post went: the post could only go into a topic already known.
        Assert.True(topic.At <= post.At && topic.MessageId < post.MessageId);
    }

    [Fact]
    public async Task A_topic_opening_sent_again_after_a_crash_opens_no_second_topic()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        telegram.MakeForum(Forum);
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: StaffChat($"telegram:{Forum}"));
        await FileReportAsync(bot, telegram, Reporter);
        await PostAsync(telegram, Forum);
        await bot.WaitUntilQuietAsync(Wait, telegram);
        var topic = Assert.Single(telegram.TopicsIn(Forum));

        // As the claim sweep leaves a row whose instance died mid-send: pending again, to be sent again.
        long row;
        await using (var db = bot.Db())
        {
            row = await db.Outbox.Where(o => o.ChatId == Forum && o.SubjectAction == ForumTopics.Action).Select(o => o.Id).SingleAsync();
            await db.Outbox.Where(o => o.Id == row).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Pending)
                .SetProperty(o => o.SentMessageId, (long?)null).SetProperty(o => o.Attempts, 1));
        }

        bot.Services.GetRequiredService<OutboxSignal>().Wake("telegram");
        await Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.Id == row && o.Status == OutboxStatus.Sent));
        await bot.WaitUntilQuietAsync(Wait, telegram);

        Assert.Single(telegram.TopicsIn(Forum));
        await using (var db = bot.Db())
            Assert.Equal(topic.MessageId, await db.Outbox.Where(o => o.Id == row).Select(o => o.SentMessageId).SingleAsync());
    }

    [Fact]
    public async Task The_members_answer_goes_into_the_topic_and_a_staff_members_plain_message_there_is_a_note_the_member_never_gets()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        telegram.MakeForum(Forum);
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: StaffChat($"telegram:{Forum}"));
        await FileReportAsync(bot, telegram, Reporter);
        await PostAsync(telegram, Forum);
        var thread = Assert.Single(telegram.TopicsIn(Forum)).MessageId;

        // The member answers the secretariat: it comes into the topic.
        var submitted = telegram.SentTo(Reporter)[^1];
        telegram.EnqueueCallback(Reporter, "ans:" + Code, submitted);
        await telegram.WaitUntilAsync(t => t.SentTo(Reporter).Any(m => m.Text == Texts.AskAnswer(Code)), Wait);
        telegram.EnqueueText(Reporter, "عکس چاله‌ها را هم فردا می‌فرستم");
        await telegram.WaitUntilAsync(t => t.SentTo(Forum).Any(m => m.Text?.Contains("عکس چاله‌ها را هم فردا می‌فرستم", StringComparison.Ordinal) == true), Wait);
        // Copied as the member sent it, not retold in a post of the bot's.
        Assert.Equal("copyMessage", telegram.SentTo(Forum).Single(m => m.Text?.Contains("عکس چاله‌ها", StringComparison.Ordinal) == true).Method);
        Assert.All(telegram.SentTo(Forum).Where(m => m.Method != "createForumTopic"), m => Assert.Equal(thread, m.ThreadId));

        // Someone who is not staff writes there: not for the bot.
        telegram.EnqueueTopicText(Forum, thread, 999, "من هم از این جاده رد می‌شوم");

        // A staff member writes in the topic: a note, marked quietly, and nothing reaches the member.
        var toReporter = telegram.SentTo(Reporter).Count;
        var note = telegram.EnqueueTopicText(Forum, thread, Staff, "با اداره راه تماس گرفتم؛ فردا خبر می‌دهند");
        await telegram.WaitUntilAsync(t => t.Reactions.Any(r => r.ChatId == Forum && r.Emoji == Texts.TopicNoted), Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        await using (var db = bot.Db())
        {
            var report = await db.Reports.SingleAsync(r => r.Code == Code);
            var kept = await db.ReportEvents.SingleAsync(e => e.ReportId == report.Id && e.Kind == ReportEventKind.Note);
            Assert.Equal("با اداره راه تماس گرفتم؛ فردا خبر می‌دهند", kept.Text);
            Assert.Equal($"telegram:{Staff}", kept.Actor);
        }

        Assert.Single(telegram.Reactions, r => r.ChatId == Forum && r.MessageId == note);
        Assert.Equal(toReporter, telegram.SentTo(Reporter).Count);
        Assert.DoesNotContain(telegram.SentTo(Forum), m => m.Text?.Contains("با اداره راه", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Answering_through_the_reply_button_in_the_topic_reaches_the_member_and_closing_closes_the_topic_and_reopening_reopens_it()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        telegram.MakeForum(Forum);
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: StaffChat($"telegram:{Forum}"));
        await FileReportAsync(bot, telegram, Reporter);
        var card = await PostAsync(telegram, Forum);
        var thread = Assert.Single(telegram.TopicsIn(Forum)).MessageId;

        // «پاسخ» under the card in the topic: the prompt comes in the topic, and the answer to it goes to the member.
        telegram.EnqueueCallback(Staff, "st:reply:" + Code, card);
        await telegram.WaitUntilAsync(t => t.SentTo(Forum).Any(m => m.Text == Texts.AskStaffReply(Code)), Wait);
        var prompt = telegram.SentTo(Forum).Last(m => m.Text == Texts.AskStaffReply(Code));
        Assert.Equal(thread, prompt.ThreadId);
        // A person answers a prompt they can see: by then its id is recorded.
        await Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.ChatId == Forum && o.SentMessageId == prompt.MessageId));
        telegram.EnqueueTopicText(Forum, thread, Staff, "با اداره راه هماهنگ شد و هفته آینده ترمیم می‌شود.", replyTo: prompt.MessageId);
        await telegram.WaitUntilAsync(t => t.SentTo(Reporter).Any(m => m.Text?.Contains("هفته آینده ترمیم می‌شود", StringComparison.Ordinal) == true), Wait);
        await telegram.WaitUntilAsync(t => t.SentTo(Forum).Any(m => m.Text == Texts.StaffDone(Code, Texts.DoneReplied)), Wait);
        Assert.Equal(thread, telegram.SentTo(Forum).Last(m => m.Text == Texts.StaffDone(Code, Texts.DoneReplied)).ThreadId);

        // Closing the report closes its topic.
        telegram.EnqueueTopicText(Forum, thread, Staff, $"/close {Code} حل شد");
        await telegram.WaitUntilAsync(t => t.TopicClosed(Forum, thread), Wait);
        Assert.Single(telegram.SentTo(Forum), m => m.Method == "closeForumTopic");

        // Reopening it reopens the topic.
        telegram.EnqueueTopicText(Forum, thread, Staff, $"/stage {Code} مطالبه‌گری");
        await telegram.WaitUntilAsync(t => t.SentTo(Forum).Any(m => m.Method == "reopenForumTopic"), Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);
        Assert.False(telegram.TopicClosed(Forum, thread));
        await using var db = bot.Db();
        Assert.Empty(await db.ReportEvents.Where(e => e.Kind == ReportEventKind.Note).ToListAsync());
    }

    [Fact]
    public async Task A_staff_group_without_topics_keeps_its_posts_and_its_plain_talk_is_not_for_the_bot()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: StaffChat($"telegram:{Group}"));
        await FileReportAsync(bot, telegram, Reporter);
        await PostAsync(telegram, Group);
        telegram.EnqueueGroupText(Group, Staff, "کسی از این مسئله خبر دارد؟");
        await bot.WaitUntilQuietAsync(Wait, telegram);

        Assert.Empty(telegram.TopicsIn(Group));
        Assert.All(telegram.SentTo(Group), m => Assert.Null(m.ThreadId));
        Assert.Empty(telegram.Reactions);
        await using var db = bot.Db();
        Assert.Null((await db.ReportPosts.SingleAsync(p => p.ChatId == Group)).ThreadId);
        Assert.Empty(await db.ReportEvents.Where(e => e.Kind == ReportEventKind.Note).ToListAsync());
    }

    [Fact]
    public async Task On_Bale_a_staff_group_keeps_its_posts_and_no_topic_is_asked_for()
    {
        using var database = new TestDatabase();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { ChatTypeForGroups = "group" });
        bale.MakeForum(Group); // even a chat that would say so: Bale documents no topics
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, bale: bale, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = $"bale:{Staff}",
            ["Assembly:Secretariats:1:StaffChats:0"] = $"bale:{Group}",
        });
        await FileReportAsync(bot, bale, Reporter);
        await PostAsync(bale, Group);
        await bot.WaitUntilQuietAsync(Wait, bale);

        Assert.Empty(bale.TopicsIn(Group));
        Assert.All(bale.SentTo(Group), m => Assert.Null(m.ThreadId));
        await using var db = bot.Db();
        Assert.Null((await db.ReportPosts.SingleAsync(p => p.ChatId == Group)).ThreadId);
    }

    [Fact]
    public async Task A_Bale_members_photo_is_uploaded_again_into_the_topic_and_not_into_a_plain_group()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { ChatTypeForGroups = "group" });
        telegram.MakeForum(Forum);
        await using var bot = await BotTestHost.StartAsync(database, telegram, bale, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = $"telegram:{Staff}",
            ["Assembly:Secretariats:1:StaffChats:0"] = $"telegram:{Forum}",
            ["Assembly:Secretariats:1:StaffChats:1"] = $"telegram:{Group}",
        });

        await FileReportAsync(bot, bale, Reporter, photo: true);
        await PostAsync(telegram, Forum);
        var thread = Assert.Single(telegram.TopicsIn(Forum)).MessageId;
        await telegram.WaitUntilAsync(t => t.Uploads.Any(u => u.ChatId == Forum), Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram, bale);

        var upload = Assert.Single(telegram.Uploads, u => u.ChatId == Forum);
        Assert.Equal(thread, telegram.SentTo(Forum).Single(m => m.MessageId == upload.MessageId).ThreadId);
        Assert.DoesNotContain(telegram.Uploads, u => u.ChatId == Group);
        Assert.DoesNotContain(telegram.SentTo(Group), m => m.Method == "sendPhoto");
    }

    /// <summary>The report's post in the staff chat, once it came.</summary>
    private static async Task<SentMessage> PostAsync(FakeBotApiServer fake, long chat)
    {
        await fake.WaitUntilAsync(t => t.SentTo(chat).Any(IsPost), Wait);
        return fake.SentTo(chat).First(IsPost);

        static bool IsPost(SentMessage m) => m.Method == "sendMessage" && m.Text!.StartsWith("مسئله تازه " + Code, StringComparison.Ordinal);
    }

    private static async Task FileReportAsync(BotTestHost bot, FakeBotApiServer fake, long user, bool photo = false)
    {
        var messenger = fake.Options.ChatTypeForGroups == "group" ? "bale" : "telegram";

        async Task Do(Action send, string expect)
        {
            var before = fake.SentTo(user).Count;
            send();
            await fake.WaitUntilAsync(t => t.SentTo(user).Skip(before).Any(m => m.Text?.StartsWith(expect, StringComparison.Ordinal) == true), Wait);
        }

        Task Say(string text, string expect) => Do(() => fake.EnqueueText(user, text), expect);

        async Task Press(string value, string expect)
        {
            await using var db = bot.Db();
            var step = (await db.Conversations.SingleAsync(c => c.Messenger == messenger && c.ChatId == user)).Step;
            await Do(() => fake.EnqueueCallback(user, Conversations.Flows.FlowButtons.Data(step, value), fake.SentTo(user)[^1].MessageId), expect);
        }

        await Say("/start", Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"));
        await Say("حسن موسوی", Texts.AskPhoneAndWhoSees);
        await Say("09137654321", Texts.AskCounty);
        await Press("0", Texts.AskWorkingGroup);
        await Press("none", Texts.Registered("حسن موسوی"));
        await Say("/report", Texts.AskTopic);
        await Press("3", Texts.AskDescription(3));
        await Say("جاده روستای نشلج پر از چاله است و تصادف می‌شود", Texts.AskAttachments(0, 10));
        if (photo)
        {
            fake.PutFile("bale-photo-1", [1, 2, 3, 4]);
            await Do(() => fake.EnqueuePhoto(user, fileSize: 4, fileId: "bale-photo-1"), Texts.AskAttachments(1, 10));
        }
        await Press("done", Texts.AskReportCounty("کاشان"));
        await Press("0", Texts.AskPlace);
        await Say("جاده نشلج", Texts.AskSolution);
        await Press("skip", Texts.AskAnonymity);
        await Press("named", "پیش‌نمایش");
        await Press("submit", "مسئله شما ثبت شد");
    }
}
