using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assembly.Bot.Messengers;

/// <summary>
/// Bale may write <c>media_group_id</c> and <c>callback_query.id</c> as numbers where Telegram writes strings
/// (<c>docs/bale.md</c>), and Telegram.Bot's converters refuse a number for a string: one such update would fail its
/// whole <c>getUpdates</c> batch, again at every poll. The update's JSON is put right before Telegram.Bot reads it:
/// those numbers become the same digits as text. Anything else is left as it came.
/// </summary>
public static class NumericIds
{
    /// <summary>The update (or the <c>getUpdates</c> answer) with those ids as text; null when none needed it.</summary>
    public static byte[]? AsText(byte[] json)
    {
        var span = json.AsSpan();
        if (span.IndexOf("\"media_group_id\""u8) < 0 && span.IndexOf("\"callback_query\""u8) < 0) return null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null; // left for Telegram.Bot to refuse as it would have
        }

        return Fix(root) ? JsonSerializer.SerializeToUtf8Bytes(root) : null;
    }

    /// <summary>Changes the ids in place; true when it changed any.</summary>
    public static bool Fix(JsonNode? node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                if (AsText(obj, "media_group_id")) changed = true;
                if (obj["callback_query"] is JsonObject press && AsText(press, "id")) changed = true;
                foreach (var (_, child) in obj.ToList())
                    changed |= Fix(child);
                break;
            case JsonArray array:
                foreach (var child in array)
                    changed |= Fix(child);
                break;
        }

        return changed;
    }

    private static bool AsText(JsonObject obj, string name)
    {
        if (obj[name] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) return false;
        obj[name] = value.ToJsonString();
        return true;
    }
}

/// <summary>Puts <c>getUpdates</c> answers right (<see cref="NumericIds"/>) on their way to Telegram.Bot.</summary>
public sealed class NumericIdsHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri?.AbsolutePath.EndsWith("/getUpdates", StringComparison.OrdinalIgnoreCase) != true || !response.IsSuccessStatusCode)
            return response;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var type = response.Content.Headers.ContentType;
        response.Content = new ByteArrayContent(NumericIds.AsText(body) ?? body);
        response.Content.Headers.ContentType = type ?? new MediaTypeHeaderValue("application/json");
        return response;
    }
}
