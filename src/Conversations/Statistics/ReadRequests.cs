using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// Heavy reads (<c>/stats</c>, <c>/export</c>, <c>/summary</c>) are not done in the asking update's turn: that turn
/// holds the single writer, and a year's export would keep every member's next message waiting behind it. The turn
/// only checks what was asked and queues a <see cref="ReadRequest"/> in its own transaction; the bot's read worker
/// reads and draws it on a read-only snapshot later (<see cref="StatisticsWork"/>) and queues the answer in a short
/// transaction of its own. A person has one request waiting at a time.
/// </summary>
public static class ReadRequests
{
    /// <summary>
    /// Queues the request, or says why not (returned as the Persian answer): the person has one waiting already. Taken
    /// under a lock per person, so two requests sent at once from two chats (their private chat and a staff chat) on two
    /// instances cannot both pass.
    /// </summary>
    public static async Task<string?> QueueAsync(Turn turn, string command, string args, ChatAddress to, StatsScope scope, CancellationToken ct)
    {
        var (messenger, userId) = (turn.In.Messenger, turn.In.From!.UserId);
        await TransactionLocks.TakeAsync(turn.Db, $"reads:{messenger}:{userId}", ct);
        if (await turn.Db.ReadRequests.AnyAsync(r => r.Messenger == messenger && r.UserId == userId, ct))
            return Text.Texts.StatsStillPreparing;
        turn.Db.ReadRequests.Add(new ReadRequest
        {
            Messenger = messenger, UserId = userId, ChatId = to.ChatId, Command = command, Arguments = args,
            Secretariats = string.Join(',', scope.Keys), Whole = scope.Whole, RequestedAt = turn.Now,
        });
        turn.QueueRead();
        return null;
    }
}
