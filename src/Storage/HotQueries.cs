using System.Linq.Expressions;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Storage;

/// <summary>
/// The lookups made for every update, compiled once (<see cref="PerModel{TSet}"/> says why). FindAsync builds a LINQ
/// query too. Examining these at every call would be a large share of the pipeline's allocations (measured in
/// docs/benchmarks.md). Tracking as usual: what is found can be changed and saved.
/// </summary>
public static class HotQueries
{
    private sealed class Set
    {
        public readonly Func<BotDbContext, string, long, CancellationToken, Task<ChatRecord?>> Chat =
            EF.CompileAsyncQuery((BotDbContext db, string messenger, long chatId, CancellationToken ct) =>
                db.Chats.SingleOrDefault(c => c.Messenger == messenger && c.ChatId == chatId));

        public readonly Func<BotDbContext, string, long, CancellationToken, Task<Conversation?>> Conversation =
            EF.CompileAsyncQuery((BotDbContext db, string messenger, long chatId, CancellationToken ct) =>
                db.Conversations.SingleOrDefault(c => c.Messenger == messenger && c.ChatId == chatId));

        public readonly Func<BotDbContext, string, long, long?, IAsyncEnumerable<PrivateTurnRows>> PrivateTurn = EF.CompileAsyncQuery(PrivateTurnOf);

        public readonly Func<BotDbContext, string, long, CancellationToken, Task<Member?>> MemberByAccount =
            EF.CompileAsyncQuery((BotDbContext db, string messenger, long userId, CancellationToken ct) =>
                db.Accounts.Where(a => a.Messenger == messenger && a.UserId == userId).Select(a => a.Member).SingleOrDefault());
    }

    private static Set For(BotDbContext db) => PerModel<Set>.For(db);

    public static Task<ChatRecord?> Chat(BotDbContext db, string messenger, long chatId, CancellationToken ct) =>
        For(db).Chat(db, messenger, chatId, ct);

    public static Task<Conversation?> Conversation(BotDbContext db, string messenger, long chatId, CancellationToken ct) =>
        For(db).Conversation(db, messenger, chatId, ct);

    /// <summary>
    /// What every update in a private chat reads, in one query instead of three: the chat's row, its conversation and the
    /// member writing from the account, each found by its key (<c>PrivateTurnQueryTests</c> checks the plan), each null
    /// when there is none (a chat's first update has no row yet; no sender, no member). One round trip instead of three
    /// saves CPU time on every update (measured in docs/benchmarks.md).
    /// </summary>
    public static async Task<PrivateTurnRows> PrivateTurn(BotDbContext db, string messenger, long chatId, long? userId, CancellationToken ct) =>
        // Exactly one row: each table is left-joined to a single row on its whole key.
        await For(db).PrivateTurn(db, messenger, chatId, userId).SingleAsync(ct);

    private static readonly Expression<Func<BotDbContext, string, long, long?, IQueryable<PrivateTurnRows>>> PrivateTurnOf =
        (db, messenger, chatId, userId) =>
            from chat in db.Chats.Where(c => c.Messenger == messenger && c.ChatId == chatId).DefaultIfEmpty()
            from conversation in db.Conversations.Where(v => v.Messenger == messenger && v.ChatId == chatId).DefaultIfEmpty()
            from member in db.Accounts.Where(a => a.Messenger == messenger && a.UserId == userId).Select(a => a.Member).DefaultIfEmpty()
            select new PrivateTurnRows(chat, conversation, member);

    /// <summary>The query <see cref="PrivateTurn"/> runs compiled, as a LINQ query whose plan a test can ask for.</summary>
    internal static IQueryable<PrivateTurnRows> PrivateTurnQuery(BotDbContext db, string messenger, long chatId, long? userId) =>
        PrivateTurnOf.Compile()(db, messenger, chatId, userId);

    public static Task<Member?> MemberByAccount(BotDbContext db, string messenger, long userId, CancellationToken ct) =>
        For(db).MemberByAccount(db, messenger, userId, ct);
}

/// <summary>The rows of <see cref="HotQueries.PrivateTurn"/>, tracked like any other query's.</summary>
public sealed record PrivateTurnRows(ChatRecord? Chat, Conversation? Conversation, Member? Member);
