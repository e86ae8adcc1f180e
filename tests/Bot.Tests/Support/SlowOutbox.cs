using Assembly.Storage.Outbox;

namespace Assembly.Bot.Tests.Support;

/// <summary>The real outbox, whose sender looks only after a pause: a bot as slow as a cold start on a busy machine.</summary>
public sealed class SlowOutbox(IOutbox inner, TimeSpan pause) : IOutbox
{
    public async Task<IOutboxLook> BeginLookAsync(CancellationToken ct)
    {
        await Task.Delay(pause, ct);
        return await inner.BeginLookAsync(ct);
    }

    public Task<IReadOnlyList<DateTime>> WaitingRetriesAsync(string messenger, DateTime now, CancellationToken ct) => inner.WaitingRetriesAsync(messenger, now, ct);

    public Task<byte[]> FileAsync(long rowId, CancellationToken ct) => inner.FileAsync(rowId, ct);

    public Task<int> SweepClaimsAsync(string me, bool alone, DateTime aliveSince, DateTime forgetBefore, CancellationToken ct) =>
        inner.SweepClaimsAsync(me, alone, aliveSince, forgetBefore, ct);

    public Task<int?> TopicAsync(string messenger, long chatId, string subject, CancellationToken ct) => inner.TopicAsync(messenger, chatId, subject, ct);

    public Task<IReadOnlyList<OutboxDepth>> DepthsAsync(CancellationToken ct) => inner.DepthsAsync(ct);

    public Task<(int Purged, long LastId)> PurgeBatchAsync(DateTime before, string emptyPayload, long afterId, int batch, CancellationToken ct) =>
        inner.PurgeBatchAsync(before, emptyPayload, afterId, batch, ct);
}
