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
/// Statistics and exports are read by the read worker outside the writer's transaction: while one is being read, members
/// are answered, the asker's second request is refused, and the files still arrive; one cut off by a stop is served
/// after the restart.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class HeavyReadTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const long Admin = 1, Stranger = 555;

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

    /// <summary>Holds the worker inside its read until released; says when it got there.</summary>
    private sealed class HeldRead
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void On(BotTestHost bot) => bot.Services.GetRequiredService<ReadWorker>().WhileReading = async (_, ct) =>
        {
            Entered.TrySetResult();
            await Released.Task.WaitAsync(ct);
        };
    }

    [Fact]
    public async Task While_an_export_is_read_a_member_is_answered_a_second_request_is_refused_and_then_the_files_arrive()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: Settings);
        var month = await SeedAsync(bot);
        var held = new HeldRead();
        held.On(bot);

        telegram.EnqueueText(Admin, $"/export {month.Year}/{month.Month}");
        await held.Entered.Task.WaitAsync(Wait);

        // The export is being read, and the writer is free: a member's message is handled and answered meanwhile.
        telegram.EnqueueText(Stranger, "/start");
        await telegram.WaitUntilAsync(t => t.SentTo(Stranger).Count > 0, Wait);
        telegram.EnqueueText(Admin, "/stats");
        await telegram.WaitUntilAsync(t => t.SentTo(Admin).Any(m => m.Text == Texts.StatsStillPreparing), Wait);
        Assert.Empty(telegram.Uploads);
        await using (var db = bot.Db()) Assert.Single(await db.ReadRequests.ToListAsync());

        held.Released.SetResult();
        await telegram.WaitUntilAsync(t => t.Uploads.Count >= 2, Wait);
        Assert.Equal(["sendDocument", "sendDocument"], telegram.Uploads.Select(u => u.Method));
        Assert.Equal(2, telegram.SentTo(Admin).Count(m => m.Method == "sendDocument" && m.Text!.Contains("۲ مسئله")));

        // The first answered, the next request is taken: the message and its two charts.
        telegram.EnqueueText(Admin, "/stats");
        await telegram.WaitUntilAsync(t => t.Uploads.Count >= 4, Wait);
        Assert.Contains(telegram.SentTo(Admin), m => m.Method == "sendMessage" && m.Text!.StartsWith("آمار مسئله‌ها", StringComparison.Ordinal));
        await Eventually.StoredAsync(bot, async db => !await db.ReadRequests.AnyAsync());
    }

    [Fact]
    public async Task A_summary_cut_off_by_a_stop_is_answered_after_the_restart()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var first = await BotTestHost.StartAsync(database, telegram, settings: Settings);
        var month = await SeedAsync(first);
        var held = new HeldRead();
        held.On(first);
        telegram.EnqueueText(Admin, $"/summary {month.Year}");
        await held.Entered.Task.WaitAsync(Wait);
        await first.StopAsync();
        await using (var db = database.Open()) Assert.Single(await db.ReadRequests.ToListAsync());

        await using var second = await BotTestHost.StartAsync(database, telegram, settings: Settings);
        await telegram.WaitUntilAsync(t => t.SentTo(Admin).Any(m => m.Text!.StartsWith("خلاصه کار مجمع", StringComparison.Ordinal)), Wait);
        await Eventually.StoredAsync(second, async db => !await db.ReadRequests.AnyAsync());
    }
}
