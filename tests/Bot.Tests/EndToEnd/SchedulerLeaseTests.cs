using System.Diagnostics;
using System.Text;
using Assembly.Bot.Coordination;
using Assembly.Bot.Hosting;
using Assembly.Bot.Scheduling;
using Assembly.Bot.Tests.Support;
using Assembly.FakeBotApi;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>The scheduler runs on one instance at a time, under the database lease.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class SchedulerLeaseTests
{
    private static bool IsReminder(SentMessage m, string title) => m.Text!.StartsWith($"یادآوری: «{title}»", StringComparison.Ordinal);

    /// <summary>Members on Telegram (chats from <paramref name="firstChat"/>) and published sessions for everyone, each with a reminder due now.</summary>
    private static async Task SeedDueRemindersAsync(BotDbContext db, long firstChat, int members, params string[] titles)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        for (var i = 0; i < members; i++)
        {
            var id = firstChat + i;
            db.Members.Add(new Member { Name = $"عضو {id}", Phone = $"+98912{id:0000000}", County = "کاشان", CreatedAt = now, Accounts = { new Account { Messenger = "telegram", UserId = id, ChatId = id } } });
        }

        foreach (var title in titles)
            db.Meetings.Add(new Meeting
            {
                Title = title, StartsAt = now.AddDays(1), Place = "فرمانداری", Agenda = "گزارش کارگروه‌ها", Audience = "all",
                CreatedBy = "telegram:1", CreatedAt = now, Reminders = { new MeetingReminder { DueAt = now.AddSeconds(-1), Before = TimeSpan.FromDays(1) } },
            });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_scheduler_that_lost_its_lease_without_noticing_yet_queues_nothing()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        // The default lease (30 s, renewed every 10 s): the instance goes on believing it holds the lease for this test.
        // Its own scheduler runs once at start, then not for an hour: only the test's runs below count.
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?> { ["Scheduler:IntervalSeconds"] = "3600" });
        var scheduler = bot.Services.GetRequiredService<Scheduler>();
        await Eventually.TrueAsync(() => scheduler.Turns >= 1);
        await using (var db = bot.Db())
        {
            await SeedDueRemindersAsync(db, 9401, 3, "جلسه فصلی");
            // Another instance took the lease meanwhile (this one stalled past its expiry, say).
            await db.Leases.Where(l => l.Name == SchedulerLease.Name).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Holder, "another-host-7-cccccc").SetProperty(l => l.ExpiresAt, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1)));
        }

        Assert.True(MultiInstanceSendingTests.Holds(bot), "the instance should still believe it holds the lease");
        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));
        await using (var check = bot.Db())
        {
            Assert.Null((await check.MeetingReminders.SingleAsync()).SentAt);
            Assert.Empty(await check.Outbox.ToListAsync());
        }

        // Given back, the same run queues the reminders: it was the lease that held them back.
        await using (var db = bot.Db())
            await db.Leases.Where(l => l.Name == SchedulerLease.Name).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Holder, MultiInstanceSendingTests.IdOf(bot)).SetProperty(l => l.ExpiresAt, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1)));
        Assert.Equal(3, await scheduler.RunOnceAsync(CancellationToken.None));
    }

    [PostgresFact]
    public async Task When_the_holder_dies_another_instance_takes_the_lease_within_the_lease_time_and_due_reminders_go_once()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();

        // The holder is a process of its own, killed: nothing of it runs afterwards, no release, no goodbye.
        var info = new ProcessStartInfo("dotnet", [typeof(BotHost).Assembly.Location])
        {
            WorkingDirectory = Path.GetDirectoryName(database.File)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["Storage__Provider"] = database.Provider;
        info.Environment["ConnectionStrings__Bot"] = database.ConnectionString;
        info.Environment["Messengers__Telegram__Token"] = telegram.Token;
        info.Environment["Messengers__Telegram__BaseUrl"] = telegram.BaseUrl;
        info.Environment["Messengers__Telegram__PollTimeoutSeconds"] = "2";
        info.Environment["Messengers__Bale__Token"] = "";
        info.Environment["Instances__LeaseSeconds"] = "3";
        info.Environment["Scheduler__IntervalSeconds"] = "1";
        var output = new StringBuilder();
        using var holder = new Process { StartInfo = info };
        holder.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        holder.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        holder.Start();
        holder.BeginOutputReadLine();
        holder.BeginErrorReadLine();
        BotTestHost? first = null, second = null;
        try
        {
            string? dead = null;
            var started = Stopwatch.StartNew();
            while (dead is null)
            {
                Assert.True(started.Elapsed < TimeSpan.FromSeconds(30) && !holder.HasExited, "the bot process never took the lease:\n" + output);
                await Task.Delay(100);
                try
                {
                    await using var db = database.Open();
                    dead = await db.Leases.Where(l => l.Holder != "").Select(l => l.Holder).SingleOrDefaultAsync();
                }
                catch (Exception e) when (e is Npgsql.PostgresException or InvalidOperationException)
                {
                    // The process has not created the tables yet.
                }
            }

            first = await BotTestHost.StartAsync(database, telegram, settings: MultiInstanceSendingTests.Quick);
            second = await BotTestHost.StartAsync(database, telegram, settings: MultiInstanceSendingTests.Quick);
            Assert.False(MultiInstanceSendingTests.Holds(first) || MultiInstanceSendingTests.Holds(second), "the lease was taken from a live holder");

            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
            var died = Stopwatch.StartNew();
            await using (var db = first.Db())
                await SeedDueRemindersAsync(db, 9501, 20, "اجلاسیه بهار", "اجلاسیه تابستان");

            await Eventually.TrueAsync(() => MultiInstanceSendingTests.Holds(first) || MultiInstanceSendingTests.Holds(second), seconds: 15);
            var tookOver = died.Elapsed;
            // Expiry (at most 3 s after the last renewal) plus one try of the others (every second), with room for a slow machine.
            Assert.True(tookOver < TimeSpan.FromSeconds(6), $"the takeover took {tookOver.TotalSeconds:0.0} s");
            Assert.False(MultiInstanceSendingTests.Holds(first) && MultiInstanceSendingTests.Holds(second), "both instances hold the lease");

            await telegram.WaitUntilAsync(t => t.Sent.Count(m => m.ChatId >= 9501) >= 40, TimeSpan.FromSeconds(15));
            // Two more turns of the scheduler on both instances, then everything they queued sent: a second copy would
            // have come by now.
            var turns = (first.Services.GetRequiredService<Scheduler>().Turns, second.Services.GetRequiredService<Scheduler>().Turns);
            await Eventually.TrueAsync(() => first.Services.GetRequiredService<Scheduler>().Turns >= turns.Item1 + 2
                && second.Services.GetRequiredService<Scheduler>().Turns >= turns.Item2 + 2, seconds: 15);
            await first.WaitUntilQuietAsync(TimeSpan.FromSeconds(15), telegram);
            for (var chat = 9501L; chat < 9521; chat++)
            {
                Assert.Single(telegram.SentTo(chat), m => IsReminder(m, "اجلاسیه بهار"));
                Assert.Single(telegram.SentTo(chat), m => IsReminder(m, "اجلاسیه تابستان"));
            }
        }
        finally
        {
            if (!holder.HasExited) holder.Kill(entireProcessTree: true);
            if (first is not null) await first.DisposeAsync();
            if (second is not null) await second.DisposeAsync();
        }
    }
}
