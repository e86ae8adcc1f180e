using Assembly.Bot.Configuration;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Assembly.Bot.Tests.Support;

/// <summary>
/// Drives the brain directly, with no network: each call is one update handled in its own context on a real
/// in-memory SQLite database, so every answer is rebuilt from what was stored (as after a restart).
/// </summary>
public sealed class ChatHarness : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<BotDbContext> _options;
    private readonly TurnRouter _router;
    private long _nextMessageId = 100;

    public ChatHarness(params (string Key, string? Value)[] settings)
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<BotDbContext>().UseSqlite(_connection).Options;
        MigratedTemplate.CopyTo(_connection);
        using var config = BotOptions.Read(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)))
            .Build());
        Access = config.Get<Conversations.Organisation.AccessOptions>();
        Context = new FlowContext(config.Get<Conversations.Organisation.AssemblyOptions>(), config.Get<Conversations.Organisation.ConversationOptions>(),
            config.Get<Conversations.Organisation.DeadlineOptions>(), config.Get<Conversations.Organisation.MeetingOptions>(), Access);
        var staff = new Assembly.Conversations.Staff.StaffDesk(Context, Access);
        _router = new TurnRouter(Context.Assembly, new PrivateChat(Context, staff), staff);
    }

    public FlowContext Context { get; }

    public Conversations.Organisation.AccessOptions Access { get; }

    /// <summary>What the deadline watch would queue at <see cref="Now"/> (and marks done, as it does).</summary>
    public async Task<IReadOnlyList<TextMessage>> DeadlinesDueAsync()
    {
        await using var db = Db();
        var due = await Conversations.Staff.Deadlines.DueAsync(db, Context, Access, Now, CancellationToken.None);
        await db.SaveChangesAsync();
        return due.OfType<TextMessage>().ToList();
    }

    /// <summary>Who speaks next; change it to play another person or messenger.</summary>
    public (string Messenger, long UserId, string Name) As { get; set; } = ("telegram", 501, "زهرا");

    /// <summary>The clock every turn and the scheduler read; tests move it.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public DateTime Now
    {
        get => Clock.GetUtcNow().UtcDateTime;
        set => Clock.SetUtcNow(new DateTimeOffset(value, TimeSpan.Zero));
    }

    /// <summary>Session reminders due at <see cref="Now"/> (marked sent, as the scheduler does).</summary>
    public async Task<IReadOnlyList<TextMessage>> RemindersDueAsync()
    {
        await using var db = Db();
        var due = await Conversations.Meetings.MeetingNotices.DueRemindersAsync(db, Context, Now, CancellationToken.None);
        await db.SaveChangesAsync();
        return due.OfType<TextMessage>().ToList();
    }

    public BotDbContext Db() => new(_options);

    public Task<Reply> Say(string text) => Send(IncomingKind.Text, m => m with { Text = text });

    /// <summary>Presses the button with this value under the current step's question.</summary>
    public async Task<Reply> Press(string value)
    {
        int step;
        await using (var db = Db())
            step = (await db.Conversations.SingleAsync(c => c.Messenger == As.Messenger && c.ChatId == As.UserId)).Step;
        return await PressData(FlowButtons.Data(step, value));
    }

    public Task<Reply> PressData(string data) =>
        Send(IncomingKind.ButtonPress, m => m with { ButtonData = data, ButtonPressId = Guid.NewGuid().ToString("N") });

    public Task<Reply> ShareContact(string phone, long? ownerId = null) =>
        Send(IncomingKind.Contact, m => m with { Contact = new SharedContact(phone, ownerId ?? As.UserId, As.Name) });

    public Task<Reply> ShareLocation() => Send(IncomingKind.Location, m => m with { Location = new GeoPoint(33.98, 51.43) });

    /// <param name="album">The media group the file is one of, as the messenger marks an album's files.</param>
    public Task<Reply> SendFile(AttachmentKind kind, long size = 50_000, string? album = null, string? caption = null) =>
        Send(IncomingKind.Media, m => m with
        {
            Attachment = new Attachment(kind, $"file-{Interlocked.Increment(ref _nextMessageId)}", FileSize: size), MediaGroupId = album, Text = caption,
        });

    public async Task<int> StepAsync()
    {
        await using var db = Db();
        return (await db.Conversations.SingleAsync(c => c.Messenger == As.Messenger && c.ChatId == As.UserId)).Step;
    }

    /// <summary>The current person writes in a group (a staff chat or any other) instead of their private chat.</summary>
    public Task<Reply> SayIn(long groupId, string text) =>
        Send(IncomingKind.Text, m => m with { Text = text, Chat = new ChatAddress(As.Messenger, groupId), ChatKind = ChatKind.Group, ChatTitle = "گروه" });

    public async Task<Reply> Send(IncomingKind kind, Func<IncomingMessage, IncomingMessage> shape)
    {
        var message = shape(new IncomingMessage(new ChatAddress(As.Messenger, As.UserId), ChatKind.Private, kind,
            new Sender(As.UserId, As.Name, null, null), MessageId: Interlocked.Increment(ref _nextMessageId)));
        await using var db = Db();
        await using var tx = await db.Database.BeginTransactionAsync();
        var turn = new Turn(db, message, Now);
        await _router.HandleAsync(turn, CancellationToken.None);
        var written = Written(db, turn.Outgoing);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        // A statistic or an export the turn queued is served after its commit, as the read worker does, on a snapshot
        // of its own; here at once, so its answer is part of this reply.
        if (turn.ReadQueued) written.AddRange(await ServeReadsAsync());
        return new Reply(written.Select(w => w.Part).ToList(), written.Select(w => w.Row.SentMessageId!.Value).ToList(), message.Chat);
    }

    /// <summary>
    /// As the pipeline writes them, then as if the sender had sent each at once: rows with the messenger's message id.
    /// What was written, part by part: a message too long for one goes as several (MessageLimits).
    /// </summary>
    private List<(OutgoingMessage Part, OutboxMessage Row)> Written(BotDbContext db, IEnumerable<OutgoingMessage> outgoing)
    {
        var written = outgoing.SelectMany(o => OutboxWriter.EnqueueParts(db, o, Now)).ToList();
        foreach (var (part, row) in written)
        {
            row.Status = OutboxStatus.Sent;
            // An edited message keeps its id, as the messenger answers an edit.
            row.SentMessageId = part is TextEdit edit ? edit.MessageId : Interlocked.Increment(ref _nextMessageId);
        }

        return written;
    }

    /// <summary>
    /// Serves every waiting statistics request nobody has claimed (one claimed is being read by a live worker): read on
    /// a read-only snapshot, answered and deleted in one write.
    /// </summary>
    public async Task<List<(OutgoingMessage Part, OutboxMessage Row)>> ServeReadsAsync()
    {
        var answers = new List<(ReadRequest Request, IReadOnlyList<OutgoingMessage> Answer)>();
        await using (var reader = Db())
        await using (await ReadSnapshot.BeginAsync(reader, CancellationToken.None))
            foreach (var request in await reader.ReadRequests.AsNoTracking().Where(r => r.ClaimedBy == null).OrderBy(r => r.Id).ToListAsync())
                answers.Add((request, await Conversations.Statistics.StatisticsWork.AnswerAsync(reader, request, Context, CancellationToken.None)));

        await using var db = Db();
        await using var tx = await db.Database.BeginTransactionAsync();
        var written = new List<(OutgoingMessage Part, OutboxMessage Row)>();
        foreach (var (request, answer) in answers)
        {
            await db.ReadRequests.Where(r => r.Id == request.Id).ExecuteDeleteAsync();
            written.AddRange(Written(db, answer));
        }

        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return written;
    }

    /// <summary>Registers the current person with a typed number, county by its index.</summary>
    public async Task RegisterAsync(string phone = "09121234567", int county = 0)
    {
        await Say("/start");
        await Say(As.Name + " احمدی");
        await Say(phone);
        await Press(county.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Press("none");
    }

    /// <summary>
    /// Reports a problem as the current person, from the menu to the preview (and, by default, submits it).
    /// Topic 4 is «آب و برق و گاز» of the Rajaei secretariat, 0 «قوانین و مقررات» of the Modarres one.
    /// </summary>
    public async Task<Reply> FileReportAsync(int topic = 4, string description = "آب آشامیدنی محله فین سه روز است قطع شده",
        int county = 0, string place = "خیابان امیرکبیر", bool anonymous = false, bool submit = true)
    {
        await Say("/report");
        await Press(topic.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Say(description);
        await Press("done");
        await Press(county.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Say(place);
        await Press("skip");
        var preview = await Press(anonymous ? "anonymous" : "named");
        return submit ? await Press("submit") : preview;
    }

    private SqliteConnection? _saved;

    /// <summary>
    /// Keeps a copy of the database as it is now, for <see cref="Restore"/>: many cases run from one prepared state
    /// without preparing it again for each.
    /// </summary>
    public void Save()
    {
        _saved?.Dispose();
        _saved = new SqliteConnection("Data Source=:memory:");
        _saved.Open();
        _connection.BackupDatabase(_saved);
    }

    /// <summary>Puts the database back as it was at <see cref="Save"/>.</summary>
    public void Restore() => (_saved ?? throw new InvalidOperationException("Nothing saved to restore.")).BackupDatabase(_connection);

    public void Dispose()
    {
        _saved?.Dispose();
        _connection.Dispose();
    }
}

/// <summary>
/// One in-memory database migrated once per test run, copied into every harness's: applying every migration again
/// for each of the hundreds of harnesses was a large share of the fast suite's time. The copy is the database exactly
/// as <c>Migrate</c> leaves it, its migrations' history included.
/// </summary>
internal static class MigratedTemplate
{
    private static readonly Lazy<SqliteConnection> Template = new(() =>
    {
        var template = new SqliteConnection("Data Source=:memory:");
        template.Open();
        using var db = new BotDbContext(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(template).Options);
        db.Database.Migrate();
        return template;
    });

    private static readonly Lock Gate = new();

    /// <summary>Writes the migrated database over the one open on this connection.</summary>
    public static void CopyTo(SqliteConnection connection)
    {
        // One connection is not to be used by two threads at once, and harnesses are built in parallel.
        lock (Gate) Template.Value.BackupDatabase(connection);
    }
}

/// <summary>What the bot sent for one update, with the message id each got.</summary>
public sealed record Reply(IReadOnlyList<OutgoingMessage> Messages, IReadOnlyList<long> MessageIds, ChatAddress Speaker)
{
    /// <summary>What went to one chat (a staff member, a group, the reporter).</summary>
    public IReadOnlyList<TextMessage> To(long chatId) => Messages.OfType<TextMessage>().Where(m => m.To.ChatId == chatId).ToList();

    /// <summary>The id the messenger gave the last message sent to a chat, for replying to it.</summary>
    public long IdOfLastTo(long chatId) => MessageIds[Messages.ToList().FindLastIndex(m => m.To.ChatId == chatId)];

    /// <summary>The id of the last new message (not an edit) to a chat.</summary>
    public long IdOfLastSentTo(long chatId) => MessageIds[Messages.ToList().FindLastIndex(m => m.To.ChatId == chatId && m is not TextEdit)];

    /// <summary>The texts sent back to the one who spoke.</summary>
    public IReadOnlyList<string> Texts => Messages.OfType<TextMessage>().Where(m => m.To == Speaker).Select(m => m.Text).ToList();

    /// <summary>The last question asked: what the member is expected to answer now.</summary>
    public TextMessage Last => Messages.OfType<TextMessage>().Last(m => m.To == Speaker);

    public ButtonAnswer? Answer => Messages.OfType<ButtonAnswer>().SingleOrDefault();

    public IReadOnlyList<string> ButtonLabels => Last.Keyboard switch
    {
        InlineKeyboard inline => inline.Rows.SelectMany(r => r).Select(b => b.Label).ToList(),
        ReplyKeyboard reply => reply.Rows.SelectMany(r => r).ToList(),
        _ => [],
    };
}
