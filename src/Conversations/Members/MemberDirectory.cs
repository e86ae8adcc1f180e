using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Members;

/// <summary>Finds members by the account they write from (by number: <see cref="PhoneOwnership"/>).</summary>
public static class MemberDirectory
{
    public static Task<Member?> ByAccountAsync(BotDbContext db, string messenger, long userId, CancellationToken ct) =>
        HotQueries.MemberByAccount(db, messenger, userId, ct);

    /// <summary>The member who sent the turn's update: the one already found for this turn, else looked up.</summary>
    public static async ValueTask<Member?> SenderAsync(Turn turn, CancellationToken ct) =>
        turn.Sender ?? (turn.In.From is { } from ? await ByAccountAsync(turn.Db, turn.In.Messenger, from.UserId, ct) : null);
}
