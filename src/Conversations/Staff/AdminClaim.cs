using Assembly.Conversations.Commands;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// <c>/claim CODE</c> in a private chat: the first account to send a live code (<see cref="ClaimCodes"/>) becomes an
/// admin, stored as an admin grant. Wrong codes are counted per account in the database: after
/// <see cref="FreeWrongTries"/> of them every try earns a wait that doubles, during which no code from that account is
/// even looked at. A wrong code is answered alike whether or not any code exists; only someone who typed a real code
/// learns that it was used or has expired.
/// </summary>
public static class AdminClaim
{
    /// <summary>
    /// Anybody may send it (that is how an admin is added), but only admins find it in the help: the way to add
    /// another admin.
    /// </summary>
    public static IReadOnlyList<Command> Commands { get; } =
    [
        new("claim", Need.Anyone, Places.Private, Texts.ClaimHelpUsage, Texts.ClaimHelp,
            async (c, ct) => await ClaimAsync(c.Turn, await c.ActorAsync(ct), c.Arguments, c.Context, ct)) { ListedUnder = Need.Admin },
    ];

    public const int FreeWrongTries = 5;

    /// <summary>The wait earned by the last free wrong try; each wrong try after it doubles the wait, up to <see cref="LongestWait"/>.</summary>
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(24);

    /// <summary>The account of <paramref name="actor"/>, who wrote in a private chat.</summary>
    public static async Task ClaimAsync(Turn turn, Actor actor, string typed, FlowContext context, CancellationToken ct)
    {
        Keyboard? keyboard = actor.Member is null ? null : MainMenu.Keyboard;
        if (typed.Length == 0) { turn.Reply(Texts.ClaimUsage, keyboard); return; }
        // Nothing to gain, and a code spent on an admin would be lost to the person it was made for.
        if (actor.IsAdmin) { turn.Reply(Texts.AlreadyAdmin, keyboard); return; }

        await TransactionLocks.TakeAsync(turn.Db, Admins.Lock, ct);
        var tries = await turn.Db.ClaimAttempts.SingleOrDefaultAsync(a => a.Account == actor.Account, ct);
        if (tries?.BlockedUntil is { } blocked && blocked > turn.Now)
        {
            turn.Reply(Texts.ClaimBlocked(PersianTime.Date(blocked, context.Zone)), keyboard);
            return;
        }

        var hash = ClaimCodes.Hash(typed);
        var code = await turn.Db.ClaimCodes.SingleOrDefaultAsync(c => c.Hash == hash, ct);
        if (code is null)
        {
            if (tries is null) turn.Db.ClaimAttempts.Add(tries = new ClaimAttempt { Account = actor.Account });
            tries.WrongTries++;
            tries.BlockedUntil = tries.WrongTries >= FreeWrongTries ? WholeMinuteAfter(turn.Now + Wait(tries.WrongTries)) : null;
            turn.Reply(Texts.ClaimWrong(tries.BlockedUntil is { } until ? PersianTime.Date(until, context.Zone) : null), keyboard);
            return;
        }

        if (code.UsedAt is not null) { turn.Reply(Texts.ClaimCodeUsed, keyboard); return; }
        if (code.ExpiresAt <= turn.Now) { turn.Reply(Texts.ClaimCodeExpired, keyboard); return; }

        code.UsedAt = turn.Now;
        code.UsedBy = actor.Account;
        turn.Db.RoleGrants.Add(new RoleGrant { Who = actor.Account, Role = Role.Admin, GrantedBy = "claim-code", GrantedAt = turn.Now });
        if (tries is not null) turn.Db.ClaimAttempts.Remove(tries);
        await RoleMenus.RefreshAsync(turn, context.Assembly, context.Access, actor.Account, ct);
        turn.Reply(Texts.Claimed(context.Assembly.Name), keyboard);
    }

    /// <summary>The wait after the <paramref name="wrongTries"/>th wrong code (from the <see cref="FreeWrongTries"/>th on).</summary>
    public static TimeSpan Wait(int wrongTries)
    {
        var doublings = Math.Min(wrongTries - FreeWrongTries, 16);
        var wait = FirstWait * Math.Pow(2, doublings);
        return wait < LongestWait ? wait : LongestWait;
    }

    /// <summary>Shown to the minute, so the wait ends on the minute it names rather than some seconds after it.</summary>
    private static DateTime WholeMinuteAfter(DateTime time) =>
        new(time.Ticks + (TimeSpan.TicksPerMinute - time.Ticks % TimeSpan.TicksPerMinute) % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
}
