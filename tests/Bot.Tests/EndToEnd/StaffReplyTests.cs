using System.Text.Json.Nodes;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Staff on Telegram answer reporters on Telegram and on Bale, over real HTTP: the staff group's question before a
/// reply to a post goes anywhere, the «پاسخ» prompt as a ForceReply (none on Bale), and a photo reply reaching a
/// reporter on the same messenger by its file id and on the other one downloaded and uploaded again.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class StaffReplyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long OnTelegram = 7101, OnBale = 7201, Staff = 201, BaleStaff = 301, Group = -100200;
    private const string Secretariat = "دبیرخانه شهید رجایی";

    [Fact]
    public async Task A_photo_reply_reaches_reporters_on_both_messengers_and_a_reply_to_the_post_waits_for_its_writers_choice()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var bot = await BotTestHost.StartAsync(database, telegram, bale, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = "telegram:201",
            ["Assembly:Secretariats:1:Staff:1"] = "bale:301",
            ["Assembly:Secretariats:1:StaffChats:0"] = "telegram:-100200",
        });

        await FileAsync(bot, telegram, "telegram", OnTelegram, "علی رضایی", "09131111111"); // RJ-1001
        await FileAsync(bot, bale, "bale", OnBale, "حسن موسوی", "09132222222"); // RJ-1002
        await telegram.WaitUntilAsync(t => t.SentTo(Group).Count(m => m.Text?.StartsWith("مسئله تازه", StringComparison.Ordinal) == true) == 2, Wait);
        var posts = telegram.SentTo(Group).Where(m => m.Text?.StartsWith("مسئله تازه", StringComparison.Ordinal) == true).ToList();
        foreach (var post in posts) await RecordedAsync(bot, post);

        // «پاسخ» opens the phone's reply to the prompt on Telegram.
        var prompt = await PromptAsync(bot, telegram, posts[0], "RJ-1001");
        Assert.Contains("\"force_reply\":true", prompt.ReplyMarkupJson);

        // A photo with a caption, to a reporter on Telegram: by its file id.
        telegram.EnqueueRaw(GroupReply(Staff, prompt.MessageId, 9_000_001, m =>
        {
            m["photo"] = Photo("staff-photo-1", 4_000);
            m["caption"] = "نقشه تعمیر لوله";
        }));
        await telegram.WaitUntilAsync(t => t.SentTo(OnTelegram).Any(m => m.Method == "sendPhoto"), Wait);
        Assert.Equal(Texts.ToReporterReply("RJ-1001", Secretariat, "نقشه تعمیر لوله"), telegram.SentTo(OnTelegram).Single(m => m.Method == "sendPhoto").Text);

        // The same to a reporter on Bale: downloaded from Telegram, uploaded to Bale.
        var bytes = Enumerable.Range(0, 5_000).Select(i => (byte)(i % 251)).ToArray();
        telegram.PutFile("staff-photo-2", bytes);
        var promptB = await PromptAsync(bot, telegram, posts[1], "RJ-1002");
        telegram.EnqueueRaw(GroupReply(Staff, promptB.MessageId, 9_000_002, m =>
        {
            m["photo"] = Photo("staff-photo-2", bytes.Length);
            m["caption"] = "نامه اداره راه";
        }));
        await bale.WaitUntilAsync(b => b.Uploads.Any(u => u.ChatId == OnBale), Wait);
        var upload = bale.Uploads.Single(u => u.ChatId == OnBale);
        Assert.Equal("sendPhoto", upload.Method);
        Assert.Equal(bytes, upload.Bytes);
        Assert.Equal(Texts.ToReporterReply("RJ-1002", Secretariat, "نامه اداره راه"), bale.SentTo(OnBale).Single(m => m.Method == "sendPhoto").Text);

        // A reply to the post itself is asked about in the group; only «ارسال به گزارش‌دهنده» sends it.
        telegram.EnqueueRaw(GroupReply(Staff, posts[0].MessageId, 9_000_003, m => m["text"] = "فردا اکیپ می‌فرستیم"));
        await telegram.WaitUntilAsync(t => t.SentTo(Group).Any(m => m.Text == Texts.HeldAsk("RJ-1001")), Wait);
        var question = telegram.SentTo(Group).Single(m => m.Text == Texts.HeldAsk("RJ-1001"));
        await RecordedAsync(bot, question);
        Assert.Equal(9_000_003, question.ReplyToMessageId);
        Assert.Contains(Texts.HeldSendButton, question.ReplyMarkupJson);
        var reply = Texts.ToReporterReply("RJ-1001", Secretariat, "فردا اکیپ می‌فرستیم");
        await bot.WaitUntilQuietAsync(Wait, telegram, bale);
        Assert.DoesNotContain(telegram.SentTo(OnTelegram), m => m.Text == reply);
        telegram.EnqueueCallback(Staff, "sh:send", question);
        await telegram.WaitUntilAsync(t => t.SentTo(OnTelegram).Any(m => m.Text == reply), Wait);

        // On Bale, where force_reply is not documented, the prompt goes without it.
        bale.EnqueueCallback(BaleStaff, "st:reply:RJ-1001", messageId: 1);
        await bale.WaitUntilAsync(b => b.SentTo(BaleStaff).Any(m => m.Text == Texts.AskStaffReply("RJ-1001")), Wait);
        Assert.Null(bale.SentTo(BaleStaff).Single(m => m.Text == Texts.AskStaffReply("RJ-1001")).ReplyMarkupJson);

        await bot.WaitUntilQuietAsync(Wait, telegram, bale);
        Assert.Single(telegram.SentTo(OnTelegram), m => m.Text == reply); // acted on once
        Assert.Equal(1, telegram.Downloads);
    }

    private static async Task<SentMessage> PromptAsync(BotTestHost bot, FakeBotApiServer telegram, SentMessage post, string code)
    {
        telegram.EnqueueCallback(Staff, $"st:reply:{code}", post);
        await telegram.WaitUntilAsync(t => t.SentTo(Group).Any(m => m.Text == Texts.AskStaffReply(code)), Wait);
        var prompt = telegram.SentTo(Group).Last(m => m.Text == Texts.AskStaffReply(code));
        await RecordedAsync(bot, prompt);
        return prompt;
    }

    /// <summary>
    /// The bot knows a message by its id only once the sender has recorded it, a moment after the send: a person
    /// takes longer than that to reply, a test does not.
    /// </summary>
    private static Task RecordedAsync(BotTestHost bot, SentMessage sent) =>
        Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.Messenger == "telegram" && o.ChatId == sent.ChatId && o.SentMessageId == sent.MessageId));

    private static JsonArray Photo(string fileId, long size) =>
        [new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["width"] = 800, ["height"] = 600, ["file_size"] = size }];

    /// <summary>A staff member's message in the staff group, as a reply to the bot's message <paramref name="replyTo"/>.</summary>
    private static JsonObject GroupReply(long from, long replyTo, long messageId, Action<JsonObject> content)
    {
        var chat = new JsonObject { ["id"] = Group, ["type"] = "supergroup", ["title"] = "کارشناسان" };
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = from, ["is_bot"] = false, ["first_name"] = "کارشناس" },
            ["chat"] = chat,
            ["date"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
            ["reply_to_message"] = new JsonObject
            {
                ["message_id"] = replyTo,
                ["from"] = new JsonObject { ["id"] = 1, ["is_bot"] = true, ["first_name"] = "ربات" },
                ["chat"] = chat.DeepClone(),
                ["date"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
            },
        };
        content(message);
        return new JsonObject { ["message"] = message };
    }

    /// <summary>Registers and files a report on «خدمات شهری» (the Rajaei secretariat), quickly: the steps are tested elsewhere.</summary>
    private static async Task FileAsync(BotTestHost bot, FakeBotApiServer fake, string messenger, long user, string name, string phone)
    {
        async Task Say(string text, string expect)
        {
            var before = fake.SentTo(user).Count;
            fake.EnqueueText(user, text);
            await fake.WaitUntilAsync(f => f.SentTo(user).Skip(before).Any(m => m.Text?.StartsWith(expect, StringComparison.Ordinal) == true), Wait);
        }

        async Task Press(string value, string expect)
        {
            int step;
            await using (var db = bot.Db())
                step = (await db.Conversations.SingleAsync(c => c.Messenger == messenger && c.ChatId == user)).Step;
            var before = fake.SentTo(user).Count;
            fake.EnqueueCallback(user, Conversations.Flows.FlowButtons.Data(step, value), fake.SentTo(user)[^1].MessageId);
            await fake.WaitUntilAsync(f => f.SentTo(user).Skip(before).Any(m => m.Text?.StartsWith(expect, StringComparison.Ordinal) == true), Wait);
        }

        await Say("/start", Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"));
        await Say(name, Texts.AskPhone);
        await Say(phone, Texts.AskCounty);
        await Press("0", Texts.AskWorkingGroup);
        await Press("none", Texts.Registered(name));
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
