using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Statistics;

/// <summary>
/// /stats, /export and /summary are queued by the turn and served afterwards on a snapshot (the harness serves them
/// after the turn's commit, as the read worker does): one request waiting per person, periods of five years at most.
/// </summary>
public sealed class ReadRequestTests : IAsyncLifetime
{
    private const long Admin = 1, Rajaei = 201, Organizer = 301, StaffChat = -1002;

    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-1002"));

    public async Task InitializeAsync()
    {
        await using (var db = _chat.Db()) await KnownReports.SeedAsync(db, _chat.Context.Zone, _chat.Now);
        await As(Admin, "/start");
        await As(Rajaei, "/start");
        await As(Admin, "/grant telegram:301 organizer");
        await As(Organizer, "/start");
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private Task<Reply> As(long user, string text)
    {
        _chat.As = ("telegram", user, "کاربر");
        return _chat.Say(text);
    }

    /// <summary>A request of this person's still being read (claimed by the worker, not yet answered).</summary>
    private async Task BeingReadAsync(long user)
    {
        await using var db = _chat.Db();
        db.ReadRequests.Add(new ReadRequest
        {
            Messenger = "telegram", UserId = user, ChatId = user, Command = "export", Arguments = "1405", Secretariats = "rajaei",
            RequestedAt = _chat.Now, ClaimedBy = "worker", ClaimedAt = _chat.Now,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_request_is_answered_after_its_turn_and_leaves_nothing_waiting()
    {
        var reply = await As(Organizer, "/stats 1405/08");
        Assert.StartsWith("آمار مسئله‌ها — آبان ۱۴۰۵", reply.Texts.Single(), StringComparison.Ordinal);
        Assert.Equal(2, reply.Messages.OfType<UploadMessage>().Count());
        await using var db = _chat.Db();
        Assert.Empty(await db.ReadRequests.ToListAsync());
    }

    [Fact]
    public async Task A_second_request_while_one_is_read_is_answered_that_the_first_is_still_being_prepared()
    {
        await BeingReadAsync(Rajaei);

        var refused = await As(Rajaei, "/stats");
        Assert.Equal([Texts.StatsStillPreparing], refused.Texts);
        Assert.Empty(refused.Messages.OfType<UploadMessage>());

        // In the staff chat too: the group hears where the answer goes, the private chat why there is none.
        _chat.As = ("telegram", Rajaei, "کاربر");
        var inGroup = await _chat.SayIn(StaffChat, "/export");
        Assert.Equal([Texts.StatsSentPrivately], inGroup.To(StaffChat).Select(m => m.Text));
        Assert.Equal([Texts.StatsStillPreparing], inGroup.To(Rajaei).Select(m => m.Text));

        // One at a time each: somebody else is not held up by it.
        var other = await As(Organizer, "/summary 1405");
        Assert.DoesNotContain(Texts.StatsStillPreparing, other.Texts);
        Assert.NotEmpty(other.Texts);

        await using var db = _chat.Db();
        Assert.Single(await db.ReadRequests.ToListAsync());
    }

    [Fact]
    public async Task Once_the_first_is_answered_the_next_is_taken()
    {
        await BeingReadAsync(Rajaei);
        Assert.Equal([Texts.StatsStillPreparing], (await As(Rajaei, "/stats 1405/08")).Texts);

        await using (var db = _chat.Db()) await db.ReadRequests.ExecuteDeleteAsync();
        var reply = await As(Rajaei, "/stats 1405/08");
        Assert.StartsWith("آمار مسئله‌ها — آبان ۱۴۰۵", reply.Texts.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/stats ۱۳۹۹ تا ۱۴۰۴")]
    [InlineData("/export 1390 تا 1405")]
    [InlineData("/summary 1399/01 تا 1404/12")]
    public async Task A_period_of_more_than_five_years_is_refused_and_nothing_is_queued(string command)
    {
        var reply = await As(Admin, command);
        Assert.Equal([Texts.StatsPeriodTooLong], reply.Texts);
        await using var db = _chat.Db();
        Assert.Empty(await db.ReadRequests.ToListAsync());
    }

    [Fact]
    public async Task Five_whole_years_are_read()
    {
        var reply = await As(Admin, "/export 1401 تا 1405");
        Assert.Equal(2, reply.Messages.OfType<UploadMessage>().Count());
    }
}
