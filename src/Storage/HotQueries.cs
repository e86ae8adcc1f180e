using System.Runtime.CompilerServices;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Assembly.Storage;

/// <summary>
/// The lookups made for every update, compiled once. A LINQ query (or FindAsync, which builds one) is
/// re-examined on every call: its captured values extracted, its SQL looked up in a cache; compiled, only the
/// parameters change. Measured with the conversation benchmark, those steps were a tenth of the pipeline's
/// allocations. Tracking as usual: what is found can be changed and saved.
///
/// A compiled query binds itself to the model of the first context that runs it, so one set is kept per
/// model: a process has one, but tests build many hosts side by side, each with its own.
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

        public readonly Func<BotDbContext, string, long, CancellationToken, Task<Member?>> MemberByAccount =
            EF.CompileAsyncQuery((BotDbContext db, string messenger, long userId, CancellationToken ct) =>
                db.Accounts.Where(a => a.Messenger == messenger && a.UserId == userId).Select(a => a.Member).SingleOrDefault());
    }

    private static readonly ConditionalWeakTable<IModel, Set> ByModel = new();

    private static Set For(BotDbContext db) => ByModel.GetValue(db.Model, _ => new Set());

    public static Task<ChatRecord?> Chat(BotDbContext db, string messenger, long chatId, CancellationToken ct) =>
        For(db).Chat(db, messenger, chatId, ct);

    public static Task<Conversation?> Conversation(BotDbContext db, string messenger, long chatId, CancellationToken ct) =>
        For(db).Conversation(db, messenger, chatId, ct);

    public static Task<Member?> MemberByAccount(BotDbContext db, string messenger, long userId, CancellationToken ct) =>
        For(db).MemberByAccount(db, messenger, userId, ct);
}
