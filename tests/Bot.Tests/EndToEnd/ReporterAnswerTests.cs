using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// The reporter answers the secretariat through the real host, on each messenger: with the messenger's reply on the
/// secretariat's message, and with the «پاسخ به دبیرخانه» button under it. Staff (on Telegram) get each answer.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class ReporterAnswerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long Reporter = 7001, Staff = 201;

    [Theory]
    [InlineData("telegram")]
    [InlineData("bale")]
    public async Task The_reporter_answers_by_reply_and_by_button_and_staff_get_both(string messenger)
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var bot = await BotTestHost.StartAsync(database, telegram, bale, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = "telegram:201",
        });
        var member = messenger == "bale" ? bale : telegram;

        async Task<SentMessage> Expect(Func<SentMessage, bool> wanted, int before)
        {
            await member.WaitUntilAsync(m => m.SentTo(Reporter).Skip(before).Any(wanted), Wait);
            return member.SentTo(Reporter).Skip(before).First(wanted);
        }

        async Task Say(string text, string expect)
        {
            var before = member.SentTo(Reporter).Count;
            member.EnqueueText(Reporter, text);
            await Expect(m => m.Text!.StartsWith(expect, StringComparison.Ordinal), before);
        }

        async Task Press(string value, string expect)
        {
            await using var db = bot.Db();
            var step = (await db.Conversations.SingleAsync(c => c.ChatId == Reporter)).Step;
            var before = member.SentTo(Reporter).Count;
            member.EnqueueCallback(Reporter, Conversations.Flows.FlowButtons.Data(step, value), member.SentTo(Reporter)[^1].MessageId);
            await Expect(m => m.Text!.StartsWith(expect, StringComparison.Ordinal), before);
        }

        async Task StaffGets(string text) =>
            await telegram.WaitUntilAsync(t => t.SentTo(Staff).Any(m => m.Text == text), Wait);

        await Say("/start", Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"));
        await Say("حسن موسوی", Texts.AskPhone);
        await Say("09137654321", Texts.AskCounty);
        await Press("0", Texts.AskWorkingGroup);
        await Press("none", Texts.Registered("حسن موسوی"));
        await Say("/report", Texts.AskTopic);
        await Press("3", Texts.AskDescription(3)); // «خدمات شهری» → rajaei
        await Say("جاده روستای نشلج پر از چاله است و تصادف می‌شود", Texts.AskAttachments(0, 10));
        await Press("done", Texts.AskReportCounty("کاشان"));
        await Press("0", Texts.AskPlace);
        await Say("جاده نشلج", Texts.AskSolution);
        await Press("skip", Texts.AskAnonymity);
        await Press("named", "پیش‌نمایش");
        await Press("submit", "مسئله شما ثبت شد");
        Assert.Contains(Texts.AnswerSecretariat, member.SentTo(Reporter)[^1].ReplyMarkupJson);

        // The secretariat asks; the reporter answers with the messenger's reply on that message.
        var before = member.SentTo(Reporter).Count;
        telegram.EnqueueText(Staff, "/reply RJ-1001 نشانی دقیق چاله‌ها را بفرستید");
        var asked = await Expect(m => m.Text == Texts.ToReporterReply("RJ-1001", "دبیرخانه شهید رجایی", "نشانی دقیق چاله‌ها را بفرستید"), before);
        Assert.Contains(Texts.AnswerSecretariat, asked.ReplyMarkupJson);
        Assert.Contains(ReporterThread.AnswerData("RJ-1001"), asked.ReplyMarkupJson);

        // A person replies once the message is on their screen; by then the bot has recorded the id the messenger gave it.
        await Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.Messenger == messenger && o.ChatId == Reporter && o.SentMessageId == asked.MessageId));
        before = member.SentTo(Reporter).Count;
        member.EnqueueReply(Reporter, "از کیلومتر سه تا پنج جاده", asked);
        await Expect(m => m.Text == Texts.Added("RJ-1001"), before);
        await StaffGets(NoticeTexts.Added("RJ-1001", "خدمات شهری", "کاشان", ["از کیلومتر سه تا پنج جاده"], description: "جاده روستای نشلج پر از چاله است و تصادف می‌شود"));

        // And with the button under the same message.
        before = member.SentTo(Reporter).Count;
        member.EnqueueCallback(Reporter, ReporterThread.AnswerData("RJ-1001"), asked.MessageId);
        await Expect(m => m.Text == Texts.AskAnswer("RJ-1001"), before);
        before = member.SentTo(Reporter).Count;
        member.EnqueueText(Reporter, "کنار پل دوم هم چاله بزرگی هست");
        await Expect(m => m.Text == Texts.Added("RJ-1001"), before);
        // Within ten minutes the same post grows (edited, or rewritten while it waited) instead of a second one.
        await StaffGets(NoticeTexts.Added("RJ-1001", "خدمات شهری", "کاشان", ["از کیلومتر سه تا پنج جاده", "کنار پل دوم هم چاله بزرگی هست"], description: "جاده روستای نشلج پر از چاله است و تصادف می‌شود"));

        await bot.WaitUntilQuietAsync(Wait, telegram, bale);
        await using var check = bot.Db();
        var report = await check.Reports.Include(r => r.Events).SingleAsync();
        Assert.Equal(["از کیلومتر سه تا پنج جاده", "کنار پل دوم هم چاله بزرگی هست"],
            report.Events.Where(e => e.Kind == ReportEventKind.MemberMessage).OrderBy(e => e.Id).Select(e => e.Text));
    }
}
