using Assembly.Bot.Sending;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Scheduling;

/// <summary>
/// The scheduler: turns what is due into messages: idle conversations given up, sessions' reminders,
/// reminders of deadlines to staff, escalations to organizers, and the «was it resolved?» question. The times are columns of the reports, so a restart loses none, and each is marked
/// done in the same transaction that queues its messages, so none is sent twice.
/// </summary>
public sealed class Scheduler(
    IDbContextFactory<BotDbContext> factory,
    WriteGate gate,
    OutboxSignal signal,
    FlowContext context,
    ConversationOptions conversations,
    AccessOptions access,
    TimeProvider time,
    ILogger<Scheduler> logger) : PeriodicJob(time, logger)
{
    protected override TimeSpan Every => TimeSpan.FromSeconds(30);

    /// <summary>Queues what is due now; returns how many messages.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        using var _ = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outgoing = (await IdleConversations.ExpireDueAsync(db, conversations, now, ct))
            .Concat(await Conversations.Meetings.MeetingNotices.DueRemindersAsync(db, context, now, ct))
            .Concat(await Deadlines.DueAsync(db, context, access, now, ct)).ToList();
        foreach (var message in outgoing) OutboxWriter.Enqueue(db, message, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var messenger in outgoing.Select(m => m.To.Messenger).Distinct()) signal.Wake(messenger);
        return outgoing.Count;
    }
}
