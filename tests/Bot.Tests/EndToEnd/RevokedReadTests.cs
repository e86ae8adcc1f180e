using Assembly.Bot.Reading;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Statistics;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Member = Assembly.Storage.Entities.Member;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// A statistic or export waits in the queue; a role revoked meanwhile counts when it is served: the read worker reads the
/// asker's role again, and narrows what it covers or drops it with one line, so a revoked staff member gets no members'
/// phones.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class RevokedReadTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const long Admin = 1, Asker = 2;

    private static readonly Dictionary<string, string?> Settings = new() { ["Access:Admins:0"] = "telegram:1" };

    private static async Task<SolarMonth> SeedAsync(BotTestHost bot)
    {
        var created = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5);
        await using var db = bot.Db();
        var member = new Member { Name = "مریم نطنزی", Phone = "+989121110000", County = "نطنز", CreatedAt = created };
        db.Members.Add(member);
        await db.SaveChangesAsync();
        db.Reports.AddRange(
            new Report { Code = "RJ-1001", MemberId = member.Id, Secretariat = "rajaei", County = "نطنز", Description = "جاده روستا خاکی است", CreatedAt = created, UpdatedAt = created },
            new Report { Code = "BH-1001", MemberId = member.Id, Secretariat = "beheshti", County = "کاشان", Description = "پرونده زمین معطل است", CreatedAt = created, UpdatedAt = created });
        await db.SaveChangesAsync();
        return SolarMonth.Of(created, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran"));
    }

    /// <summary>An admin's command, answered before the next step.</summary>
    private static async Task AdminSaysAsync(FakeBotApiServer telegram, string text)
    {
        var before = telegram.SentTo(Admin).Count;
        telegram.EnqueueText(Admin, text);
        await telegram.WaitUntilAsync(t => t.SentTo(Admin).Count > before, Wait);
    }

    /// <summary>Holds the worker inside its read until released; says when it got there.</summary>
    private static (TaskCompletionSource Entered, TaskCompletionSource Released) Hold(BotTestHost bot)
    {
        var (entered, released) = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
            new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bot.Services.GetRequiredService<ReadWorker>().WhileReading = async (_, ct) =>
        {
            entered.TrySetResult();
            await released.Task.WaitAsync(ct);
        };
        return (entered, released);
    }

    [Fact]
    public async Task An_export_asked_by_staff_whose_role_is_revoked_before_it_is_served_is_dropped_with_one_line()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: Settings);
        var month = await SeedAsync(bot);
        await AdminSaysAsync(telegram, "/grant telegram:2 کارشناس رجایی");
        var (entered, released) = Hold(bot);

        telegram.EnqueueText(Asker, $"/export {month.Year}/{month.Month}");
        await entered.Task.WaitAsync(Wait);
        await AdminSaysAsync(telegram, "/revoke telegram:2 کارشناس رجایی");
        released.SetResult();

        await telegram.WaitUntilAsync(t => t.SentTo(Asker).Any(m => m.Text == Texts.StatsRoleGone), Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);
        Assert.Empty(telegram.Uploads);
        Assert.DoesNotContain(telegram.SentTo(Asker), m => m.Method == "sendDocument");
        await Eventually.StoredAsync(bot, async db => !await db.ReadRequests.AnyAsync());
    }

    [Fact]
    public async Task An_export_of_the_whole_assembly_is_narrowed_to_the_secretariat_an_organizer_still_works_once_the_organizer_role_is_revoked()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: Settings);
        var month = await SeedAsync(bot);
        await AdminSaysAsync(telegram, "/grant telegram:2 برگزارکننده");
        await AdminSaysAsync(telegram, "/grant telegram:2 کارشناس رجایی");
        var (entered, released) = Hold(bot);

        telegram.EnqueueText(Asker, $"/export {month.Year}/{month.Month}");
        await entered.Task.WaitAsync(Wait);
        await using (var db = bot.Db()) Assert.True((await db.ReadRequests.SingleAsync()).Whole);
        await AdminSaysAsync(telegram, "/revoke telegram:2 برگزارکننده");
        released.SetResult();

        await telegram.WaitUntilAsync(t => t.Uploads.Count >= 2, Wait);
        var files = telegram.SentTo(Asker).Where(m => m.Method == "sendDocument").ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Contains("۱ مسئله", f.Text));
    }
}
