using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Commands;
using Assembly.Conversations.Staff;
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
            var menu = Assert.Single(fake.Menus, m => m.ScopeType is null);
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

    private static readonly Dictionary<string, string?> AdminAndStaff = new()
    {
        ["Access:Admins:0"] = "telegram:1",
        ["Access:Admins:1"] = "bale:1",
        ["Assembly:Secretariats:1:Staff:0"] = "telegram:201",
    };

    private static List<(string, string)> MenuOf(Actor? actor) => CommandMenu.For(actor).Select(m => (m.Name, m.Description)).ToList();

    private static Actor Staff(string secretariat) => new("telegram:0", null, false, new HashSet<string> { secretariat }, false);

    [Fact]
    public async Task Those_who_hold_a_role_at_start_get_their_menu_in_their_own_chat_on_telegram_and_none_is_set_per_chat_on_bale()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(Bale);
        await using var bot = await BotTestHost.StartAsync(database, telegram, bale, settings: AdminAndStaff);

        await telegram.WaitUntilAsync(t => t.MenusOf(1).Count == 1 && t.MenusOf(201).Count == 1, Wait);
        await bale.WaitUntilAsync(b => b.Menus.Count >= 1, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram, bale);

        Assert.Equal(MenuOf(new Actor("telegram:1", null, true, new HashSet<string>(), false)), telegram.MenuIn(1));
        Assert.Equal(MenuOf(Staff("rajaei")), telegram.MenuIn(201));
        Assert.Contains(("inbox", Texts.InboxHelp), telegram.MenuIn(201));
        Assert.DoesNotContain(telegram.MenuIn(201), c => c.Command is "grant" or "announce");
        Assert.Equal(MenuOf(null), telegram.MenuIn(501));
        // Bale documents no scopes: a chat's menu there could become everyone's, so only the members' is set.
        Assert.Equal([null], bale.Menus.Select(m => m.ScopeType));
    }

    [Fact]
    public async Task A_grant_gives_that_persons_chat_the_staff_menu_and_a_revocation_gives_the_members_menu_back()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: AdminAndStaff);
        await telegram.WaitUntilAsync(t => t.MenusOf(1).Count == 1, Wait);

        telegram.EnqueueText(1, "/grant telegram:301 کارشناس مدرس", "مدیر");
        await telegram.WaitUntilAsync(t => t.MenusOf(301).Count == 1, Wait);
        Assert.Equal(MenuOf(Staff("modarres")), telegram.MenuIn(301));
        Assert.Equal("chat", telegram.MenusOf(301)[0].ScopeType);

        telegram.EnqueueText(1, "/revoke telegram:301 کارشناس مدرس", "مدیر");
        await telegram.WaitUntilAsync(t => t.MenusOf(301).Count == 2, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        Assert.True(telegram.MenusOf(301)[1].Deleted);
        Assert.Equal(MenuOf(null), telegram.MenuIn(301));
        Assert.Equal(Texts.Revoked("telegram:301", Texts.RoleStaffOf("دبیرخانه شهید مدرس")), telegram.SentTo(1)[^1].Text);
    }
}
