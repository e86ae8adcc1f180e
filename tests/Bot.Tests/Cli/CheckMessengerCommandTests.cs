using System.Text.Json.Nodes;
using Assembly.Bot.Cli;
using Assembly.Bot.Cli.Check;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;

namespace Assembly.Bot.Tests.Cli;

/// <summary>
/// <c>check-messenger</c> end to end against the fake Bot API over real HTTP, the fake playing the operator on the
/// phone: it presses the button, shares a contact and sends an album once the test messages have arrived.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class CheckMessengerCommandTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const long Operator = 8801;

    private readonly TestConsole _console = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assembly-bot-tests", Guid.NewGuid().ToString("N"));

    public CheckMessengerCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string DatabaseFile => Path.Combine(_folder, "bot.db");

    /// <summary>The fake's address and token for <paramref name="key"/>; a database that must never come to exist.</summary>
    private Dictionary<string, string?> Settings(FakeBotApiServer fake, string key, string? token = null) => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["ConnectionStrings:Bot"] = $"Data Source={DatabaseFile}",
        ["Messengers:Telegram:Token"] = "",
        ["Messengers:Bale:Token"] = "",
        [$"Messengers:{key}:Token"] = token ?? fake.Token,
        [$"Messengers:{key}:BaseUrl"] = fake.BaseUrl,
    };

    private Task<int> CheckAsync(Dictionary<string, string?> settings, params string[] args) =>
        CheckMessengerCommand.RunAsync(args, _console.Console, settings);

    private string Output => _console.Out.ToString();

    /// <summary>The report's line for an item: its name, padding, then the finding.</summary>
    private string Line(string item) =>
        Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(item + "  ", StringComparison.Ordinal))?[item.Length..].Trim()
        ?? throw new Xunit.Sdk.XunitException($"No line for '{item}' in:\n{Output}");

    private static async Task<SentMessage> TestMessageAsync(FakeBotApiServer fake)
    {
        // The edit is the last send before the check reads updates.
        await fake.WaitUntilAsync(f => f.Sent.Any(m => m.Method == "editMessageText") || f.Sent.Count(m => m.Method == "sendMessage") >= 3, Wait);
        return fake.Sent.First(m => m.Text == Texts.CheckTestMessage);
    }

    [Fact]
    public async Task Against_a_telegram_like_server_everything_is_accepted_and_seen_and_the_report_says_how()
    {
        await using var telegram = await FakeBotApiServer.StartAsync();
        var run = CheckAsync(Settings(telegram, "Telegram"), "--messenger", "telegram", "--to", Operator.ToString(), "--seconds", "12");

        var message = await TestMessageAsync(telegram);
        telegram.EnqueueCallback(Operator, "check:1", message.MessageId);
        telegram.EnqueueContact(Operator, "+989123456789");
        telegram.EnqueueRaw(Album(Operator, mediaGroupId: JsonValue.Create("13489305719024")));
        telegram.EnqueueRaw(Album(Operator, mediaGroupId: JsonValue.Create("13489305719024")));
        var exit = await run;

        Assert.True(exit == ExitCodes.Ok, Output + _console.Error);
        Assert.Equal("", _console.Error.ToString());
        Assert.StartsWith("accepted: @assembly_test_bot, id 123456", Line("getMe"));
        Assert.StartsWith("honoured: an empty answer after 3.", Line("getUpdates, timeout 3"));
        Assert.StartsWith("accepted: message", Line("sendMessage, inline buttons"));
        Assert.StartsWith("accepted: message", Line("sendPhoto, PNG upload"));
        Assert.Contains("(7,", Line("sendMessage, 4,096 characters"));
        Assert.Equal("accepted: answered with the edited message", Line("editMessageText"));
        Assert.StartsWith("seen: callback_query.id is a string (\"", Line("button press"));
        Assert.Equal("accepted", Line("answerCallbackQuery"));
        Assert.Equal("seen: user_id present and equal to the sender's id", Line("contact"));
        Assert.Equal("seen: a string (\"13489305719024\")", Line("media_group_id"));
        Assert.Equal("all 4 read as the bot reads them", Line("updates read by the bot"));
        Assert.Equal("not seen: no 429 during the check", Line("retry_after"));
        Assert.Contains("Everything was accepted and seen.", Output);
        Assert.Contains("press one of the two buttons", Output);

        // What reached the chat: the buttons, the contact button, a real PNG, the longest text, the edit, the answer.
        var sent = telegram.SentTo(Operator);
        Assert.Equal(["sendMessage", "sendMessage", "sendPhoto", "sendMessage", "editMessageText", "sendMessage"], sent.Select(m => m.Method));
        Assert.Contains("check:1", sent[0].ReplyMarkupJson);
        Assert.Contains("\"request_contact\":true", sent[1].ReplyMarkupJson);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], telegram.Uploads.Single().Bytes[..4]);
        Assert.Equal(MessengerCheck.LongTextLength, sent[3].Text!.Length);
        Assert.Equal((message.MessageId, Texts.CheckTestMessageEdited), (sent[4].MessageId, sent[4].Text));
        Assert.Contains("remove_keyboard", sent[5].ReplyMarkupJson);
        Assert.Equal(Texts.CheckPressReceived, telegram.Answers.Single().Text);
        // The updates read were confirmed; no host ran, no database was made.
        Assert.Equal(0, telegram.PendingUpdates);
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task Against_a_bale_like_server_the_report_names_each_difference_and_a_refused_method_is_a_finding()
    {
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        bale.RefuseMethod("editMessageText");
        bale.FailNext(new Fault.TooManyRequests(1));
        var run = CheckAsync(Settings(bale, "Bale"), "--messenger", "bale", "--to", Operator.ToString(), "--seconds", "6");

        var message = await TestMessageAsync(bale);
        bale.EnqueueRaw(NumericPress(Operator, message.MessageId));
        bale.EnqueueContact(Operator, "+989123456789", withoutOwner: true);
        bale.EnqueueRaw(Album(Operator, mediaGroupId: JsonValue.Create(13489305719024L)));
        var exit = await run;

        Assert.True(exit == ExitCodes.Ok, Output + _console.Error);
        Assert.StartsWith("not honoured: an empty answer after 0.", Line("getUpdates, timeout 1"));
        Assert.Equal("refused: 404 Not Found: method not found", Line("editMessageText"));
        Assert.Equal("429 on sendMessage with retry_after 1 s; sent again after 1 s: accepted", Line("retry_after"));
        Assert.StartsWith("accepted: message", Line("sendMessage, inline buttons"));
        Assert.Equal("seen: callback_query.id is a number (4242)", Line("button press"));
        Assert.Equal("accepted", Line("answerCallbackQuery"));
        Assert.Equal("seen, without user_id: a shared number proves nothing on this messenger", Line("contact"));
        Assert.Equal("seen: a number (13489305719024)", Line("media_group_id"));
        Assert.StartsWith("2 of 3 could not be read: update ", Line("updates read by the bot"));
        Assert.True(Output.Contains("Not accepted or not seen: editMessageText, contact, updates read by the bot.", StringComparison.Ordinal), Output);
        Assert.Single(bale.Answers);
    }

    [Fact]
    public async Task When_getMe_fails_the_report_says_so_nothing_is_sent_and_the_exit_code_is_1()
    {
        const string wrong = "999999:WRONG-token_never-shown";
        await using var bale = await FakeBotApiServer.StartAsync();

        var exit = await CheckAsync(Settings(bale, "Bale", token: wrong), "--messenger", "bale", "--to", Operator.ToString(), "--seconds", "5");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("refused: 401 Unauthorized", Line("getMe"));
        Assert.Contains("getMe failed: check the token", Output);
        Assert.Empty(bale.Sent);
        Assert.Equal(0, bale.GetUpdatesCalls);
        Assert.DoesNotContain("WRONG-token", Output + _console.Error);
    }

    [Fact]
    public async Task A_command_line_without_a_messenger_or_a_chat_or_a_token_is_refused_in_one_sentence()
    {
        await using var bale = await FakeBotApiServer.StartAsync();
        var settings = Settings(bale, "Bale");

        Assert.Equal(ExitCodes.Usage, await CheckAsync(settings, "--to", "8801"));
        Assert.Equal(ExitCodes.Usage, await CheckAsync(settings, "--messenger", "whatsapp", "--to", "8801"));
        Assert.Equal(ExitCodes.Usage, await CheckAsync(settings, "--messenger", "bale"));
        Assert.Equal(ExitCodes.Usage, await CheckAsync(settings, "--messenger", "bale", "--to", "8801", "--seconds", "0"));
        Assert.Equal(ExitCodes.Failed, await CheckAsync(settings, "--messenger", "telegram", "--to", "8801"));
        Assert.Contains("No token for Telegram: give it as --Messengers:Telegram:Token=...", _console.Error.ToString());
        Assert.Empty(bale.Sent);
        Assert.Contains("check-messenger --messenger bale|telegram --to CHAT [--seconds N]", CliCommands.Help());
    }

    /// <summary>One photo of an album, as the operator's phone sends it.</summary>
    private static JsonObject Album(long userId, JsonValue mediaGroupId) => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = Random.Shared.Next(1_000, 1_000_000),
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Operator" },
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Operator" },
            ["date"] = 1_790_000_000,
            ["media_group_id"] = mediaGroupId,
            ["photo"] = new JsonArray(new JsonObject { ["file_id"] = "album-photo", ["file_unique_id"] = "ap", ["width"] = 90, ["height"] = 90 }),
        },
    };

    /// <summary>A button press whose id is a JSON number.</summary>
    private static JsonObject NumericPress(long userId, long messageId) => new()
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = 4242,
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Operator" },
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Operator" },
                ["date"] = 1_790_000_000,
            },
            ["data"] = "check:1",
        },
    };
}
