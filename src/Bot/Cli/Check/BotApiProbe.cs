using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assembly.Bot.Messengers;

namespace Assembly.Bot.Cli.Check;

/// <summary>
/// One answer of the Bot API as it came over the wire: the envelope read as JSON, not as Telegram.Bot's types, so
/// that the check sees what the messenger really sent (a number where Telegram sends a string, a field left out).
/// </summary>
public sealed record ApiAnswer(string Method, int Status, bool Ok, JsonNode? Result, int? ErrorCode, string? Description, int? RetryAfter, TimeSpan Took, string? Failure = null)
{
    /// <summary>How it was refused or why no answer came, in a few words without the token; empty when it was accepted.</summary>
    public string Refusal => Ok ? "" : Failure ?? $"refused: {ErrorCode ?? Status} {Description}".TrimEnd();
}

/// <summary>
/// Calls a messenger's Bot API with plain HTTP (<c>POST {BaseUrl}/bot{token}/{method}</c>, JSON or multipart),
/// through its proxy if one is set, each call with its own timeout. Never throws for what the server or the
/// network did: every outcome is an <see cref="ApiAnswer"/>, with the token removed from any message.
/// </summary>
public sealed class BotApiProbe(HttpClient http, string baseUrl, string token, TimeProvider time, SecretRedactor redactor)
{
    private readonly string _root = $"{baseUrl.TrimEnd('/')}/bot{token}/";

    public static HttpClient CreateHttpClient(string? proxy) => new(new SocketsHttpHandler
    {
        Proxy = string.IsNullOrWhiteSpace(proxy) ? null : new WebProxy(proxy),
        UseProxy = !string.IsNullOrWhiteSpace(proxy),
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    public Task<ApiAnswer> CallAsync(string method, JsonObject body, TimeSpan timeout, CancellationToken ct) =>
        SendAsync(method, () => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), timeout, ct);

    /// <summary>A file uploaded as multipart form data, with the other parameters as form fields.</summary>
    public Task<ApiAnswer> UploadAsync(string method, IReadOnlyDictionary<string, string> fields, string fileField, string fileName, byte[] content,
        TimeSpan timeout, CancellationToken ct) =>
        SendAsync(method, () =>
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in fields) form.Add(new StringContent(value, Encoding.UTF8), name);
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, fileField, fileName);
            return form;
        }, timeout, ct);

    private async Task<ApiAnswer> SendAsync(string method, Func<HttpContent> content, TimeSpan timeout, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _root + method) { Content = content() };
            using var response = await http.SendAsync(request, limit.Token);
            var text = await response.Content.ReadAsStringAsync(limit.Token);
            return Read(method, (int)response.StatusCode, text, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ApiAnswer(method, 0, false, null, null, null, null, time.GetElapsedTime(started),
                $"no answer within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new ApiAnswer(method, 0, false, null, null, null, null, time.GetElapsedTime(started),
                "no answer: " + redactor.Describe(e));
        }
    }

    private ApiAnswer Read(string method, int status, string text, TimeSpan took)
    {
        JsonObject? envelope;
        try
        {
            envelope = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope is null)
            return new ApiAnswer(method, status, false, null, null, null, null, took, $"HTTP {status} without the Bot API's JSON (a proxy's page?)");
        var ok = envelope["ok"] is JsonValue okValue && okValue.TryGetValue<bool>(out var isOk) && isOk;
        return new ApiAnswer(method, status, ok, envelope["result"]?.DeepClone(), Number(envelope["error_code"]),
            envelope["description"] is JsonValue d && d.TryGetValue<string>(out var description) ? redactor.Redact(description) : null,
            Number(envelope["parameters"]?["retry_after"]), took);
    }

    /// <summary>An integer whether the server wrote it as a number or as a string.</summary>
    private static int? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, out var n) => n,
        _ => null,
    };
}
