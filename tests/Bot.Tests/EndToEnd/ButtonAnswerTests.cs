using Assembly.Bot.Sending;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Answers to button presses go straight to the messenger once the press is committed (ButtonAnswerer), not through
/// the outbox: they do not wait behind the chat's messages, leave no row, and a 429 is waited out and retried.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class ButtonAnswerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_press_is_answered_while_its_chats_messages_wait_and_the_answer_leaves_no_outbox_row()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);
        var welcome = await WelcomeAsync(telegram, 3001);
        await HoldChatAsync(bot, 3001);

        telegram.EnqueueCallback(3001, "help", welcome.MessageId);
        await telegram.WaitUntilAsync(t => t.Answers.Count >= 1, Wait);

        Assert.Null(Assert.Single(telegram.Answers).Text);
        // The help reply is stored, behind the held message; nothing of the answer is.
        await Eventually.StoredAsync(bot, async db => await db.Outbox.CountAsync(o => o.ChatId == 3001 && o.Status == OutboxStatus.Pending) == 2);
        Assert.Single(telegram.SentTo(3001));
        await using var check = bot.Db();
        Assert.DoesNotContain(await check.Outbox.Select(o => o.Payload).ToListAsync(), payload => payload.Contains("\"answer\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_refused_with_a_429_is_sent_again_after_the_wait_and_only_once()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);
        var welcome = await WelcomeAsync(telegram, 3002);
        // The chat's messages wait, so the next request to the server is the answer.
        await HoldChatAsync(bot, 3002);
        telegram.FailNext(new Fault.TooManyRequests(1), new Fault.ServerError());

        telegram.EnqueueCallback(3002, "help", welcome.MessageId);
        await telegram.WaitUntilAsync(t => t.Answers.Count >= 1, Wait);
        await telegram.WaitUntilAsync(t => t.PendingUpdates == 0, Wait);
        await bot.Services.GetRequiredService<ButtonAnswerer>().DrainAsync(); // every answer the press caused has been made

        Assert.Single(telegram.Answers);
        Assert.Equal(1, telegram.TooManyRequestsAnswered);
    }

    private static async Task<SentMessage> WelcomeAsync(FakeBotApiServer telegram, long userId)
    {
        telegram.EnqueueText(userId, "/start");
        await telegram.WaitUntilAsync(t => t.SentTo(userId).Count >= 1, Wait);
        return telegram.SentTo(userId)[0];
    }

    /// <summary>A message to the chat that may not go for years (as after a long 429): the chat's later messages queue behind it.</summary>
    private static async Task HoldChatAsync(BotTestHost bot, long chatId)
    {
        await using var db = bot.Db();
        var now = DateTime.SpecifyKind(new DateTime(2026, 11, 29), DateTimeKind.Utc);
        var held = OutboxWriter.Enqueue(db, new TextMessage("پیام در انتظار") { To = new ChatAddress("telegram", chatId), ToKind = ChatKind.Private }, now);
        held.NotBefore = now.AddYears(10);
        await db.SaveChangesAsync();
    }
}
