using Assembly.Bot.Tests.Support;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Assembly.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.Units;

/// <summary>A reporter's additions yield to other bulk in a staff chat: a new report's post queued later goes first.</summary>
public sealed class AdditionsPriorityTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private const long StaffChat = -1001;

    private readonly TestDatabase _database = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await using (var db = _database.Open()) await db.Database.MigrateAsync();
        _services = new ServiceCollection()
            .AddStorage(new StorageOptions { Provider = _database.Provider, ConnectionString = _database.ConnectionString })
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    private async Task<long> RowAsync(long chatId, OutboxPriority priority)
    {
        await using var db = _database.Open();
        var row = new OutboxMessage
        {
            Messenger = "telegram", ChatId = chatId, ChatKind = ChatKind.Group, Priority = priority, Payload = "{}",
            Status = OutboxStatus.Pending, CreatedAt = Now.AddMinutes(-1), NotBefore = Now.AddMinutes(-1),
        };
        OutboxRows.Add(db, row, null);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<IReadOnlyList<long>> CandidatesAsync(OutboxPriority highest)
    {
        await using var look = await _services.GetRequiredService<IOutbox>().BeginLookAsync(CancellationToken.None);
        return (await look.CandidatesAsync("telegram", highest, 64, Now)).Select(c => c.Id).ToList();
    }

    [Fact]
    public async Task A_new_reports_post_goes_before_additions_queued_earlier_and_replies_before_both()
    {
        await RowAsync(StaffChat, OutboxPriority.Additions);
        await RowAsync(StaffChat, OutboxPriority.Additions);
        var newReport = await RowAsync(StaffChat, OutboxPriority.Bulk);
        var elsewhere = await RowAsync(-1002, OutboxPriority.Additions);

        Assert.Equal([newReport, elsewhere], await CandidatesAsync(OutboxPriority.Additions));
        // An instance that sends replies only takes none of them.
        Assert.Empty(await CandidatesAsync(OutboxPriority.Interactive));

        var reply = await RowAsync(StaffChat, OutboxPriority.Interactive);
        Assert.Equal([reply, elsewhere], await CandidatesAsync(OutboxPriority.Additions));
    }
}
