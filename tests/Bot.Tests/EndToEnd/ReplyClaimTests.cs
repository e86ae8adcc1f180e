using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// The replies a batch of updates writes are claimed by the sender's look inside the batch's own transaction
/// (OutboxLooks) and go on the wire once it commits, with the same rules as the sender's own looks.
/// </summary>
public sealed class ReplyClaimTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_reply_is_claimed_by_the_transaction_that_wrote_it_and_is_never_seen_pending()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);
        long ids = 5_000;
        var driver = new PipelineDriver(bot, () => Interlocked.Increment(ref ids));

        // Read the moment the batch has committed: a reply left to the sender's own look would still be pending then.
        foreach (var chat in Enumerable.Range(4101, 8))
        {
            await driver.SayAsync(chat, "/start");
            await using var db = bot.Db();
            var rows = await db.Outbox.Where(o => o.ChatId == chat).Select(o => o.Status).ToListAsync();
            Assert.NotEmpty(rows);
            Assert.All(rows, status => Assert.Contains(status, new[] { OutboxStatus.Sending, OutboxStatus.Sent }));
        }

        await telegram.WaitUntilAsync(t => Enumerable.Range(4101, 8).All(chat => t.SentTo(chat).Count >= 1), Wait);
        await Eventually.StoredAsync(bot, async db => await db.Outbox.AllAsync(o => o.Status == OutboxStatus.Sent));
    }

    [Fact]
    public async Task A_reply_to_a_chat_whose_earlier_message_waits_is_not_claimed_ahead_of_it()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);
        long ids = 6_000;
        var driver = new PipelineDriver(bot, () => Interlocked.Increment(ref ids));
        await using (var db = bot.Db())
        {
            // A message that may not go for years (as after a long 429): the chat's later messages queue behind it.
            var now = DateTime.SpecifyKind(new DateTime(2026, 11, 29), DateTimeKind.Utc);
            var held = OutboxWriter.Enqueue(db, new TextMessage("پیام در انتظار") { To = new ChatAddress("telegram", 4201), ToKind = ChatKind.Private }, now);
            held.NotBefore = now.AddYears(10);
            await db.SaveChangesAsync();
        }

        await driver.SayAsync(4201, "/start");
        await driver.SayAsync(4202, "/start");

        await telegram.WaitUntilAsync(t => t.SentTo(4202).Count >= 1, Wait);
        await using var check = bot.Db();
        Assert.Equal(2, await check.Outbox.CountAsync(o => o.ChatId == 4201 && o.Status == OutboxStatus.Pending));
        Assert.Empty(telegram.SentTo(4201));
    }
}
