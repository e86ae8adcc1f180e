using Assembly.Bot.Configuration;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// On PostgreSQL, every path that changes a report takes its lock before reading it: while another transaction holds
/// «report:CODE», each of them fails on the lock (the turns here give up after a short lock timeout instead of
/// waiting) and the report stays as it was; once the lock is free the same update goes through.
/// </summary>
public sealed class ReportLockTests : IDisposable
{
    private const long Rajaei = 201, Reporter = 501, Follower = 600;
    private const string LockNotAvailable = "55P03";

    private readonly TestDatabase _database = new();
    private readonly DbContextOptions<PostgresBotDbContext> _options;
    private readonly TurnRouter _router;
    private readonly DateTime _now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private long _messageId = 100;

    public ReportLockTests()
    {
        // A turn that would wait for a held lock gives up soon, with lock_not_available, instead of waiting forever.
        var connection = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Options = "-c lock_timeout=300" }.ConnectionString;
        var builder = new DbContextOptionsBuilder<PostgresBotDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = connection });
        _options = builder.Options;
        using (var db = _database.Open()) db.Database.Migrate();
        using var config = BotOptions.Read(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection([KeyValuePair.Create("Assembly:Secretariats:1:Staff:0", (string?)"telegram:201")])
            .Build());
        var access = config.Get<AccessOptions>();
        var context = new FlowContext(config.Get<AssemblyOptions>(), config.Get<ConversationOptions>(), config.Get<DeadlineOptions>(),
            config.Get<MeetingOptions>(), access);
        var staff = new StaffDesk(context, access);
        _router = new TurnRouter(context.Assembly, new PrivateChat(context, staff), staff);
    }

    public void Dispose() => _database.Dispose();

    private async Task SendAsync(string messenger, long user, IncomingKind kind, Func<IncomingMessage, IncomingMessage> shape)
    {
        var message = shape(new IncomingMessage(new ChatAddress(messenger, user), ChatKind.Private, kind, new Sender(user, "عضو", null, null),
            MessageId: Interlocked.Increment(ref _messageId)));
        await using var db = new PostgresBotDbContext(_options);
        await using var tx = await db.Database.BeginTransactionAsync();
        var turn = new Turn(db, message, _now);
        await _router.HandleAsync(turn, CancellationToken.None);
        foreach (var outgoing in turn.Outgoing) OutboxWriter.Enqueue(db, outgoing, _now);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    private Task Say(string messenger, long user, string text) => SendAsync(messenger, user, IncomingKind.Text, m => m with { Text = text });

    private Task PressData(string messenger, long user, string data) =>
        SendAsync(messenger, user, IncomingKind.ButtonPress, m => m with { ButtonData = data, ButtonPressId = Guid.NewGuid().ToString("N") });

    private async Task Press(string messenger, long user, string value)
    {
        int step;
        await using (var db = _database.Open())
            step = (await db.Conversations.SingleAsync(c => c.Messenger == messenger && c.ChatId == user)).Step;
        await PressData(messenger, user, FlowButtons.Data(step, value));
    }

    private async Task RegisterAsync(string messenger, long user, string phone)
    {
        await Say(messenger, user, "/start");
        await Say(messenger, user, "زهرا احمدی");
        await Say(messenger, user, phone);
        await Press(messenger, user, "0");
        await Press(messenger, user, "none");
    }

    /// <summary>From the menu to the preview of a report on water in Kashan (the Rajaei secretariat).</summary>
    private async Task PreviewAsync(string messenger, long user, string description)
    {
        await Say(messenger, user, "/report");
        await Press(messenger, user, "4");
        await Say(messenger, user, description);
        await Press(messenger, user, "done");
        await Press(messenger, user, "0");
        await Say(messenger, user, "خیابان امیرکبیر");
        await Press(messenger, user, "skip");
        await Press(messenger, user, "named");
    }

    private async Task<(int Version, int Events)> StateAsync(string code)
    {
        await using var db = _database.Open();
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code);
        return report is null ? (0, 0) : (report.Version, await db.ReportEvents.CountAsync(e => e.ReportId == report.Id));
    }

    /// <summary>While another transaction holds the report's lock the update fails on it and changes nothing; then it goes through.</summary>
    private async Task WaitsForTheLockAsync(string code, Func<Task> update)
    {
        var before = await StateAsync(code);
        await using (var holder = _database.Open())
        {
            await using var tx = await holder.Database.BeginTransactionAsync();
            await TransactionLocks.TakeAsync(holder, ReportAggregate.LockName(code), CancellationToken.None);
            var refused = await Assert.ThrowsAnyAsync<Exception>(update);
            Assert.Equal(LockNotAvailable, Assert.IsType<PostgresException>(refused is PostgresException ? refused : refused.InnerException).SqlState);
            Assert.Equal(before, await StateAsync(code));
        }

        await update();
        Assert.NotEqual(before, await StateAsync(code));
    }

    [PostgresFact]
    public async Task Every_path_that_changes_a_report_takes_its_lock_before_reading_it()
    {
        await RegisterAsync("telegram", Reporter, "09121111111");
        await PreviewAsync("telegram", Reporter, "آب آشامیدنی محله فین سه روز است قطع شده چون لوله اصلی ترکیده");
        // Filing: the new report's code is known before it is written, and its lock is taken like any other.
        await WaitsForTheLockAsync("RJ-1001", () => Press("telegram", Reporter, "submit"));

        await WaitsForTheLockAsync("RJ-1001", () => Say("telegram", Rajaei, "/reply RJ-1001 پیگیری می‌کنیم"));
        await WaitsForTheLockAsync("RJ-1001", () => Say("telegram", Rajaei, "/note RJ-1001 با آبفا تماس گرفتیم"));
        await WaitsForTheLockAsync("RJ-1001", () => PressData("telegram", Rajaei, "st:stage:RJ-1001:followup"));
        await WaitsForTheLockAsync("RJ-1001", () => Say("telegram", Rajaei, "/followup RJ-1001 ۱۴۰۵/۱۰/۰۱ نامه فرستاده شد"));

        await PressData("telegram", Reporter, MyReports.AddPrefix + "RJ-1001");
        await WaitsForTheLockAsync("RJ-1001", () => Say("telegram", Reporter, "امروز هم آب نیامد"));

        await RegisterAsync("bale", Follower, "09122222222");
        await PreviewAsync("bale", Follower, "سه روز است آب آشامیدنی محله فین قطع شده");
        await WaitsForTheLockAsync("RJ-1001", () => Press("bale", Follower, "f:RJ-1001"));

        await WaitsForTheLockAsync("RJ-1001", () => Say("telegram", Rajaei, "/close RJ-1001 resolved آب وصل شد"));
        await WaitsForTheLockAsync("RJ-1001", () => PressData("telegram", Reporter, Satisfaction.Data("RJ-1001", resolved: false)));
        await WaitsForTheLockAsync("RJ-1001", () => Say("telegram", Rajaei, "/route RJ-1001 modarres"));
    }
}
