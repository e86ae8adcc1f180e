using Assembly.Bot.Sending;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Scheduling;

/// <summary>
/// Gives up conversations nobody answered for <c>Conversations:IdleMinutes</c>: the half-made answers go,
/// and the member is told. The due time is a column, so a restart loses none.
/// </summary>
public sealed class ConversationExpiry(
    IDbContextFactory<BotDbContext> factory,
    WriteGate gate,
    OutboxSignal signal,
    ConversationOptions options,
    TimeProvider time,
    ILogger<ConversationExpiry> logger) : PeriodicJob(time, logger)
{
    protected override TimeSpan Every => TimeSpan.FromSeconds(30);

    /// <summary>Ends every conversation whose time is up; returns how many.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        using var _ = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Conversations.Where(c => c.ExpiresAt != null && c.ExpiresAt <= now).ToListAsync(ct);
        foreach (var conversation in due)
        {
            PrivateChat.End(conversation);
            // Not an answer to anything the member just sent: a notice, paced like the rest of bulk.
            OutboxWriter.Enqueue(db, new TextMessage(Texts.Expired(options.IdleMinutes))
            {
                To = new ChatAddress(conversation.Messenger, conversation.ChatId),
                ToKind = ChatKind.Private,
                Priority = OutboxPriority.Bulk,
            }, now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var messenger in due.Select(c => c.Messenger).Distinct()) signal.Wake(messenger);
        return due.Count;
    }
}
