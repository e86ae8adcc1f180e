namespace Assembly.FakeBotApi;

/// <summary>
/// One failure to answer a send request with, queued by <see cref="FakeBotApiServer.FailNext"/>. A faulted
/// request is never recorded: it had no effect, so a bot that retries it must not produce a duplicate.
/// </summary>
public abstract record Fault
{
    // Closed set: only the cases below, so the server's switch over them is complete.
    private Fault() { }

    /// <summary>429 with <c>parameters.retry_after</c>, as Telegram throttles.</summary>
    public sealed record TooManyRequests(int RetryAfterSeconds) : Fault;

    /// <summary>A JSON error body with this status as both HTTP status and error_code.</summary>
    public sealed record ServerError(int Status = 500) : Fault;

    /// <summary>502 with an HTML page, not JSON: what a proxy in front of the API answers when it is down.</summary>
    public sealed record BadGateway : Fault;

    /// <summary>403 "Forbidden: bot was blocked by the user".</summary>
    public sealed record Forbidden : Fault;

    /// <summary>
    /// Any other refusal, as a JSON error with this code and description: a 400 the message cannot get past
    /// ("Bad Request: message is too long"), a 403 that is not a block, Bale's 420 or "bot limit exceed".
    /// </summary>
    public sealed record Refused(int Code, string Description) : Fault;

    /// <summary>The TCP connection is cut before any answer: the client cannot know whether it took effect (it did not).</summary>
    public sealed record DropConnection : Fault;
}
