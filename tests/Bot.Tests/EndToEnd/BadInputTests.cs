using System.Text.Json.Nodes;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Every kind of input the bot cannot use gets a clear Persian answer (or, where nobody waits for one,
/// silence) and changes nothing it should not. Each case is followed by a marker command from the same member: its
/// answer, coming after, proves the bad input was handled and shows everything it produced.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class BadInputTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly string Help = Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان");

    private readonly TestDatabase _database = new();
    private FakeBotApiServer _telegram = null!;
    private BotTestHost _bot = null!;
    private long _nextUser = 7000;

    public async Task InitializeAsync()
    {
        _telegram = await FakeBotApiServer.StartAsync();
        _bot = await BotTestHost.StartAsync(_database, _telegram);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _telegram.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>Sends the bad input, then a marker command; returns the texts answered before the marker's answer.</summary>
    private async Task<List<string?>> AnswersTo(Action<long> send)
    {
        var user = Interlocked.Increment(ref _nextUser);
        send(user);
        _telegram.EnqueueText(user, "/marker");
        var marker = Texts.UnknownCommand("/marker");
        await _telegram.WaitUntilAsync(t => t.SentTo(user).Any(m => m.Text == marker), Wait);
        var sent = _telegram.SentTo(user).Select(m => m.Text).ToList();
        Assert.Equal(marker, sent[^1]);
        return sent[..^1];
    }

    [Fact]
    public async Task Text_over_4096_characters_is_refused_with_its_length()
    {
        var answers = await AnswersTo(user => _telegram.EnqueueText(user, new string('ب', 5000)));
        Assert.Equal([Texts.TooLong(5000, 4096)], answers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    [InlineData("\u200B\u200F\u202E\u2066\u2069\uFEFF")]
    [InlineData("\u200C \u200C")]
    public async Task Empty_blank_and_invisible_only_text_asks_for_real_text(string text)
    {
        var answers = await AnswersTo(user => _telegram.EnqueueText(user, text));
        Assert.Equal([Texts.EmptyText], answers);
    }

    [Fact]
    public async Task Bidi_controls_around_a_command_do_not_hide_it()
    {
        var answers = await AnswersTo(user => _telegram.EnqueueText(user, "\u202B/help\u202C\u200F"));
        Assert.Equal([Help], answers);
    }

    [Fact]
    public async Task A_sticker_or_a_voice_where_text_is_expected_asks_for_text_and_asks_again()
    {
        var answers = await AnswersTo(user =>
        {
            _telegram.EnqueueText(user, "/start");
            _telegram.EnqueueSticker(user);
            _telegram.EnqueueVoice(user);
        });
        Assert.Equal([Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"),
            Texts.TextExpectedHere, Texts.AskName, Texts.TextExpectedHere, Texts.AskName], answers);
    }

    [Fact]
    public async Task A_sticker_from_somebody_not_registered_points_to_start()
    {
        var answers = await AnswersTo(user => _telegram.EnqueueSticker(user));
        Assert.Equal([Texts.RegisterFirst], answers);
    }

    [Fact]
    public async Task An_edited_message_is_explained_and_changes_nothing()
    {
        var answers = await AnswersTo(user => _telegram.EnqueueEdited(user, "/start"));
        Assert.Equal([Texts.EditIgnored], answers);
    }

    [Fact]
    public async Task An_unknown_command_is_named_and_help_is_pointed_to()
    {
        var answers = await AnswersTo(user => _telegram.EnqueueText(user, "/report_everything now"));
        Assert.Equal([Texts.UnknownCommand("/report_everything")], answers);
    }

    [Fact]
    public async Task An_update_type_the_bot_does_not_handle_is_recorded_and_otherwise_ignored()
    {
        var pollUpdate = _telegram.EnqueueRaw(new JsonObject
        {
            ["poll"] = new JsonObject
            {
                ["id"] = "5001", ["question"] = "؟", ["options"] = new JsonArray(), ["total_voter_count"] = 0,
                ["is_closed"] = false, ["is_anonymous"] = true, ["type"] = "regular", ["allows_multiple_answers"] = false,
            },
        });
        var answers = await AnswersTo(_ => { });
        Assert.Empty(answers);

        await using var db = _bot.Db();
        Assert.True(await db.ProcessedUpdates.AnyAsync(p => p.UpdateId == pollUpdate && !p.Failed));
    }

    [Fact]
    public async Task Messages_in_a_group_are_not_answered_and_a_command_there_is_pointed_to_the_private_chat_in_private()
    {
        const long group = -1009001;
        _telegram.EnqueueText(9002, "/help"); // 9002 has started the bot; 9003 never has
        await _telegram.WaitUntilAsync(t => t.SentTo(9002).Count >= 1, Wait);
        _telegram.EnqueueBotAddedToGroup(group, 9001);
        _telegram.EnqueueGroupText(group, 9001, "سلام به همه");
        _telegram.EnqueueGroupText(group, 9002, "/start");
        _telegram.EnqueueGroupText(group, 9003, "/start");
        await _telegram.WaitUntilAsync(t => t.SentTo(9002).Count >= 2, Wait);
        await _bot.WaitUntilQuietAsync(Wait, _telegram);

        // The group hears the bot introduce itself once, and nothing else; a command is answered in private, to somebody
        // who started the bot (the messenger refuses a first message to anybody else).
        Assert.Equal([Texts.GroupIntro("مجمع بسیجیان شهرستان کاشان")], _telegram.SentTo(group).Select(m => m.Text));
        Assert.Equal(Texts.UsePrivateChat, _telegram.SentTo(9002)[^1].Text);
        Assert.Empty(_telegram.SentTo(9001));
        Assert.Empty(_telegram.SentTo(9003));
    }

    [Fact]
    public async Task Nothing_but_answers_is_written_for_bad_input()
    {
        await AnswersTo(user =>
        {
            _telegram.EnqueueText(user, "   ");
            _telegram.EnqueueSticker(user);
            _telegram.EnqueueEdited(user, "x");
        });
        await using var db = _bot.Db();
        Assert.Equal(_telegram.Sent.Count, await db.Outbox.CountAsync());
        Assert.Equal(0, await db.ProcessedUpdates.CountAsync(p => p.Failed));
    }
}
