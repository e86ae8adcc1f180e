using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

[Trait(Suites.Name, Suites.Slow)]
public sealed class TwoMessengersTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Telegram_and_Bale_are_served_at_once_and_each_user_is_answered_on_their_own_messenger()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions
        {
            Token = "987654:BALE-token_xyz",
            BotUsername = "assembly_bale_bot",
            IgnoreLongPollTimeout = true,
            ChatTypeForGroups = "group",
        });
        await using var bot = await BotTestHost.StartAsync(database, telegram, bale);

        // The same numeric id on both messengers is two different people.
        telegram.EnqueueText(77, "/start", "تلگرام");
        bale.EnqueueText(77, "/help", "بله");
        bale.EnqueueText(78, "/start", "سارا");
        await telegram.WaitUntilAsync(t => t.Sent.Count >= 1, Wait);
        await bale.WaitUntilAsync(b => b.Sent.Count >= 2, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram, bale);

        var onTelegram = Assert.Single(telegram.Sent);
        Assert.Equal(77, onTelegram.ChatId);
        Assert.Equal(Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"), onTelegram.Text);

        Assert.Equal(2, bale.Sent.Count);
        Assert.Equal(Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان"), Assert.Single(bale.SentTo(77)).Text);
        Assert.Equal(Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"), Assert.Single(bale.SentTo(78)).Text);

        await using var db = bot.Db();
        Assert.Equal(["bale", "telegram"], await db.PollCursors.OrderBy(c => c.Messenger).Select(c => c.Messenger).ToListAsync());
        Assert.Equal(2, await db.Chats.CountAsync(c => c.Messenger == "bale"));
    }
}

[Trait(Suites.Name, Suites.Slow)]
public sealed class ProxyTests
{
    [Fact]
    public async Task A_configured_proxy_carries_the_messengers_traffic()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        // The API's own address does not even resolve: only a request through the proxy can arrive. The fake
        // plays the proxy too, reading the absolute address an HTTP proxy is sent.
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?>
        {
            ["Messengers:Telegram:BaseUrl"] = "http://api.telegram.invalid",
            ["Messengers:Telegram:Proxy"] = telegram.BaseUrl,
        });

        telegram.EnqueueText(79, "/help");
        await telegram.WaitUntilAsync(t => t.SentTo(79).Count >= 1, TimeSpan.FromSeconds(15));
        Assert.Equal(Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان"), telegram.SentTo(79)[0].Text);
    }
}
