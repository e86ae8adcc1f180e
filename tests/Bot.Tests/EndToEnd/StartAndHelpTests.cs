using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>A member's first steps, through real HTTP to a fake Telegram and a real SQLite file.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class StartAndHelpTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Every_send_is_recorded_as_sent_with_its_message_id_and_a_button_answer_leaves_no_row()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);

        telegram.EnqueueText(1002, "/start");
        await telegram.WaitUntilAsync(t => t.SentTo(1002).Count >= 1, Wait);
        // The press is answered straight away (ButtonAnswerer), the reply goes through the outbox.
        telegram.EnqueueCallback(1002, "help", telegram.SentTo(1002)[0].MessageId);
        await telegram.WaitUntilAsync(t => t.SentTo(1002).Count >= 2 && t.Answers.Count >= 1, Wait);

        await Eventually.StoredAsync(bot, db => db.Outbox.AllAsync(o => o.Status == OutboxStatus.Sent));
        await using var db = bot.Db();
        var rows = await db.Outbox.OrderBy(o => o.Id).ToListAsync();
        var sentIds = telegram.SentTo(1002).Select(m => (long?)m.MessageId).ToList();
        Assert.Equal(sentIds, rows.Select(o => o.SentMessageId).ToList());
        Assert.Single(telegram.Answers);
        Assert.All(rows, o => Assert.Equal(1, o.Attempts));
        Assert.All(rows, o => Assert.NotNull(o.SentAt));
    }

    [Fact]
    public async Task Start_for_a_new_member_begins_registration_and_the_chat_is_stored()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);

        telegram.EnqueueText(1001, "/start", "مریم");
        await telegram.WaitUntilAsync(t => t.SentTo(1001).Count >= 1, Wait);

        var reply = Assert.Single(telegram.SentTo(1001));
        Assert.Equal(Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"), reply.Text);

        await Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Sent));
        await using var db = bot.Db();
        var chat = await db.Chats.SingleAsync(c => c.Messenger == "telegram" && c.ChatId == 1001);
        Assert.Equal(ChatKind.Private, chat.Kind);
        Assert.Equal(1, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task The_help_button_is_answered_and_shows_the_help()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);

        telegram.EnqueueText(1002, "/help");
        await telegram.WaitUntilAsync(t => t.SentTo(1002).Count >= 1, Wait);
        Assert.Contains(Texts.HelpButton, telegram.SentTo(1002)[0].ReplyMarkupJson);
        telegram.EnqueueCallback(1002, "help", telegram.SentTo(1002)[0].MessageId);
        await telegram.WaitUntilAsync(t => t.SentTo(1002).Count >= 2 && t.Answers.Count >= 1, Wait);

        Assert.Equal(Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان"), telegram.SentTo(1002)[1].Text);
        Assert.Null(Assert.Single(telegram.Answers).Text);
    }

    [Fact]
    public async Task Help_command_and_a_command_addressed_to_the_bot_by_name_are_answered()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);

        telegram.EnqueueText(1003, "/help");
        telegram.EnqueueText(1003, "/HELP@assembly_test_bot");
        await telegram.WaitUntilAsync(t => t.SentTo(1003).Count >= 2, Wait);

        Assert.All(telegram.SentTo(1003), m => Assert.Equal(Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان"), m.Text));
    }
}
