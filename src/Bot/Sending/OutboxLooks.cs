using System.Collections.Concurrent;
using Assembly.Storage;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Sending;

/// <summary>
/// The outbox senders running in this process, by messenger, so that a writer that has just put rows in the outbox
/// can have them claimed inside its own transaction (<see cref="OutboxSender.LookWithinAsync"/>) and sent as soon as
/// it commits. A messenger without a sender here (another instance sends for it, or it is stopping) is only woken.
/// </summary>
public sealed class OutboxLooks(ILogger<OutboxLooks> logger)
{
    private readonly ConcurrentDictionary<string, OutboxSender> _senders = new();

    internal void Add(string messenger, OutboxSender sender) => _senders[messenger] = sender;

    internal void Remove(string messenger, OutboxSender sender) => _senders.TryRemove(new KeyValuePair<string, OutboxSender>(messenger, sender));

    /// <summary>
    /// The looks of the senders of <paramref name="messengers"/>, in the caller's transaction, each behind a savepoint:
    /// a look that fails is undone alone and its sender left to look by itself, and the caller's own work stays.
    /// </summary>
    public async Task<Looks> RunWithinAsync(BotDbContext db, IEnumerable<string> messengers, CancellationToken ct)
    {
        var done = new List<OutboxSender.Look>();
        foreach (var messenger in messengers)
        {
            if (!_senders.TryGetValue(messenger, out var sender)) continue;
            var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A look within needs the caller's transaction.");
            await transaction.CreateSavepointAsync("outbox_look", ct);
            try
            {
                if (await sender.LookWithinAsync(db) is { } look) done.Add(look);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "{Messenger}: the outbox look inside a writer's transaction failed; the sender looks by itself", messenger);
                await transaction.RollbackToSavepointAsync("outbox_look", ct);
                db.ChangeTracker.Clear();
            }
        }

        return new Looks(done);
    }

    /// <summary>What the looks claimed: started once the caller has committed, given back if it rolled back.</summary>
    public sealed class Looks(List<OutboxSender.Look> looks)
    {
        public void Start()
        {
            foreach (var look in looks) look.Start();
        }

        public void Abandon()
        {
            foreach (var look in looks) look.Abandon();
        }
    }
}
