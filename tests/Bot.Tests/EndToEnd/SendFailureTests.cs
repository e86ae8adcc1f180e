using Assembly.Bot.Sending;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>What the outbox does when the server says no: wait, retry, or stop writing to someone.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class SendFailureTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly string Help = Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان");

    [Fact]
    public async Task A_429_is_waited_out_for_retry_after_and_the_message_then_goes_once()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);

        telegram.FailNext(new Fault.TooManyRequests(1));
        telegram.EnqueueText(2001, "/help");
        await telegram.WaitUntilAsync(t => t.SentTo(2001).Count >= 1, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        Assert.Equal(Help, Assert.Single(telegram.SentTo(2001)).Text);
        await Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Sent));
        await using var db = bot.Db();
        var row = await db.Outbox.SingleAsync();
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts); // the 429 is not a failed attempt
        Assert.True(row.SentAt - row.CreatedAt >= TimeSpan.FromSeconds(1), "sent before retry_after had passed");
    }

    [Fact]
    public async Task Server_errors_a_gateway_page_and_a_dropped_connection_are_retried_without_duplicates()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);

        telegram.FailNext(new Fault.ServerError(500), new Fault.BadGateway(), new Fault.DropConnection());
        telegram.EnqueueText(2002, "/help");
        await telegram.WaitUntilAsync(t => t.SentTo(2002).Count >= 1, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        Assert.Equal(Help, Assert.Single(telegram.Sent).Text);
        await Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Sent));
        await using var db = bot.Db();
        var row = await db.Outbox.SingleAsync();
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(4, row.Attempts);
    }

    [Fact]
    public async Task A_403_marks_the_member_unreachable_stops_sending_to_them_until_they_write_again()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);

        telegram.BlockChat(2003);
        telegram.EnqueueText(2003, "/help");
        telegram.EnqueueText(2004, "/help"); // somebody else is not affected
        await telegram.WaitUntilAsync(t => t.SentTo(2004).Count >= 1, Wait);
        await Eventually.StoredAsync(bot, db => db.Chats.AnyAsync(c => c.ChatId == 2003 && c.UnreachableSince != null));

        // A later notice to the blocked member is settled without a call to the server. (Its text is in no other
        // message: the help text, the refused reply, mentions «اطلاعیه‌های عمومی».)
        const string notice = "خبرنامه آزمایشی";
        await EnqueueBulkAsync(bot, 2003, notice);
        await Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.ChatId == 2003 && o.Payload.Contains(notice) && o.Status == OutboxStatus.Unreachable));
        Assert.Empty(telegram.SentTo(2003));

        // Writing to the bot again means they unblocked it.
        telegram.UnblockChat(2003);
        telegram.EnqueueText(2003, "/help");
        await telegram.WaitUntilAsync(t => t.SentTo(2003).Count >= 1, Wait);
        Assert.Equal(Help, Assert.Single(telegram.SentTo(2003)).Text);
        await using var check = bot.Db();
        Assert.Null((await check.Chats.SingleAsync(c => c.ChatId == 2003)).UnreachableSince);
        Assert.Equal(2, await check.Outbox.CountAsync(o => o.ChatId == 2003 && o.Status == OutboxStatus.Unreachable));
    }

    internal static async Task EnqueueBulkAsync(BotTestHost bot, long chatId, string text)
    {
        await using var db = bot.Db();
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        OutboxWriter.Enqueue(db, new TextMessage(text) { To = new ChatAddress("telegram", chatId), ToKind = ChatKind.Private, Priority = OutboxPriority.Bulk }, now);
        await db.SaveChangesAsync();
        bot.Services.GetRequiredService<OutboxSignal>().Wake("telegram");
    }
}
