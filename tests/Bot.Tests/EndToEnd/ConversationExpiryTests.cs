using Assembly.Bot.Scheduling;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

[Trait(Suites.Name, Suites.Slow)]
public sealed class ConversationExpiryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_idle_conversation_is_given_up_with_a_notice_and_keeps_nothing()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?> { ["Conversations:IdleMinutes"] = "5" });

        telegram.EnqueueText(9101, "/start");
        telegram.EnqueueText(9101, "مینا صالحی");
        await telegram.WaitUntilAsync(t => t.SentTo(9101).Any(m => m.Text == Texts.AskPhoneAndWhoSees), Wait);

        var expiry = bot.Services.GetRequiredService<Scheduler>(); // the scheduler, which also gives up idle conversations
        Assert.Equal(0, await expiry.RunOnceAsync(CancellationToken.None)); // not yet: five minutes have not passed
        await using (var db = bot.Db())
        {
            var conversation = await db.Conversations.SingleAsync();
            Assert.True(conversation.ExpiresAt > TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(4));
            conversation.ExpiresAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await expiry.RunOnceAsync(CancellationToken.None));
        await telegram.WaitUntilAsync(t => t.SentTo(9101).Any(m => m.Text == Texts.Expired(5)), Wait);

        // The next answer finds no conversation: nothing half-made was kept.
        telegram.EnqueueText(9101, "09121234567");
        await telegram.WaitUntilAsync(t => t.SentTo(9101).Any(m => m.Text == Texts.RegisterFirst), Wait);
        await using var check = bot.Db();
        Assert.False((await check.Conversations.SingleAsync()).Active);
        Assert.Empty(await check.Members.ToListAsync());
    }
}
