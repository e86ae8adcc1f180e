using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>Bulk messages keep to the configured limits; a member's reply overtakes them.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class BulkPacingTests
{
    [Fact]
    public async Task Bulk_keeps_the_overall_and_per_chat_limits_and_a_reply_goes_ahead_of_it()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?>
        {
            ["Messengers:Telegram:Limits:BulkPerSecond"] = "10",
            ["Messengers:Telegram:Limits:PerChatPerSecond"] = "1",
        });

        // A first exchange opens the connection, so the timings below are the pacer's, not the TCP handshake's.
        telegram.EnqueueText(4000, "/help");
        await telegram.WaitUntilAsync(t => t.Sent.Count >= 1, TimeSpan.FromSeconds(15));

        for (var chat = 1; chat <= 25; chat++)
            await SendFailureTests.EnqueueBulkAsync(bot, chat, $"اطلاعیه {chat}");
        for (var i = 1; i <= 3; i++)
            await SendFailureTests.EnqueueBulkAsync(bot, 99, $"یادآوری {i}");
        telegram.EnqueueText(4001, "/help");

        await telegram.WaitUntilAsync(t => t.Sent.Count >= 30, TimeSpan.FromSeconds(30));
        var sent = telegram.Sent.Skip(1).ToList();

        // The reply did not wait behind the queue of 28 bulk messages.
        var reply = sent.FindIndex(m => m.ChatId == 4001);
        Assert.Equal(Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان"), sent[reply].Text);
        Assert.True(reply < 10, $"the reply went out as message {reply + 1} of {sent.Count}");

        // Never more than 10 bulk messages in any one second (a little slack for the network's jitter).
        var bulk = sent.Where(m => m.ChatId < 4000).Select(m => m.At).Order().ToList();
        for (var k = 10; k < bulk.Count; k++)
            Assert.True(bulk[k] - bulk[k - 10] >= TimeSpan.FromMilliseconds(950), $"11 bulk messages within a second at {k}");

        // One chat's three reminders arrive in order, a second apart.
        var reminders = telegram.SentTo(99);
        Assert.Equal(["یادآوری 1", "یادآوری 2", "یادآوری 3"], reminders.Select(m => m.Text));
        Assert.True(reminders[1].At - reminders[0].At >= TimeSpan.FromMilliseconds(900));
        Assert.True(reminders[2].At - reminders[1].At >= TimeSpan.FromMilliseconds(900));

        // Outcomes are written just after the answers come back.
        await Eventually.StoredAsync(bot, async db => await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent) == 30);
    }
}
