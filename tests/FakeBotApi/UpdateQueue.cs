using System.Text.Json.Nodes;

namespace Assembly.FakeBotApi;

/// <summary>
/// The updates not yet confirmed, as Telegram keeps them: getUpdates with an offset confirms (drops for good)
/// every update below it and returns the rest in id order. Each update is kept as its JSON text, fixed at
/// enqueue time, so concurrent polls never share a mutable node.
/// </summary>
internal sealed class UpdateQueue(Action changed)
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, string> _pending = [];
    // Every update ever enqueued, so Redeliver can bring back a confirmed one.
    private readonly Dictionary<long, string> _all = [];
    // Redelivered ids: returned by the next getUpdates whatever its offset, as Bale does.
    private readonly HashSet<long> _redeliver = [];
    private readonly Pulse _arrived = new();
    private long _lastId;
    // After RestartIds: the first id of the new series, and the highest of it handed out so far. An offset above that
    // plus one cannot come from what the bot was handed: it is the old series', and confirms nothing of the new one.
    private long? _seriesStart;
    private long _handedOut;

    /// <summary>Completes at the next enqueue or redelivery; take it before <see cref="Take"/> to miss none.</summary>
    public Task Arrived => _arrived.Next;

    public int Pending
    {
        get { lock (_lock) return _pending.Count; }
    }

    public long Add(JsonObject update)
    {
        long id;
        lock (_lock)
        {
            id = ++_lastId;
            update["update_id"] = id;
            var json = update.ToJsonString(BotReply.Json);
            _all[id] = json;
            _pending[id] = json;
        }
        _arrived.Raise();
        changed();
        return id;
    }

    /// <summary>
    /// Telegram after a week without updates: the next update gets <paramref name="nextId"/>, which may be far below
    /// the ids before. An offset from the old series (above every id of the new one) then confirms nothing of the new
    /// series, so a bot that keeps it is handed the new updates again and again.
    /// </summary>
    public void RestartIds(long nextId)
    {
        lock (_lock)
        {
            _lastId = nextId - 1;
            _seriesStart = nextId;
            _handedOut = nextId - 1;
            // An older id that comes back is a new update: what the old series kept of it is gone.
            foreach (var id in _all.Keys.Where(id => id >= nextId).ToList()) _all.Remove(id);
        }
    }

    /// <summary>Puts a delivered or confirmed update back; false if no update has that id.</summary>
    public bool Redeliver(long updateId)
    {
        lock (_lock)
        {
            if (!_all.TryGetValue(updateId, out var json))
                return false;
            _pending[updateId] = json;
            _redeliver.Add(updateId);
        }
        _arrived.Raise();
        changed();
        return true;
    }

    /// <summary>
    /// Confirms what <paramref name="offset"/> confirms, then returns up to <paramref name="limit"/> updates
    /// (JSON texts). A negative offset keeps only the last -offset updates, as Telegram does.
    /// </summary>
    public IReadOnlyList<string> Take(long offset, int limit)
    {
        List<string> batch = [];
        var confirmed = false;
        lock (_lock)
        {
            var drop = offset < 0
                ? _pending.Keys.SkipLast(offset < -int.MaxValue ? int.MaxValue : (int)-offset).ToList()
                : _pending.Keys.TakeWhile(id => id < offset).Where(id => !_redeliver.Contains(id))
                    .Where(id => _seriesStart is not { } start || offset <= _handedOut + 1 || id < start).ToList();
            foreach (var id in drop)
            {
                _pending.Remove(id);
                _redeliver.Remove(id);
            }
            confirmed = drop.Count > 0;
            foreach (var (id, json) in _pending)
            {
                if (batch.Count == limit)
                    break;
                // What is left below the offset was redelivered: it goes out once more, then is confirmed as usual.
                _redeliver.Remove(id);
                batch.Add(json);
                if (_seriesStart is { } start && id >= start) _handedOut = Math.Max(_handedOut, id);
            }
        }
        if (confirmed)
            changed();
        return batch;
    }

    /// <summary>Webhook delivery: every pending update in id order, as (id, JSON text); nothing is confirmed.</summary>
    public IReadOnlyList<(long Id, string Json)> Snapshot()
    {
        lock (_lock)
            return _pending.Select(p => (p.Key, p.Value)).ToList();
    }

    /// <summary>Webhook delivery: the bot answered 2xx for this update, so it is gone (unless redelivered since).</summary>
    public void Confirm(long updateId)
    {
        lock (_lock)
        {
            if (_redeliver.Remove(updateId)) return; // posted again on purpose: goes out once more
            _pending.Remove(updateId);
        }
        changed();
    }

    /// <summary>deleteWebhook with drop_pending_updates: everything pending is gone.</summary>
    public void DropAll()
    {
        lock (_lock)
        {
            _pending.Clear();
            _redeliver.Clear();
        }
        changed();
    }
}
