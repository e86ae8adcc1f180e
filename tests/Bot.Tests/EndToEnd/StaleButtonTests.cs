using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;

namespace Assembly.Bot.Tests.EndToEnd;

[Trait(Suites.Name, Suites.Slow)]
public sealed class StaleButtonTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_button_on_a_message_from_before_a_restart_is_answered_and_acts_once()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var first = await BotTestHost.StartAsync(database, telegram);
        telegram.EnqueueText(8001, "/start");
        await telegram.WaitUntilAsync(t => t.SentTo(8001).Count >= 1, Wait);
        var welcome = telegram.SentTo(8001)[0];
        await first.StopAsync();

        await using var second = await BotTestHost.StartAsync(database, telegram);
        // A button whose step no longer exists: a notice on the phone, nothing else.
        telegram.EnqueueCallback(8001, "report:3:topic:rajaei", welcome.MessageId);
        // The help button still means help.
        var press = telegram.EnqueueCallback(8001, "help", welcome.MessageId);
        telegram.Redeliver(press); // and a press delivered twice acts once
        await telegram.WaitUntilAsync(t => t.Answers.Count >= 2 && t.SentTo(8001).Count >= 2, Wait);
        await second.WaitUntilQuietAsync(Wait, telegram);

        // Answers to presses leave in any order (they stand outside the chat's queue); the fake numbers its
        // callback ids in the order the presses were made, so this lines each answer up with its press.
        Assert.Equal([Texts.StaleButton, null], telegram.Answers.OrderBy(a => a.CallbackQueryId, StringComparer.Ordinal).Select(a => a.Text).ToList());
        Assert.Equal(2, telegram.SentTo(8001).Count);
        Assert.Equal(Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان"), telegram.SentTo(8001)[1].Text);
    }
}
