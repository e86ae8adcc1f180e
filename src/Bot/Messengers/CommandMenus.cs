using Assembly.Conversations.Commands;
using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Messengers;

/// <summary>
/// The team's command menus, published when a messenger starts (the members' menu, for every chat, is published by
/// the receiver): each role holder's own in their private chat (<see cref="RoleMenus.HoldersAsync"/>), which also
/// brings a menu up to date after a change of roles in the configuration. Later changes of role queue their menus
/// through the outbox. Never throws: a menu is a convenience, and the help lists the same commands.
/// </summary>
public sealed class CommandMenus(IDbContextFactory<BotDbContext> factory, AssemblyOptions assembly, AccessOptions access, TimeProvider time,
    ILogger<CommandMenus> logger)
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
            IReadOnlyList<Conversations.Messages.CommandMenuMessage> menus;
            await using (var db = await factory.CreateDbContextAsync(ct))
                menus = await RoleMenus.HoldersAsync(db, assembly, access, messenger.Name, ct);
            var set = 0;
            foreach (var menu in menus)
                if (await messenger.SendAsync(menu, ct) is SendOutcome.Sent) set++;
            if (menus.Count > 0)
                logger.LogInformation("{Messenger}: command menus of {Set} of {Count} team members published", messenger.Name, set, menus.Count);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the next start publishes them.
        }
        catch (Exception e)
        {
            logger.LogInformation("{Messenger}: the team's command menus could not be published, going on without them: {Error}", messenger.Name,
                e.GetType().Name);
        }
    }
}
