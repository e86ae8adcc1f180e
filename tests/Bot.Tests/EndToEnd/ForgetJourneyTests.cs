using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>An admin's <c>/forget</c> through the real host and the fake Bot API, on whichever database the tests use.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class ForgetJourneyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long Admin = 1, Member = 800;
    private const string Assembly = "مجمع بسیجیان شهرستان کاشان";

    [Fact]
    public async Task An_admin_forgets_a_member_by_account_and_the_member_starts_again_as_a_stranger()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?> { ["Access:Admins:0"] = "telegram:1" });

        await Says(telegram, Member, "/start", Texts.RegistrationStart(Assembly));
        await Says(telegram, Member, "مریم نطنزی", Texts.AskPhoneAndWhoSees);
        await Says(telegram, Member, "09121110000", Texts.AskCounty);
        await Presses(telegram, bot, Member, "0", Texts.AskWorkingGroup);
        await Presses(telegram, bot, Member, "none", Texts.Registered("مریم نطنزی"));
        int id;
        await using (var db = bot.Db())
        {
            id = (await db.Members.SingleAsync()).Id;
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            db.Reports.Add(new Report { Code = "RJ-1001", MemberId = id, Secretariat = "rajaei", County = "کاشان", Description = "جاده روستا خاکی است", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        var described = Texts.MemberDescribed("مریم نطنزی", "۰۹۱۲۱۱۱۰۰۰۰", ["telegram:800"]);
        await Says(telegram, Admin, "/forget telegram:800", Texts.ForgetAskAdmin(described));
        await Presses(telegram, bot, Admin, "forget", Texts.MemberForgotten(described));

        await using (var db = bot.Db())
        {
            var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == id);
            Assert.Equal(("", (string?)null), (member.Name, member.Phone));
            Assert.NotNull(member.ForgottenAt);
            Assert.False(await db.Accounts.AnyAsync());
            Assert.True(await db.Reports.Where(r => r.Code == "RJ-1001").Select(r => r.Anonymous).SingleAsync());
            Assert.DoesNotContain(await db.Outbox.Where(o => o.ChatId == Member).Select(o => o.Payload).ToListAsync(), p => p.Contains("مریم"));
        }

        await Says(telegram, Member, "/start", Texts.RegistrationStart(Assembly));
    }

    private static async Task Says(FakeBotApiServer fake, long user, string text, string expect)
    {
        var before = fake.SentTo(user).Count;
        fake.EnqueueText(user, text);
        await fake.WaitUntilAsync(f => f.SentTo(user).Skip(before).Any(m => m.Text == expect), Wait);
    }

    private static async Task Presses(FakeBotApiServer fake, BotTestHost bot, long user, string value, string expect)
    {
        int step;
        await using (var db = bot.Db())
            step = (await db.Conversations.SingleAsync(c => c.ChatId == user)).Step;
        var before = fake.SentTo(user).Count;
        fake.EnqueueCallback(user, FlowButtons.Data(step, value), fake.SentTo(user)[^1].MessageId);
        await fake.WaitUntilAsync(f => f.SentTo(user).Skip(before).Any(m => m.Text == expect), Wait);
    }
}
