using Assembly.Bot.Configuration;
using Assembly.Bot.Coordination;
using Assembly.Bot.Sending;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Scheduling;

/// <summary>
/// The scheduler: turns what is due into messages: idle conversations given up, sessions' reminders,
/// reminders of deadlines to staff, escalations to organizers, the «was it resolved?» question, and the end of a
/// broadcast (its organizer told of copies that did not arrive). The times are columns of the reports, so a restart loses none, and each is marked
/// done in the same transaction that queues its messages, so none is sent twice.
///
/// With several instances on one database it runs only on the holder of the <see cref="SchedulerLease"/>, and its
/// transaction is fenced by it (<see cref="SchedulerLease.FenceAsync"/>): an instance that lost the lease without knowing
/// it yet (stalled past the lease time) rolls back and queues nothing, so two instances never queue one reminder.
/// </summary>
public sealed class Scheduler(
    Outbound outbound,
    FlowContext context,
    SchedulerLease lease,
    IOptions<SchedulerOptions> settings,
    TimeProvider time,
    ILogger<Scheduler> logger) : PeriodicJob(time, logger)
{
    protected override TimeSpan Every => settings.Value.Interval;

    /// <summary>Queues what is due now; returns how many messages.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (!lease.IsHeld) return 0;
        await using var write = await outbound.Gate.EnterAsync(ct);
        var db = write.Db;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await lease.FenceAsync(db, ct))
        {
            Log.LogWarning("The scheduler found its lease gone; it queues nothing");
            await tx.RollbackAsync(ct);
            return 0;
        }

        // After the fence: what is due is judged on a clock at least as late as the renewal.
        var now = Time.GetUtcNow().UtcDateTime;
        var outgoing = (await IdleConversations.ExpireDueAsync(db, context.Conversations, now, ct))
            .Concat(await Conversations.Meetings.MeetingNotices.DueRemindersAsync(db, context, now, ct))
            .Concat(await Deadlines.DueAsync(db, context, context.Access, now, ct))
            .Concat(await Conversations.Announcements.BroadcastEnd.DueAsync(db, now, ct)).ToList();
        foreach (var message in outgoing) OutboxWriter.Enqueue(db, message, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var messenger in outgoing.Select(m => m.To.Messenger).Distinct()) outbound.Signal.Wake(messenger);
        return outgoing.Count;
    }
}
