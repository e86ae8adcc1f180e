namespace Assembly.Storage;

/// <summary>
/// Lets one write transaction at a time into the database, in process. SQLite has one write lock; writers
/// that find it taken wait in SQLite's busy handler, which sleeps in growing steps (up to 100 ms) instead of
/// being woken when the lock frees, and blocks a thread meanwhile. Queuing here instead hands the lock over
/// at once, in order. Every write transaction of the bot enters here first; <c>busy_timeout</c> stays as the
/// safety net for another process (a CLI command) writing at the same time. On a server database
/// (PostgreSQL) transactions may overlap, and the gate lets everyone through.
/// </summary>
public sealed class WriteGate(bool serialize)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public async ValueTask<Releaser> EnterAsync(CancellationToken ct)
    {
        if (!serialize) return default;
        await _one.WaitAsync(ct);
        return new Releaser(_one);
    }

    public readonly struct Releaser(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
