using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assembly.Bot.Receiving;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Assembly.Bot.Http;

/// <summary>
/// One messenger's webhook: checks the request comes from the messenger, reads the update and answers only once
/// it is committed. A request that fails the check gets 401 (wrong or missing Telegram secret header; for Bale,
/// whose secret is in the path, any other path is simply 404) and changes nothing. What cannot be stored now
/// gets 503, so the messenger posts it again.
/// </summary>
public static class WebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static async Task<IResult> HandleAsync(HttpContext http, WebhookReceiver receiver, ILogger logger)
    {
        if (receiver.HeaderSecret is { } secret && !SameSecret(http.Request.Headers[SecretHeader].ToString(), secret))
            return Results.Unauthorized();

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            update = null;
        }

        if (update is null || update.Id <= 0)
            return Results.BadRequest();

        try
        {
            await receiver.AcceptAsync(receiver.Read(update), http.RequestAborted);
            return Results.Ok();
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
