using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// The answer to a button press stands outside its chat's queue of messages: the message that answers the press
/// goes without waiting for it, and it goes without waiting for the chat's messages.
/// </summary>
public sealed class ButtonAnswerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_message_is_not_held_up_by_a_button_answer_of_its_chat_that_must_wait()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);
        var chat = new ChatAddress("telegram", 3001);

        await using (var db = bot.Db())
        {
            var now = DateTime.SpecifyKind(new DateTime(2026, 11, 29), DateTimeKind.Utc);
            // The answer comes first and may not go for an hour (as after a 429); the message after it may go at once.
            var answer = OutboxWriter.Enqueue(db, new ButtonAnswer("press-1") { To = chat, ToKind = ChatKind.Private }, now);
            answer.NotBefore = now.AddYears(10);
            OutboxWriter.Enqueue(db, new TextMessage("پرسش بعدی") { To = chat, ToKind = ChatKind.Private }, now);
            await db.SaveChangesAsync();
            Assert.Equal(OutboxPriority.ButtonAnswer, answer.Priority);
        }

        await telegram.WaitUntilAsync(t => t.SentTo(3001).Count >= 1, Wait);
        Assert.Equal("پرسش بعدی", Assert.Single(telegram.SentTo(3001)).Text);
        await Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Sent));
        await using var check = bot.Db();
        Assert.Equal(OutboxStatus.Pending, (await check.Outbox.SingleAsync(o => o.Priority == OutboxPriority.ButtonAnswer)).Status);
    }

    [Fact]
    public async Task A_button_answer_is_not_held_up_by_a_message_of_its_chat_that_must_wait()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);
        var chat = new ChatAddress("telegram", 3002);

        await using (var db = bot.Db())
        {
            var now = DateTime.SpecifyKind(new DateTime(2026, 11, 29), DateTimeKind.Utc);
            var message = OutboxWriter.Enqueue(db, new TextMessage("پیام در انتظار") { To = chat, ToKind = ChatKind.Private }, now);
            message.NotBefore = now.AddYears(10);
            OutboxWriter.Enqueue(db, new ButtonAnswer("press-2") { To = chat, ToKind = ChatKind.Private }, now);
            await db.SaveChangesAsync();
        }

        // Sent, and refused by the fake, which knows no press "press-2": either way it went while the message waits.
        await Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.Priority == OutboxPriority.ButtonAnswer && o.Status == OutboxStatus.Failed));
        Assert.Empty(telegram.SentTo(3002));
        await using var check = bot.Db();
        Assert.Equal(OutboxStatus.Pending, (await check.Outbox.SingleAsync(o => o.Priority == OutboxPriority.Interactive)).Status);
    }
}
