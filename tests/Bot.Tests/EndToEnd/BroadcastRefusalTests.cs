using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Copies of a broadcast the messenger refuses are counted, in <c>/metrics</c> and <c>/broadcasts</c>, and told to its
/// organizer once, in counts, when the broadcast is over.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class BroadcastRefusalTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const long Organizer = 1;

    [Fact]
    public async Task Refused_copies_are_counted_and_told_to_the_organizer_once_when_the_broadcast_ends()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?>
        {
            ["Access:Admins:0"] = $"telegram:{Organizer}",
            ["Scheduler:IntervalSeconds"] = "1",
            ["Http:Urls"] = "http://127.0.0.1:0",
        });

        var members = Enumerable.Range(0, 8).Select(i => 30_000L + i).ToList();
        await using (var db = bot.Db())
        {
            foreach (var id in members)
                db.Members.Add(new Member { Name = $"عضو {id}", Phone = $"+98912{id:0000000}", County = "کاشان", CreatedAt = DateTime.UnixEpoch, Accounts = { new Account { Messenger = "telegram", UserId = id, ChatId = id } } });
            await db.SaveChangesAsync();
        }

        telegram.RefuseChat(members[0], 400, "Bad Request: chat not found");
        telegram.RefuseChat(members[1], 400, "Bad Request: chat not found");
        telegram.BlockChat(members[2]);

        async Task Organize(Action send, string expect)
        {
            var before = telegram.SentTo(Organizer).Count;
            send();
            await telegram.WaitUntilAsync(t => t.SentTo(Organizer).Skip(before).Any(m => m.Text!.StartsWith(expect, StringComparison.Ordinal)), Wait);
        }

        async Task Press(string value, string expect)
        {
            await using var db = bot.Db();
            var step = (await db.Conversations.SingleAsync(c => c.ChatId == Organizer)).Step;
            await Organize(() => telegram.EnqueueCallback(Organizer, FlowButtons.Data(step, value), telegram.SentTo(Organizer)[^1].MessageId), expect);
        }

        await Organize(() => telegram.EnqueueText(Organizer, "/announce"), Texts.AskAnnouncement);
        await Organize(() => telegram.EnqueueText(Organizer, "اجلاسیه پنجشنبه ساعت ۱۷ در فرمانداری"), Texts.AskAudience);
        await Press("all", "پیش‌نمایش اطلاعیه");
        await Press("send", Texts.AnnouncementQueued(8));

        string audience;
        await using (var db = bot.Db()) audience = (await db.Broadcasts.SingleAsync()).Audience;
        var told = Texts.BroadcastMissed(1, audience, sent: 5, refused: 2, failed: 0, unreachable: 1);
        await telegram.WaitUntilAsync(t => t.SentTo(Organizer).Any(m => m.Text == told), Wait);
        // Marked finished in the transaction that told the organizer: a later look of the scheduler tells nobody again.
        await Eventually.StoredAsync(bot, db => db.Broadcasts.AnyAsync(b => b.FinishedAt != null));
        await bot.WaitUntilQuietAsync(Wait, telegram);
        Assert.Single(telegram.SentTo(Organizer), m => m.Text == told);

        await Organize(() => telegram.EnqueueText(Organizer, "/broadcasts"), "#۱");
        Assert.Contains("نپذیرفته ۲، مسدودکرده ۱", telegram.SentTo(Organizer)[^1].Text);

        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(bot.HttpAddress + "/metrics");
        Assert.Equal(2, HealthAndMetricsTests.Value(metrics, "assembly_bot_messages_refused_total", "kind=\"refused\""));
        Assert.Equal(1, HealthAndMetricsTests.Value(metrics, "assembly_bot_messages_refused_total", "kind=\"unreachable\""));
    }
}
