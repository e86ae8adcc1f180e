using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assembly.FakeBotApi;

namespace Assembly.Bot.Tests;

/// <summary>
/// The fake Bot API checked on the wire with a plain HttpClient (not Telegram.Bot), so that end-to-end tests
/// built on it rest on a fake that itself behaves like Telegram.
/// </summary>
public sealed class FakeBotApiTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<(HttpStatusCode Status, JsonObject Body)> CallAsync(FakeBotApiServer server, string method, string json = "{}", string? token = null)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync($"{server.BaseUrl}/bot{token ?? server.Token}/{method}", content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static long[] UpdateIds(JsonObject body) =>
        body["result"]!.AsArray().Select(u => u!["update_id"]!.GetValue<long>()).ToArray();

    [Fact]
    public async Task GetUpdates_returns_enqueued_updates_in_order_and_an_offset_confirms_them()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var first = server.EnqueueText(42, "سلام", "Ali");
        var second = server.EnqueueCallback(42, "menu:1", messageId: 7);

        var (status, body) = await CallAsync(server, "getUpdates", """{"offset":0,"timeout":0}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body["ok"]!.GetValue<bool>());
        Assert.Equal([first, second], UpdateIds(body));
        var message = body["result"]![0]!["message"]!;
        Assert.Equal("سلام", message["text"]!.GetValue<string>());
        Assert.Equal(42, message["chat"]!["id"]!.GetValue<long>());
        Assert.Equal("private", message["chat"]!["type"]!.GetValue<string>());
        Assert.Equal("Ali", message["from"]!["first_name"]!.GetValue<string>());
        Assert.Equal("menu:1", body["result"]![1]!["callback_query"]!["data"]!.GetValue<string>());

        // Without a higher offset nothing is confirmed; with it, the first is gone for good.
        Assert.Equal(2, server.PendingUpdates);
        (_, body) = await CallAsync(server, "getUpdates", $$"""{"offset":{{second}}}""");
        Assert.Equal([second], UpdateIds(body));
        (_, body) = await CallAsync(server, "getUpdates", $$"""{"offset":{{second + 1}}}""");
        Assert.Empty(UpdateIds(body));
        Assert.Equal(0, server.PendingUpdates);
        Assert.Equal(3, server.GetUpdatesCalls);
    }

    [Fact]
    public async Task Long_poll_waits_and_wakes_as_soon_as_an_update_is_enqueued()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var clock = Stopwatch.StartNew();
        var poll = CallAsync(server, "getUpdates", """{"offset":0,"timeout":20}""");
        await server.WaitUntilAsync(s => s.GetUpdatesCalls == 1, TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);

        var id = server.EnqueueText(5, "hi");
        var (_, body) = await poll.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([id], UpdateIds(body));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task IgnoreLongPollTimeout_answers_at_once_with_nothing_like_Bale()
    {
        await using var server = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { IgnoreLongPollTimeout = true });
        var clock = Stopwatch.StartNew();

        var (_, body) = await CallAsync(server, "getUpdates", """{"timeout":30}""");

        Assert.Empty(UpdateIds(body));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task SendMessage_records_the_message_and_returns_increasing_message_ids()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var (status, first) = await CallAsync(server, "sendMessage",
            """{"chat_id":42,"text":"یک","reply_markup":{"inline_keyboard":[[{"text":"بله","callback_data":"yes"}]]},"reply_parameters":{"message_id":3}}""");
        // Form-encoded, reply markup as a JSON string and the older reply_to_message_id, as Bale clients send it.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = "42", ["text"] = "two", ["reply_to_message_id"] = "4" });
        using var response = await Http.PostAsync($"{server.BaseUrl}/bot{server.Token}/sendMessage", form);
        var second = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, status);
        var firstId = first["result"]!["message_id"]!.GetValue<long>();
        Assert.Equal(42, first["result"]!["chat"]!["id"]!.GetValue<long>());
        Assert.Equal("private", first["result"]!["chat"]!["type"]!.GetValue<string>());
        Assert.True(second["result"]!["message_id"]!.GetValue<long>() > firstId);
        var sent = server.SentTo(42);
        Assert.Equal(["یک", "two"], sent.Select(m => m.Text));
        Assert.Equal(firstId, sent[0].MessageId);
        Assert.Equal([3L, 4L], sent.Select(m => m.ReplyToMessageId ?? 0));
        Assert.Contains("\"بله\"", sent[0].ReplyMarkupJson);
        Assert.All(sent, m => Assert.Equal("sendMessage", m.Method));
    }

    [Fact]
    public async Task FailNext_answers_429_with_retry_after_then_lets_the_next_send_through()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        server.FailNext(new Fault.TooManyRequests(7), new Fault.ServerError(503));

        var (status, body) = await CallAsync(server, "sendMessage", """{"chat_id":1,"text":"a"}""");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal(429, body["error_code"]!.GetValue<int>());
        Assert.Equal(7, body["parameters"]!["retry_after"]!.GetValue<int>());
        (status, body) = await CallAsync(server, "sendMessage", """{"chat_id":1,"text":"a"}""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(503, body["error_code"]!.GetValue<int>());
        Assert.Empty(server.Sent);

        (status, _) = await CallAsync(server, "sendMessage", """{"chat_id":1,"text":"a"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(server.Sent);
        Assert.Equal(1, server.TooManyRequestsAnswered);
    }

    [Fact]
    public async Task DropConnection_cuts_the_connection_and_the_send_has_no_effect()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        server.FailNext(new Fault.DropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => CallAsync(server, "sendMessage", """{"chat_id":1,"text":"a"}"""));

        Assert.Empty(server.Sent);
        var (status, _) = await CallAsync(server, "sendMessage", """{"chat_id":1,"text":"a"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(server.Sent);
    }

    [Fact]
    public async Task BadGateway_answers_an_html_page_and_a_blocked_chat_answers_403()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        server.FailNext(new Fault.BadGateway());
        server.BlockChat(9);

        using var content = new StringContent("""{"chat_id":1,"text":"a"}""", Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync($"{server.BaseUrl}/bot{server.Token}/sendMessage", content);
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("<html>", await response.Content.ReadAsStringAsync());
        var (status, body) = await CallAsync(server, "sendMessage", """{"chat_id":9,"text":"a"}""");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Forbidden: bot was blocked by the user", body["description"]!.GetValue<string>());
        Assert.Empty(server.Sent);
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized_and_an_unknown_method_not_found()
    {
        await using var server = await FakeBotApiServer.StartAsync();

        var (status, body) = await CallAsync(server, "getMe", token: "999:wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(401, body["error_code"]!.GetValue<int>());
        Assert.Equal("Unauthorized", body["description"]!.GetValue<string>());
        (status, _) = await CallAsync(server, "noSuchMethod");
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, body) = await CallAsync(server, "getMe");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("assembly_test_bot", body["result"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Redeliver_brings_back_a_confirmed_update_with_the_same_id()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var id = server.EnqueueText(1, "once");
        await CallAsync(server, "getUpdates", $$"""{"offset":{{id + 1}}}""");
        Assert.Equal(0, server.PendingUpdates);

        server.Redeliver(id);
        var (_, body) = await CallAsync(server, "getUpdates", $$"""{"offset":{{id + 1}}}""");

        Assert.Equal([id], UpdateIds(body));
    }

    [Fact]
    public async Task Per_chat_rate_limit_refuses_the_extra_send_with_429_retry_after_1()
    {
        await using var server = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { PerChatSendsPerSecond = 2 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await CallAsync(server, "sendMessage", """{"chat_id":1,"text":"a"}""")).Status);
        var (other, _) = await CallAsync(server, "sendMessage", """{"chat_id":2,"text":"a"}""");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other);
        Assert.Equal(1, server.TooManyRequestsAnswered);
        Assert.Equal(3, server.Sent.Count);
    }

    [Fact]
    public async Task AnswerCallbackQuery_records_answers_to_presses_it_handed_out()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        server.EnqueueCallback(3, "x", messageId: 1);
        var (_, updates) = await CallAsync(server, "getUpdates");
        var queryId = updates["result"]![0]!["callback_query"]!["id"]!.GetValue<string>();

        var (status, body) = await CallAsync(server, "answerCallbackQuery", $$"""{"callback_query_id":"{{queryId}}","text":"done","show_alert":true}""");
        var (unknown, _) = await CallAsync(server, "answerCallbackQuery", """{"callback_query_id":"nope"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body["result"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        var answer = Assert.Single(server.Answers);
        Assert.Equal((queryId, "done", true), (answer.CallbackQueryId, answer.Text, answer.ShowAlert));
    }

    [Fact]
    public async Task WaitUntilAsync_times_out_saying_what_was_sent()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await CallAsync(server, "sendMessage", """{"chat_id":1,"text":"only this"}""");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => server.WaitUntilAsync(s => s.Sent.Count >= 2, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("1 message(s) sent", error.Message);
        Assert.Contains("only this", error.Message);
    }
}
