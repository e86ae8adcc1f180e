using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// A number proves nothing until the messenger shares it from its owner's own account: a grant to a number waits
/// for that proof, on either messenger, through the real host and the fake Bot API.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class IdentityTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long Admin = 1, Imposter = 800, Owner = 801;
    private const string Assembly = "مجمع بسیجیان شهرستان کاشان";

    public static TheoryData<string> Messengers() => new() { "telegram", "bale" };

    [Theory]
    [MemberData(nameof(Messengers))]
    public async Task A_typed_number_gets_no_role_and_its_verified_owner_takes_the_number_and_the_role(string messenger)
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        var fake = messenger == "bale" ? bale : telegram;
        await using var bot = await BotTestHost.StartAsync(database, telegram, bale, settings: new Dictionary<string, string?>
        {
            ["Access:Admins:0"] = $"{messenger}:{Admin}",
        });

        await Says(fake, Admin, "/grant 09131234567 staff rajaei", Texts.Granted("۰۹۱۳۱۲۳۴۵۶۷", "کارشناس دبیرخانه شهید رجایی"));

        // Somebody else types the granted number at registration: accepted as theirs to use, proof of nothing.
        await RegisterAsync(fake, bot, Imposter, "علی رضایی", () => fake.EnqueueText(Imposter, "09131234567"));
        await Says(fake, Imposter, "/inbox", Texts.UnknownCommand("/inbox"));
        await Says(fake, Admin, "/staff", Texts.PendingGrantsHeader, contains: true);

        // The number's owner shares it from their own account: the role is theirs, the typist loses the number.
        await RegisterAsync(fake, bot, Owner, "حسن موسوی", () => fake.EnqueueContact(Owner, "+989131234567"));
        await Says(fake, Owner, "/inbox", Texts.InboxEmpty);
        await Says(fake, Imposter, "/inbox", Texts.UnknownCommand("/inbox"));
        await fake.WaitUntilAsync(f => f.SentTo(Admin).Any(m => m.Text == Texts.NumberTakenOver("۰۹۱۳۱۲۳۴۵۶۷", ["علی رضایی"])), Wait);

        await using var db = bot.Db();
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([(null, false), ("+989131234567", true)], members.Select(m => (m.Phone, m.PhoneVerified)));

        // The admin was told once, and no staff message reached the typist.
        await bot.WaitUntilQuietAsync(Wait, telegram, bale);
        Assert.Single(fake.SentTo(Admin), m => m.Text == Texts.NumberTakenOver("۰۹۱۳۱۲۳۴۵۶۷", ["علی رضایی"]));
        Assert.Equal(2, fake.SentTo(Imposter).Count(m => m.Text == Texts.UnknownCommand("/inbox")));
    }

    [Theory]
    [MemberData(nameof(Messengers))]
    public async Task A_contact_without_its_owners_account_counts_as_typed(string messenger)
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        var fake = messenger == "bale" ? bale : telegram;
        await using var bot = await BotTestHost.StartAsync(database, telegram, bale, settings: new Dictionary<string, string?>
        {
            ["Access:Admins:0"] = $"{messenger}:{Admin}",
        });

        await Says(fake, Admin, "/grant 09131234567 organizer", Texts.Granted("۰۹۱۳۱۲۳۴۵۶۷", Texts.RoleOrganizer));
        await RegisterAsync(fake, bot, Owner, "حسن موسوی", () => fake.EnqueueContact(Owner, "+989131234567", withoutOwner: true));
        await Says(fake, Owner, "/announce", Texts.UnknownCommand("/announce"));

        await using var db = bot.Db();
        Assert.False((await db.Members.SingleAsync()).PhoneVerified);
    }

    [Fact]
    public async Task On_upgrade_the_start_up_log_names_each_grant_only_a_typed_number_had_matched_without_the_whole_number()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using (var before = await BotTestHost.StartAsync(database, telegram))
        {
            // As an older version left it: a member who typed the number, and a grant to that number.
            await using var db = before.Db();
            db.Members.Add(new Storage.Entities.Member { Name = "علی رضایی", Phone = "+989131234567", County = "کاشان", CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime });
            db.RoleGrants.Add(new Storage.Entities.RoleGrant { Who = "phone:+989131234567", Role = Storage.Entities.Role.Staff, Secretariat = "rajaei", GrantedBy = "telegram:1" });
            db.RoleGrants.Add(new Storage.Entities.RoleGrant { Who = "phone:+989139999999", Role = Storage.Entities.Role.Organizer, GrantedBy = "telegram:1" });
            await db.SaveChangesAsync();
        }

        var logs = new LogCollector();
        // Said beside the first polls, one after another; once the host has stopped, all of them are in.
        await using (var after = await BotTestHost.StartAsync(database, telegram, logs: logs))
            await logs.WaitForAsync(l => l.Contains("waits: a member typed that number"), Wait);
        var lines = logs.Lines.Where(l => l.Contains("waits: a member typed that number")).ToList();
        var line = Assert.Single(lines); // the number nobody typed is only pending, not a grant that stopped working
        Assert.Contains("ending 4567", line);
        Assert.Contains("rajaei", line);
        Assert.DoesNotContain("9131234567", logs.All);
    }

    private static async Task Says(FakeBotApiServer fake, long user, string text, string expect, bool contains = false)
    {
        var before = fake.SentTo(user).Count;
        fake.EnqueueText(user, text);
        await fake.WaitUntilAsync(f => f.SentTo(user).Skip(before).Any(m => contains ? m.Text!.Contains(expect) : m.Text!.StartsWith(expect, StringComparison.Ordinal)), Wait);
    }

    private static async Task Presses(FakeBotApiServer fake, BotTestHost bot, long user, string value, string expect)
    {
        await using var db = bot.Db();
        var step = (await db.Conversations.SingleAsync(c => c.ChatId == user)).Step;
        var before = fake.SentTo(user).Count;
        fake.EnqueueCallback(user, Conversations.Flows.FlowButtons.Data(step, value), fake.SentTo(user)[^1].MessageId);
        await fake.WaitUntilAsync(f => f.SentTo(user).Skip(before).Any(m => m.Text!.StartsWith(expect, StringComparison.Ordinal)), Wait);
    }

    private static async Task RegisterAsync(FakeBotApiServer fake, BotTestHost bot, long user, string name, Action givePhone)
    {
        await Says(fake, user, "/start", Texts.RegistrationStart(Assembly));
        await Says(fake, user, name, Texts.AskPhoneAndWhoSees);
        var before = fake.SentTo(user).Count;
        givePhone();
        await fake.WaitUntilAsync(f => f.SentTo(user).Skip(before).Any(m => m.Text == Texts.AskCounty), Wait);
        await Presses(fake, bot, user, "0", Texts.AskWorkingGroup);
        await Presses(fake, bot, user, "none", Texts.Registered(name));
    }
}
