using Assembly.Bot.Scheduling;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// A member files a report through the real host, on each messenger, with staff of the secretariat on the same one:
/// a voice message as the description, a draft kept when the member goes quiet and resumed from the menu, the location
/// reaching staff beside the post; and the longest answers each step accepts, through every message that quotes them,
/// none refused by the messenger.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class ReportJourneyTests
{
    private const long Reporter = 7301, Staff = 201;
    private static readonly TimeSpan Wait = MemberScript.Wait;

    private static async Task<(FakeBotApiServer Telegram, FakeBotApiServer Bale, BotTestHost Bot)> StartAsync(TestDatabase database, string messenger)
    {
        var telegram = await FakeBotApiServer.StartAsync();
        var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        var bot = await BotTestHost.StartAsync(database, telegram, bale, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = $"{messenger}:{Staff}",
        });
        return (telegram, bale, bot);
    }

    [Theory]
    [InlineData("telegram")]
    [InlineData("bale")]
    public async Task A_voice_description_is_kept_as_a_draft_resumed_from_the_menu_and_its_location_reaches_staff(string messenger)
    {
        using var database = new TestDatabase();
        var (telegram, bale, bot) = await StartAsync(database, messenger);
        await using (telegram)
        await using (bale)
        await using (bot)
        {
            var fake = messenger == "bale" ? bale : telegram;
            var member = new MemberScript(bot, fake, messenger, Reporter);
            await member.RegisterAsync("حسن موسوی", "09137654321");
            await member.SayAsync("/report", Texts.AskTopic);
            await member.PressAsync("4", Texts.AskDescription(3)); // «آب و برق و گاز» → rajaei

            // A voice message is the description: kept as an attachment, then one line or «بدون متن».
            var before = member.Received.Count;
            await member.DoAsync(() => fake.EnqueueVoice(Reporter), Texts.AskLineForVoice);
            Assert.Contains(member.Received.Skip(before), m => m.Text == Texts.VoiceKept);
            Assert.Contains(Texts.NoText, member.Received[^1].ReplyMarkupJson);
            await member.PressAsync("notext", Texts.AskAttachments(1, 10));
            await member.PressAsync("done", Texts.AskReportCounty("کاشان"));

            // The member goes quiet: the scheduler keeps the report as a draft and says so.
            await using (var db = bot.Db())
            {
                var row = await db.Conversations.SingleAsync(c => c.Messenger == messenger && c.ChatId == Reporter);
                row.ExpiresAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1);
                await db.SaveChangesAsync();
            }

            await bot.Services.GetRequiredService<Scheduler>().RunOnceAsync(CancellationToken.None);
            await member.UntilAsync(m => m.Text == Texts.DraftKept(30, 7), before);

            // «ثبت مسئله» offers the draft; it continues where it stopped.
            var offer = await member.SayAsync(Texts.MenuReport, Texts.AskResumeDraft);
            Assert.Contains(Texts.ContinueDraft, offer.ReplyMarkupJson);
            await member.PressAsync("continue", Texts.AskReportCounty("کاشان"));
            await member.PressAsync("0", Texts.AskPlace);
            await member.DoAsync(() => fake.EnqueueLocation(Reporter), Texts.LocationNoted);
            await member.UntilAsync(m => m.Text == Texts.AskSolution, before);
            await member.PressAsync("skip", Texts.AskAnonymity);
            var preview = await member.PressAsync("named", "پیش‌نمایش");
            Assert.Contains(Texts.DescriptionInVoice, preview.Text);
            await member.PressAsync("submit", "مسئله شما ثبت شد");

            // Staff get the post, the voice by its file id, and the pinned place as a map.
            await fake.WaitUntilAsync(f => f.SentTo(Staff).Any(m => m.Method == "sendLocation") && f.SentTo(Staff).Any(m => m.Method == "sendVoice"), Wait);
            var post = fake.SentTo(Staff).First(m => m.Text?.StartsWith("مسئله تازه", StringComparison.Ordinal) == true);
            Assert.Contains(Texts.DescriptionInVoice, post.Text);
            await using var after = bot.Db();
            var report = await after.Reports.Include(r => r.Attachments).SingleAsync();
            Assert.Equal((Texts.DescriptionInVoice, "voice", 33.98, 51.43),
                (report.Description, report.Attachments.Single().Kind, report.Latitude!.Value, report.Longitude!.Value));
        }
    }

    /// <summary>The longest text a step accepts: words up to the messengers' limit.</summary>
    private static string Longest(string word) =>
        MessageLimits.Cut(string.Concat(Enumerable.Repeat(word + " ", 2000)), MessageLimits.Text).TrimEnd('…').Trim();

    [Theory]
    [InlineData("telegram")]
    [InlineData("bale")]
    public async Task The_longest_answers_pass_through_every_message_that_quotes_them_and_none_is_refused(string messenger)
    {
        using var database = new TestDatabase();
        var (telegram, bale, bot) = await StartAsync(database, messenger);
        await using (telegram)
        await using (bale)
        await using (bot)
        {
            var fake = messenger == "bale" ? bale : telegram;
            var member = new MemberScript(bot, fake, messenger, Reporter);
            var staff = new MemberScript(bot, fake, messenger, Staff);
            var (description, place, solution) = (Longest("شرح"), Longest("کوچه"), Longest("راهکار"));
            Assert.InRange(description.Length, PrivateChatLimit - 10, PrivateChatLimit);

            await member.RegisterAsync("حسن موسوی", "09137654321");
            await member.SayAsync("/report", Texts.AskTopic);
            await member.PressAsync("4", Texts.AskDescription(3));
            await member.SayAsync(description, Texts.AskAttachments(0, 10));
            await member.PressAsync("done", Texts.AskReportCounty("کاشان"));
            await member.PressAsync("0", Texts.AskPlace);
            await member.SayAsync(place, Texts.AskSolution);
            await member.SayAsync(solution, Texts.AskAnonymity);
            var preview = await member.PressAsync("named", "پیش‌نمایش");
            Assert.Contains("…", preview.Text);
            Assert.Contains(Texts.Submit, preview.ReplyMarkupJson);
            await member.PressAsync("submit", "مسئله شما ثبت شد");

            // The staff post cuts the fields; «متن کامل» and /show give them whole, in parts.
            var post = await staff.UntilAsync(m => m.Text?.StartsWith("مسئله تازه", StringComparison.Ordinal) == true, 0);
            Assert.Contains("…", post.Text);
            Assert.Contains(Texts.StaffFullTextButton, post.ReplyMarkupJson);
            var before = staff.Received.Count;
            fake.EnqueueCallback(Staff, StaffButtons.Prefix + "full:RJ-1001", post);
            await staff.UntilAsync(m => m.Text?.Contains(solution[^100..], StringComparison.Ordinal) == true, before);
            Assert.Contains(staff.Received.Skip(before), m => m.Text!.Contains(description[^100..], StringComparison.Ordinal));
            before = staff.Received.Count;
            fake.EnqueueText(Staff, "/show RJ-1001");
            await staff.UntilAsync(m => m.Text?.Contains(description[^100..], StringComparison.Ordinal) == true, before);

            // The longest reply a staff command carries reaches the reporter whole; the history quotes it within one page.
            var reply = Longest("پاسخ")[..4000];
            fake.EnqueueText(Staff, "/reply RJ-1001 " + reply);
            await member.UntilAsync(m => m.Text?.Contains(reply[^100..], StringComparison.Ordinal) == true, 0);
            before = member.Received.Count;
            fake.EnqueueText(Reporter, "RJ-1001");
            var history = await member.UntilAsync(m => m.Text?.StartsWith("مسئله RJ-1001\n", StringComparison.Ordinal) == true, before);
            Assert.Contains(reply[..100], history.Text);

            await bot.WaitUntilQuietAsync(Wait, telegram, bale);
            await using var db = bot.Db();
            Assert.Empty(await db.Outbox.Where(o => o.Status == OutboxStatus.Refused).Select(o => o.Payload).ToListAsync());
        }
    }

    private const int PrivateChatLimit = Conversations.Flows.PrivateChat.MaxTextLength;
}
