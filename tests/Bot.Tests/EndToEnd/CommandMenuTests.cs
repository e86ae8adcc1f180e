using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Commands;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>The messenger's command menu (setMyCommands), published at start from the catalog.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class CommandMenuTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static readonly FakeBotApiOptions Bale = new()
    {
        Token = "987654:BALE-token_xyz",
        BotUsername = "assembly_bale_bot",
        IgnoreLongPollTimeout = true,
        ChatTypeForGroups = "group",
    };

    [Fact]
    public async Task The_members_menu_is_published_on_each_messenger_at_start_in_the_default_scope()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(Bale);
        await using var bot = await BotTestHost.StartAsync(database, telegram, bale);

        await telegram.WaitUntilAsync(t => t.Menus.Count >= 1, Wait);
        await bale.WaitUntilAsync(b => b.Menus.Count >= 1, Wait);

        var expected = CommandMenu.Members.Select(m => (m.Name, m.Description)).ToList();
        foreach (var fake in new[] { telegram, bale })
        {
            var menu = Assert.Single(fake.Menus);
            Assert.Null(menu.ScopeType);
            Assert.Equal(expected, menu.Commands);
        }

        Assert.Contains(("report", Texts.ReportHelp), expected);
        Assert.DoesNotContain(expected, c => c.Name == "inbox");
    }

    [Fact]
    public async Task A_messenger_that_refuses_the_menu_is_noted_once_at_information_and_the_bot_goes_on()
    {
        using var database = new TestDatabase();
        var logs = new LogCollector();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions
        {
            Token = Bale.Token,
            BotUsername = Bale.BotUsername,
            IgnoreLongPollTimeout = true,
            ChatTypeForGroups = "group",
            RefuseSetMyCommands = true,
        });
        await using var bot = await BotTestHost.StartAsync(database, telegram, bale, logs);

        static bool Refused(string line) => line.Contains("command menu was refused", StringComparison.Ordinal);
        await Eventually.TrueAsync(() => logs.Lines.Any(Refused));
        bale.EnqueueText(78, "/start", "سارا");
        await bale.WaitUntilAsync(b => b.SentTo(78).Count >= 1, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram, bale);

        Assert.Equal(Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"), Assert.Single(bale.SentTo(78)).Text);
        var refused = Assert.Single(logs.Lines, Refused);
        Assert.StartsWith("Information ", refused);
        Assert.Contains("bale", refused);
        Assert.Empty(bale.Menus);
        await telegram.WaitUntilAsync(t => t.Menus.Count == 1, Wait);
    }
}
