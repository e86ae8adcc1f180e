using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assembly.Bot.Messengers;
using Assembly.Bot.Receiving;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Assembly.Bot.Http;

/// <summary>
/// One messenger's webhook: checks the request comes from the messenger, reads the update and answers only once
/// it is committed. A request that fails the check gets 401 (wrong or missing Telegram secret header; for Bale,
/// whose secret is in the path, any other path is simply 404) and changes nothing. A body over
/// <see cref="MaxBodyBytes"/> gets 413. What cannot be stored now (it failed, or too many wait already) gets 503,
/// so the messenger posts it again.
/// </summary>
public static class WebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>
    /// The largest body taken: an update is a few kilobytes (a message is at most 4096 characters), so this leaves
    /// ample room while keeping a flood of large bodies from filling memory.
    /// </summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext http, WebhookReceiver receiver, ILogger logger)
    {
        // Kestrel's own cap for this request (30 MB by default for all), before anything reads the body: a body that
        // gives no Content-Length (chunked, where the chunks' framing counts too) is cut off once it passes the cap,
        // and one that declares too much is not drained after the answer either.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (http.Request.ContentLength > MaxBodyBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        if (receiver.HeaderSecret is { } secret && !SameSecret(http.Request.Headers[SecretHeader].ToString(), secret))
            return Results.Unauthorized();

        Update? update;
        try
        {
            // Read as a tree first: Bale may write some ids as numbers (NumericIds).
            var node = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            NumericIds.Fix(node);
            update = node?.Deserialize<Update>(JsonBotAPI.Options);
        }
        catch (JsonException)
        {
            update = null;
        }
        catch (BadHttpRequestException e)
        {
            // 413 when a body without Content-Length passed the cap; 400 when it was malformed (a broken chunk).
            return Results.StatusCode(e.StatusCode);
        }

        if (update is null || update.Id <= 0)
            return Results.BadRequest();

        try
        {
            return await receiver.AcceptAsync(receiver.Read(update), http.RequestAborted)
                ? Results.Ok()
                : Results.StatusCode(StatusCodes.Status503ServiceUnavailable); // too many wait: posted again later
        }
        catch (OperationCanceledException)
        {
            // Stopping, or the messenger gave up waiting: it posts the update again.
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e)
        {
            logger.LogWarning("{Messenger}: update {UpdateId} not stored; asking the messenger to post it again: {Error}", receiver.Messenger, update.Id, e.Message);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>In constant time, so the answer's timing tells nothing about how much of a guess was right.</summary>
    private static bool SameSecret(string given, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret));
}
