using Assembly.Bot.Sending;
using Assembly.Conversations.Commands;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Messengers;

/// <summary>
/// The team's command menus, queued when a messenger starts (the members' menu, for every chat, is published by the
/// receiver): each role holder's own in their private chat (<see cref="RoleMenus.HoldersAsync"/>), which also brings a
/// menu up to date after a change of roles in the configuration. They go through the outbox as bulk, the one way a
/// menu reaches the messenger, like those queued by a later change of role: paced, after replies, retried through an
/// outage. Never throws: a menu is a convenience, and the help lists the same commands.
/// </summary>
public sealed class CommandMenus(Outbound outbound, AssemblyOptions assembly, AccessOptions access, TimeProvider time, ILogger<CommandMenus> logger)
{
    /// <summary>
    /// How long after the messenger starts: a bot that starts with a queue of updates (or on a busy machine) answers
    /// them first; a menu can wait.
    /// </summary>
    public static readonly TimeSpan After = TimeSpan.FromSeconds(5);

    public async Task PublishAsync(IMessengerClient messenger, CancellationToken ct)
    {
        try
        {
            await Task.Delay(After, time, ct);
            int count;
            await using (var write = await outbound.Gate.EnterAsync(ct))
            {
                var db = write.Db;
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var menus = await RoleMenus.HoldersAsync(db, assembly, access, messenger.Name, ct);
                var now = time.GetUtcNow().UtcDateTime;
                await OutboxWriter.EnqueueAllAsync(db, menus.Select(m => ((OutgoingMessage)(m with { Priority = OutboxPriority.Bulk }), now)).ToList(), ct);
                await tx.CommitAsync(ct);
                count = menus.Count;
            }

            if (count == 0) return;
            outbound.Signal.Wake(messenger.Name);
            logger.LogInformation("{Messenger}: command menus of {Count} team members queued", messenger.Name, count);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the next start queues them.
        }
        catch (Exception e)
        {
            logger.LogInformation("{Messenger}: the team's command menus could not be queued, going on without them: {Error}", messenger.Name,
                e.GetType().Name);
        }
    }
}
