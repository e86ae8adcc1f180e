using System.Net;
using System.Text.Json;
using Assembly.Bot.Sending;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// The messenger down for minutes or days, on a fake clock: the sender tries it about once a minute instead of using up
/// every message's attempts, the backlog goes out in order once it answers, and a message is given up by its age.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class OutageTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly string Help = Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان");

    [Fact]
    public async Task Messages_queued_during_an_outage_wait_for_one_try_a_minute_and_then_all_arrive_in_each_chats_order_replies_before_bulk()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var bot = await BotTestHost.StartAsync(database, telegram, clock: clock);
        long[] chats = [7101, 7102, 7103, 7104, 7105];

        // Telegram answers every send 502 (its proxy is down); the bot still receives, so replies pile up.
        telegram.StartOutage(new Fault.BadGateway());
        foreach (var chat in chats)
        {
            telegram.EnqueueText(chat, "/help");
            telegram.EnqueueText(chat, $"/x{chat}");
        }

        await telegram.WaitUntilAsync(t => t.OutageRefusals >= 1 && t.PendingUpdates == 0, Wait);
        await Eventually.StoredAsync(bot, async db => await db.Outbox.CountAsync() == chats.Length * 2);
        foreach (var chat in chats) await EnqueueAsync(bot, chat, Notice(chat), OutboxPriority.Bulk);

        // Ten minutes of outage, in steps of five seconds. After the first minute's tries (1 s, 2 s, 4 s … apart) the
        // messenger is tried at most once a minute, whatever the number of messages waiting. Whenever a try is due, the
        // clock waits for it and for its outcome to be stored, so the next pause is counted from the time it failed.
        await Eventually.StoredAsync(bot, async db => await AllTriesStoredAsync(db, telegram));
        var atTwoMinutes = 0;
        var failures = 1;
        var lastTry = clock.GetUtcNow();
        for (var step = 1; step <= 120; step++)
        {
            // Read before the clock moves: the move wakes the sender, whose try may be made before the next line runs.
            var before = telegram.OutageRefusals;
            clock.Advance(TimeSpan.FromSeconds(5));
            var due = clock.GetUtcNow() >= lastTry + MessengerOutage.Pause(failures);
            if (due) await telegram.WaitUntilAsync(t => t.OutageRefusals > before, Wait);
            if (due || telegram.OutageRefusals > before)
            {
                await Eventually.StoredAsync(bot, async db => await AllTriesStoredAsync(db, telegram));
                failures++;
                lastTry = clock.GetUtcNow();
            }

            if (step == 24) atTwoMinutes = telegram.OutageRefusals;
        }

        var lastEight = telegram.OutageRefusals - atTwoMinutes;
        Assert.InRange(lastEight, 7, 9);
        Assert.Empty(telegram.Sent);
        await using (var db = bot.Db())
        {
            Assert.Equal(chats.Length * 3, await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending));
            // The tries were the messenger's, not every message's: most messages were never tried.
            Assert.Equal(telegram.OutageRefusals, await db.Outbox.SumAsync(o => o.Attempts));
            Assert.True(await db.Outbox.CountAsync(o => o.Attempts == 0) >= chats.Length * 2, "every message's attempts were spent");
        }

        // Telegram answers again. The next try goes through; the clock stands still, so bulk, paced, cannot go yet,
        // and the replies are all out before it.
        telegram.EndOutage();
        clock.Advance(TimeSpan.FromMinutes(1));
        await telegram.WaitUntilAsync(t => t.Sent.Count >= chats.Length * 2, Wait);
        await Eventually.TrueAsync(() =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            return telegram.Sent.Count >= chats.Length * 3;
        });
        await bot.WaitUntilQuietAsync(Wait, telegram);

        foreach (var chat in chats)
            Assert.Equal([Help, Texts.UnknownCommand($"/x{chat}"), Notice(chat)], telegram.SentTo(chat).Select(m => m.Text));
        var sent = telegram.Sent.Select(m => m.Text).ToList();
        var lastReply = sent.FindLastIndex(t => !t!.StartsWith("خبرنامه", StringComparison.Ordinal));
        var firstBulk = sent.FindIndex(t => t!.StartsWith("خبرنامه", StringComparison.Ordinal));
        Assert.True(lastReply < firstBulk, "a bulk message went before a reply: " + string.Join(" | ", sent));
        await using (var db = bot.Db())
            Assert.Equal(chats.Length * 3, await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent));
    }

    [Fact]
    public async Task A_message_the_messenger_cannot_take_is_given_up_at_48_hours_old_not_before_and_healthz_says_since_when()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var bot = await BotTestHost.StartAsync(database, telegram, clock: clock,
            settings: new Dictionary<string, string?> { ["Http:Urls"] = "http://127.0.0.1:0" });
        await telegram.WaitUntilAsync(t => t.GetUpdatesCalls > 0, Wait);

        // Telegram cannot be reached at all: every connection is cut, the long poll on its way too (answered later, it
        // would count as an answer after the clock's jump and end the unreachable time /healthz reports).
        var down = clock.GetUtcNow();
        telegram.StartOutage(new Fault.DropConnection(), receiving: true);
        var id = await EnqueueAsync(bot, 7201, "پیام آزمایشی", OutboxPriority.Interactive);
        await Eventually.StoredAsync(bot, async db => (await db.Outbox.SingleAsync(o => o.Id == id)).Attempts == 1);

        // 47 hours later: tried again, still waiting.
        async Task<OutboxMessage> TriedAgainAsync(int attempts)
        {
            // Counted by the row's attempts, known before the clock jumps, not by the requests the fake refused: those
            // are read after the jump, when the try it wakes may already have been made (and, past 48 hours, no other
            // would come), and a connection cut before any answer may be opened again by the HTTP client, two requests
            // for one attempt. The sender may have read the clock just before it jumped and wait for a moment a little
            // past it: the clock is moved on in tenths of a second until the try is on its way, and then stands still
            // until its outcome is stored, so no second try follows it.
            await Eventually.StoredAsync(bot, async db =>
            {
                var now = await db.Outbox.SingleAsync(o => o.Id == id);
                if (now.Status == OutboxStatus.Sending) return false;
                if (now.Attempts > attempts) return true;
                clock.Advance(TimeSpan.FromMilliseconds(100));
                return false;
            });
            await using var db = bot.Db();
            return await db.Outbox.SingleAsync(o => o.Id == id);
        }

        clock.Advance(TimeSpan.FromHours(47));
        var row = await TriedAgainAsync(1);
        Assert.Equal(OutboxStatus.Pending, row.Status);

        using var http = new HttpClient();
        var response = await http.GetAsync(bot.HttpAddress + "/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var telegramHealth = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
            .GetProperty("checks").GetProperty("messengers").GetProperty("data").GetProperty("telegram");
        Assert.Equal(down, telegramHealth.GetProperty("unreachableSince").GetDateTimeOffset());

        // Past 48 hours: the next failed try gives it up. Two days down cost it a handful of tries, not one a minute each.
        clock.Advance(TimeSpan.FromHours(1));
        row = await TriedAgainAsync(row.Attempts);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.StartsWith("given up after 48 hours", row.LastError);
        Assert.InRange(row.Attempts, 2, 5);
        Assert.Empty(telegram.Sent);
    }

    /// <summary>Every try the fake refused is stored as an attempt of its row, and none is on the wire.</summary>
    private static async Task<bool> AllTriesStoredAsync(Storage.BotDbContext db, FakeBotApiServer telegram) =>
        !await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Sending) && await db.Outbox.SumAsync(o => o.Attempts) == telegram.OutageRefusals;

    private static string Notice(long chat) => $"خبرنامه {PersianTextDigits(chat)}";

    private static string PersianTextDigits(long n) => Assembly.Conversations.Text.PersianText.ToPersianDigits(n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<long> EnqueueAsync(BotTestHost bot, long chatId, string text, OutboxPriority priority)
    {
        await using var db = bot.Db();
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var row = OutboxWriter.Enqueue(db, new TextMessage(text) { To = new ChatAddress("telegram", chatId), ToKind = ChatKind.Private, Priority = priority }, now);
        await db.SaveChangesAsync();
        bot.Services.GetRequiredService<OutboxSignal>().Wake("telegram");
        return row.Id;
    }
}
