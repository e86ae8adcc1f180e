using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// What Telegram refuses about a report's topic, and what the bot does instead: a topic staff deleted, a member's message
/// that cannot be copied, a topic left behind by routing. Staff still see everything; the member is told nothing of it.
/// </summary>
public sealed partial class ForumTopicTests
{
    [Fact]
    public async Task After_staff_delete_a_reports_topic_its_messages_come_to_the_chat_itself_and_the_member_is_told_nothing()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        telegram.MakeForum(Forum);
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: StaffChat($"telegram:{Forum}"));
        await FileReportAsync(bot, telegram, Reporter);
        await PostAsync(telegram, Forum);
        var thread = Assert.Single(telegram.TopicsIn(Forum)).MessageId;
        await bot.WaitUntilQuietAsync(Wait, telegram);

        telegram.DeleteTopic(Forum, thread);
        var before = telegram.SentTo(Forum).Count;

        // The member answers the secretariat: the copy of their words is written for the topic, which is gone.
        telegram.EnqueueCallback(Reporter, "ans:" + Code, telegram.SentTo(Reporter)[^1]);
        await telegram.WaitUntilAsync(t => t.SentTo(Reporter).Any(m => m.Text == Texts.AskAnswer(Code)), Wait);
        telegram.EnqueueText(Reporter, "عکس چاله‌ها را هم فردا می‌فرستم");
        // Without its topic a bare copy would not say which report it is: the addition post goes to the chat instead.
        await telegram.WaitUntilAsync(t => t.SentTo(Forum).Skip(before).Any(m => m.Text?.Contains("عکس چاله‌ها", StringComparison.Ordinal) == true), Wait);
        // The card went with the topic: the edit the addition makes finds it gone and sends it again.
        await telegram.WaitUntilAsync(t => t.SentTo(Forum).Skip(before).Any(m => m.Method == "sendMessage" && m.Text!.Contains(Code, StringComparison.Ordinal)
            && !m.Text.Contains("عکس چاله‌ها", StringComparison.Ordinal)), Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        var post = Assert.Single(telegram.SentTo(Forum), m => m.Text?.Contains("عکس چاله‌ها", StringComparison.Ordinal) == true);
        Assert.Equal("sendMessage", post.Method);
        Assert.StartsWith("پیام تازه گزارش‌دهنده:", post.Text, StringComparison.Ordinal);
        Assert.Contains(Code, post.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(telegram.SentTo(Forum), m => m.Method == "copyMessage");
        Assert.All(telegram.SentTo(Forum).Skip(before), m => Assert.Null(m.ThreadId));
        // No second topic: the staff who deleted it chose the chat itself.
        Assert.Single(telegram.TopicsIn(Forum));
        Assert.DoesNotContain(telegram.SentTo(Reporter), m => m.Text == Texts.MessageRefused(Code));

        await using var db = bot.Db();
        Assert.Null((await db.ReportPosts.SingleAsync(p => p.ChatId == Forum)).ThreadId);
        Assert.Empty(await db.Outbox.Where(o => o.ChatId == Forum && o.Status != OutboxStatus.Sent).Select(o => o.Id).ToListAsync());
    }

    [Fact]
    public async Task A_members_message_deleted_before_it_was_copied_reaches_the_topic_as_the_addition_post_and_the_member_is_told_nothing()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        telegram.MakeForum(Forum);
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: StaffChat($"telegram:{Forum}"));
        await FileReportAsync(bot, telegram, Reporter);
        await PostAsync(telegram, Forum);
        var thread = Assert.Single(telegram.TopicsIn(Forum)).MessageId;

        telegram.EnqueueCallback(Reporter, "ans:" + Code, telegram.SentTo(Reporter)[^1]);
        await telegram.WaitUntilAsync(t => t.SentTo(Reporter).Any(m => m.Text == Texts.AskAnswer(Code)), Wait);
        telegram.EnqueueDeletedText(Reporter, "پل ورودی روستا هم ترک برداشته است");
        await telegram.WaitUntilAsync(t => t.SentTo(Forum).Any(m => m.Text?.Contains("پل ورودی روستا", StringComparison.Ordinal) == true), Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        var post = Assert.Single(telegram.SentTo(Forum), m => m.Text?.Contains("پل ورودی روستا", StringComparison.Ordinal) == true);
        Assert.Equal("sendMessage", post.Method);
        Assert.Equal(thread, post.ThreadId);
        Assert.StartsWith("پیام تازه گزارش‌دهنده:", post.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(telegram.SentTo(Forum), m => m.Method == "copyMessage");
        Assert.DoesNotContain(telegram.SentTo(Reporter), m => m.Text == Texts.MessageRefused(Code));

        await using var db = bot.Db();
        Assert.Empty(await db.Outbox.Where(o => o.ChatId == Forum && o.Status != OutboxStatus.Sent).Select(o => o.Id).ToListAsync());
    }

    [Fact]
    public async Task A_report_routed_to_another_secretariat_leaves_its_old_topic_closed_after_the_word_of_where_it_went()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        telegram.MakeForum(Forum);
        var settings = StaffChat($"telegram:{Forum}");
        settings["Assembly:Secretariats:0:StaffChats:0"] = $"telegram:{Group}";
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: settings);
        await FileReportAsync(bot, telegram, Reporter);
        await PostAsync(telegram, Forum);
        var thread = Assert.Single(telegram.TopicsIn(Forum)).MessageId;
        await bot.WaitUntilQuietAsync(Wait, telegram);

        telegram.EnqueueText(Staff, $"/route {Code} modarres");
        await telegram.WaitUntilAsync(t => t.TopicClosed(Forum, thread), Wait);
        await telegram.WaitUntilAsync(t => t.SentTo(Group).Any(m => m.Text?.Contains(Code, StringComparison.Ordinal) == true), Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        var sent = telegram.SentTo(Forum).ToList();
        var routed = sent.FindIndex(m => m.Method == "editMessageText" && m.Text == Texts.CardRoutedAway(Code, "دبیرخانه شهید مدرس"));
        var closed = sent.FindIndex(m => m.Method == "closeForumTopic" && m.ThreadId == thread);
        Assert.InRange(routed, 0, closed - 1);
        Assert.Single(sent, m => m.Method == "closeForumTopic");
        await using var db = bot.Db();
        Assert.False(await db.ReportPosts.AnyAsync(p => p.ChatId == Forum));
    }
}
