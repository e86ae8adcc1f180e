using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Assembly.FakeBotApi;

/// <summary>What the fake answers one request with, in Telegram's envelope; written by <see cref="WriteAsync"/>.</summary>
internal abstract record BotReply
{
    /// <summary>Non-ASCII text stays readable (Persian labels in recorded markup); still valid JSON for any client.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly BotReply True = new Ok("true");

    public static BotReply Result(JsonNode result) => new Ok(result.ToJsonString(Json));

    public static BotReply NotFound(string description = "Not Found") => new Error(404, description);

    /// <summary><c>{"ok":true,"result":...}</c> with the result already serialized.</summary>
    public sealed record Ok(string ResultJson) : BotReply;

    /// <summary><c>{"ok":false,...}</c> with HTTP status = error_code, as Telegram does.</summary>
    public sealed record Error(int Code, string Description, int? RetryAfter = null, long? MigrateToChatId = null) : BotReply;

    /// <summary>A non-JSON page, as a proxy in front of the API answers.</summary>
    public sealed record Html(int Status, string Body) : BotReply;

    /// <summary>No answer: the connection is cut.</summary>
    public sealed record Abort : BotReply;

    public static async Task WriteAsync(HttpContext http, BotReply reply)
    {
        var response = http.Response;
        switch (reply)
        {
            case Abort:
                http.Abort();
                return;
            case Html html:
                response.StatusCode = html.Status;
                response.ContentType = "text/html";
                await response.WriteAsync(html.Body, Encoding.UTF8, http.RequestAborted);
                return;
            case Ok ok:
                response.StatusCode = 200;
                response.ContentType = "application/json";
                await response.WriteAsync("{\"ok\":true,\"result\":" + ok.ResultJson + "}", Encoding.UTF8, http.RequestAborted);
                return;
            case Error error:
                var body = new JsonObject { ["ok"] = false, ["error_code"] = error.Code, ["description"] = error.Description };
                if (error.RetryAfter is { } retryAfter)
                    body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
                if (error.MigrateToChatId is { } migrateTo)
                    body["parameters"] = new JsonObject { ["migrate_to_chat_id"] = migrateTo };
                response.StatusCode = error.Code;
                response.ContentType = "application/json";
                await response.WriteAsync(body.ToJsonString(Json), Encoding.UTF8, http.RequestAborted);
                return;
        }
    }
}

/// <summary>Thrown by a method handler for a request Telegram would refuse with 400.</summary>
internal sealed class BadRequestException(string description) : Exception("Bad Request: " + description);
