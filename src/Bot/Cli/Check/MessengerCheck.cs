using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assembly.Bot.Messengers;
using Assembly.Conversations.Text;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Assembly.Bot.Cli.Check;

/// <summary>
/// The steps of <c>check-messenger</c> against one messenger with the bot's real token: getMe; how getUpdates honours
/// <c>timeout</c>; a message with inline buttons, one with the contact button, a photo upload and a text of the
/// longest length to the chat the operator named; an edit of the first; then the updates of a press, a shared
/// contact and an album, as the operator makes them. Every answer is read as raw JSON, and each update is also
/// read the way the bot reads it (Telegram.Bot, then <see cref="UpdateMapper"/>), so the report shows both what the
/// messenger sent and whether the bot can use it. A refusal is a finding, not the end: every step is tried.
/// </summary>
public sealed class MessengerCheck(BotApiProbe api, string messenger, long chatId, TimeSpan reading, TextWriter output, TimeProvider time)
{
    public const int LongTextLength = 4096;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>An empty getUpdates answer sooner than this did not wait for the <c>timeout</c> asked.</summary>
    private static readonly TimeSpan EarlyEmptyAnswer = TimeSpan.FromMilliseconds(500);

    private readonly CheckReport _report = new();
    private readonly List<string> _throttles = [];
    private readonly List<string> _unreadable = [];
    private long _offset;
    private int _updatesRead;
    private string? _username;
    private string? _press;
    private ApiAnswer? _pressAnswer;
    private string? _contact;
    private bool _contactProved;
    private string? _album;

    /// <summary>Runs every step; <c>false</c> when getMe itself got no good answer (the token or the address is wrong).</summary>
    public async Task<(CheckReport Report, bool Reached)> RunAsync(CancellationToken ct)
    {
        var me = await api.CallAsync("getMe", new JsonObject(), CallTimeout, ct);
        if (!me.Ok)
        {
            _report.Add("getMe", me);
            return (_report, false);
        }

        _username = me.Result?["username"]?.GetValue<string>();
        _report.Add("getMe", me, $"@{_username}, id {me.Result?["id"]}");
        await output.WriteLineAsync($"Connected to {messenger} as @{_username}.");

        var polling = await StartPollingAsync(ct);
        var buttons = await SendAsync("sendMessage", Text(Texts.CheckTestMessage, InlineButtons()), ct);
        _report.Add("sendMessage, inline buttons", buttons, MessageIdOf(buttons));
        var share = await SendAsync("sendMessage", Text(Texts.CheckShareNumber, ContactKeyboard()), ct);
        _report.Add("sendMessage, contact button", share, MessageIdOf(share));
        var photo = await SendAsync("sendPhoto", () => api.UploadAsync("sendPhoto",
            new Dictionary<string, string> { ["chat_id"] = chatId.ToString(CultureInfo.InvariantCulture), ["caption"] = Texts.CheckPhotoCaption },
            "photo", TestPicture.FileName, TestPicture.Png(), CallTimeout, ct), ct);
        _report.Add("sendPhoto, PNG upload", photo, MessageIdOf(photo));
        var longText = LongText();
        var sentLong = await SendAsync("sendMessage", Text(longText, null), ct);
        _report.Add($"sendMessage, {longText.Length:N0} characters", sentLong,
            $"{MessageIdOf(sentLong)} ({Encoding.UTF8.GetByteCount(longText):N0} bytes of UTF-8)");
        await EditAsync(buttons, ct);

        if (polling) await ReadUpdatesAsync(ct);
        var done = await SendAsync("sendMessage", Text(Texts.CheckDone, new JsonObject { ["remove_keyboard"] = true }), ct);
        _report.Add("sendMessage, keyboard removed", done, MessageIdOf(done));
        _report.Add("retry_after", _throttles.Count == 0 ? "not seen: no 429 during the check" : string.Join("; ", _throttles));
        return (_report, true);
    }

    /// <summary>
    /// Confirms what was waiting before the check (the bot must not be running: this reads its updates), then times
    /// one long poll with nothing pending. False when updates cannot be read at all (a webhook is set, say).
    /// </summary>
    private async Task<bool> StartPollingAsync(CancellationToken ct)
    {
        var waiting = 0;
        for (var i = 0; i < 50; i++)
        {
            var drained = await GetUpdatesAsync(0, ct);
            if (!drained.Ok)
            {
                _report.Add("getUpdates", drained.ErrorCode == 409
                    ? drained.Refusal + " (a webhook is set: updates are not read; the bot removes it when it polls)"
                    : drained.Refusal, refused: true);
                return false;
            }

            var updates = drained.Result as JsonArray ?? [];
            if (updates.Count == 0) break;
            foreach (var update in updates.OfType<JsonObject>()) Advance(update);
            waiting += updates.Count;
        }

        var timeout = (int)Math.Clamp(reading.TotalSeconds / 4, 1, 5);
        for (var tries = 0; tries < 2; tries++)
        {
            var poll = await GetUpdatesAsync(timeout, ct);
            if (!poll.Ok)
            {
                _report.Add($"getUpdates, timeout {timeout}", poll);
                return false;
            }

            if (poll.Result is JsonArray { Count: > 0 } early)
            {
                // Somebody wrote meanwhile: those are the check's own updates; time another poll.
                foreach (var update in early.OfType<JsonObject>()) await HandleAsync(update, ct);
                continue;
            }

            var took = poll.Took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            _report.Add($"getUpdates, timeout {timeout}", poll.Took >= TimeSpan.FromSeconds(timeout * 0.8)
                ? $"honoured: an empty answer after {took} s"
                : $"not honoured: an empty answer after {took} s (the bot then waits 0.25-2 s between polls by itself)");
            break;
        }

        if (waiting > 0)
            _report.Add("updates waiting before", $"{waiting}, read and confirmed by this check (the bot will not see them)");
        return true;
    }

    private async Task EditAsync(ApiAnswer original, CancellationToken ct)
    {
        if (original.Result?["message_id"] is not { } messageId)
        {
            _report.Add("editMessageText", "not tried: the message to edit was not sent", refused: true);
            return;
        }

        var body = Text(Texts.CheckTestMessageEdited, InlineButtons());
        body["message_id"] = messageId.DeepClone();
        var edit = await SendAsync("editMessageText", body, ct);
        _report.Add("editMessageText", edit, edit.Result switch
        {
            JsonObject { } message when message["message_id"] is JsonValue id && id.ToJsonString() != "0" => "answered with the edited message",
            JsonObject => "answered with a stub, not the message (message_id 0 or none)",
            JsonValue v when v.GetValueKind() == JsonValueKind.True => "answered true",
            _ => $"answered {edit.Result?.ToJsonString() ?? "nothing"}",
        });
    }

    private async Task ReadUpdatesAsync(CancellationToken ct)
    {
        await output.WriteLineAsync(
            $"""

            Now, on the phone, in the chat with @{_username}:
              1. press one of the two buttons under the test message;
              2. share the number with the «{Texts.ShareMyNumber}» button under the message field;
              3. if you can, send an album of two photos (it shows how the messenger writes media_group_id).
            Reading updates for {reading.TotalSeconds:0} s; it stops as soon as all three have come.

            """);
        var started = time.GetTimestamp();
        var failures = 0;
        while (!(_press is not null && _contactProved && _album is not null))
        {
            var remaining = reading - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero) break;
            var poll = await GetUpdatesAsync((int)Math.Clamp(Math.Ceiling(remaining.TotalSeconds), 1, 25), ct);
            var updates = poll.Result as JsonArray;
            if (!poll.Ok) failures++;
            else foreach (var update in (updates ?? []).OfType<JsonObject>()) await HandleAsync(update, ct);
            if (!poll.Ok || (updates is not { Count: > 0 } && poll.Took < EarlyEmptyAnswer))
                await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
        }

        // The last updates read are confirmed too, so the bot, once started, does not take the press or the contact
        // as its members' words.
        if (_offset > 0)
            await api.CallAsync("getUpdates", new JsonObject { ["offset"] = _offset, ["limit"] = 1, ["timeout"] = 0 }, CallTimeout, ct);
        var seconds = time.GetElapsedTime(started).TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        _report.Add("updates read", $"{_updatesRead} in {seconds} s" + (failures == 0 ? "" : $"; {failures} getUpdates calls failed"), refused: failures > 0);
        _report.Add("button press", _press ?? "not seen: press a button under the test message to check callback_query.id",
            refused: _press is null);
        _report.Add("answerCallbackQuery", _pressAnswer is null ? "not tried: no press came" : _pressAnswer.Ok ? "accepted" : _pressAnswer.Refusal,
            refused: _pressAnswer is { Ok: false });
        // Only a contact whose user_id is the sender's proves a number; anything less is a finding to act on.
        _report.Add("contact", _contact ?? "not seen: share the number with the contact button to check contact.user_id",
            refused: !_contactProved);
        _report.Add("media_group_id", _album ?? "not seen (send an album of two photos to check it)");
        _report.Add("updates read by the bot", _unreadable.Count == 0
            ? $"all {_updatesRead} read as the bot reads them"
            : $"{_unreadable.Count} of {_updatesRead} could not be read: {string.Join("; ", _unreadable)}", refused: _unreadable.Count > 0);
    }

    private async Task HandleAsync(JsonObject update, CancellationToken ct)
    {
        Advance(update);
        _updatesRead++;
        try
        {
            var read = JsonSerializer.Deserialize<Update>(update.ToJsonString(), JsonBotAPI.Options)
                       ?? throw new JsonException("the update is null");
            UpdateMapper.Map(read, messenger, _username);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            _unreadable.Add($"update {update["update_id"]}: {e.GetType().Name}: {e.Message}");
        }

        if (update["callback_query"] is JsonObject press && press["id"] is JsonValue id)
        {
            var kind = id.GetValueKind() == JsonValueKind.Number ? "a number" : "a string";
            _press ??= $"seen: callback_query.id is {kind} ({id.ToJsonString()})";
            var answer = await SendAsync("answerCallbackQuery",
                new JsonObject { ["callback_query_id"] = id.DeepClone(), ["text"] = Texts.CheckPressReceived }, ct);
            if (_pressAnswer is not { Ok: true }) _pressAnswer = answer;
        }

        if ((update["message"] ?? update["edited_message"]) is not JsonObject message) return;
        if (message["contact"] is JsonObject contact)
        {
            var from = message["from"]?["id"]?.ToJsonString();
            var owner = contact["user_id"]?.ToJsonString();
            var proved = owner is not null && owner == from;
            if (!_contactProved)
                _contact = owner is null ? "seen, without user_id: a shared number proves nothing on this messenger"
                    : proved ? "seen: user_id present and equal to the sender's id"
                    : $"seen: user_id {owner} is not the sender's ({from}): a contact from the address book? Share your own";
            _contactProved |= proved;
        }

        if (message["media_group_id"] is JsonValue group)
            _album ??= $"seen: {(group.GetValueKind() == JsonValueKind.Number ? "a number" : "a string")} ({group.ToJsonString()})";
    }

    private void Advance(JsonObject update)
    {
        if (update["update_id"] is JsonValue v && v.TryGetValue<long>(out var id)) _offset = Math.Max(_offset, id + 1);
    }

    private Task<ApiAnswer> GetUpdatesAsync(int timeout, CancellationToken ct)
    {
        var body = new JsonObject { ["limit"] = 100, ["timeout"] = timeout };
        if (_offset > 0) body["offset"] = _offset;
        return api.CallAsync("getUpdates", body, TimeSpan.FromSeconds(timeout + 15), ct);
    }

    private Task<ApiAnswer> SendAsync(string method, JsonObject body, CancellationToken ct) =>
        SendAsync(method, () => api.CallAsync(method, body, CallTimeout, ct), ct);

    /// <summary>
    /// One call; if the messenger asks to wait (429, 420, or Bale's «bot limit exceed»), waits as told (5 s when it
    /// does not say) and tries once more, noting how it asked.
    /// </summary>
    private async Task<ApiAnswer> SendAsync(string method, Func<Task<ApiAnswer>> call, CancellationToken ct)
    {
        var answer = await call();
        var throttled = answer.ErrorCode is 429 or 420 || answer.Status == 429
                        || answer.Description?.Contains("limit exceed", StringComparison.OrdinalIgnoreCase) == true;
        if (answer.Ok || !throttled) return answer;
        var wait = TimeSpan.FromSeconds(Math.Clamp(answer.RetryAfter ?? 5, 1, 60));
        var again = await DelayThenAsync(wait, call, ct);
        _throttles.Add((answer.RetryAfter is { } after
                           ? $"{answer.ErrorCode ?? answer.Status} on {method} with retry_after {after} s"
                           : $"{answer.ErrorCode ?? answer.Status} on {method} without retry_after ({answer.Description})")
                       + $"; sent again after {wait.TotalSeconds:0} s: {(again.Ok ? "accepted" : again.Refusal)}");
        return again;
    }

    private async Task<ApiAnswer> DelayThenAsync(TimeSpan wait, Func<Task<ApiAnswer>> call, CancellationToken ct)
    {
        await Task.Delay(wait, time, ct);
        return await call();
    }

    private JsonObject Text(string text, JsonObject? markup)
    {
        var body = new JsonObject { ["chat_id"] = chatId, ["text"] = text };
        if (markup is not null) body["reply_markup"] = markup;
        return body;
    }

    private static JsonObject InlineButtons() => new()
    {
        ["inline_keyboard"] = new JsonArray(new JsonArray(
            new JsonObject { ["text"] = Texts.CheckButton(1), ["callback_data"] = "check:1" },
            new JsonObject { ["text"] = Texts.CheckButton(2), ["callback_data"] = "check:2" })),
    };

    private static JsonObject ContactKeyboard() => new()
    {
        ["keyboard"] = new JsonArray(new JsonArray(new JsonObject { ["text"] = Texts.ShareMyNumber, ["request_contact"] = true })),
        ["resize_keyboard"] = true,
        ["one_time_keyboard"] = true,
    };

    /// <summary>A heading, then Persian words up to exactly the longest text a message may have.</summary>
    public static string LongText()
    {
        var text = new StringBuilder(Texts.CheckLongTextHeading).Append('\n');
        while (text.Length < LongTextLength) text.Append(Texts.CheckLongTextFiller);
        text.Length = LongTextLength;
        // A messenger trims a trailing space, which would make the text one character short of the longest.
        if (text[^1] == ' ') text[^1] = '.';
        return text.ToString();
    }

    private static string MessageIdOf(ApiAnswer answer) => $"message {answer.Result?["message_id"]?.ToJsonString() ?? "(no id)"}";
}
