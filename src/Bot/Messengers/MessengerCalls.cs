using System.Collections.Concurrent;

namespace Assembly.Bot.Messengers;

/// <summary>
/// The last call to each messenger's server that got an answer, and the last that did not (network error,
/// timeout, 5xx), for <c>/healthz</c>. A 4xx is an answer too: the server is there.
/// </summary>
public sealed class MessengerCalls(TimeProvider time)
{
    public sealed record State(DateTimeOffset? LastAnswer, DateTimeOffset? LastFailure, string? LastError);

    private readonly ConcurrentDictionary<string, State> _states = new();

    public void Answered(string messenger) =>
        _states.AddOrUpdate(messenger, _ => new State(time.GetUtcNow(), null, null), (_, s) => s with { LastAnswer = time.GetUtcNow() });

    /// <param name="error">Already without secrets (see <see cref="SecretRedactor"/>).</param>
    public void Failed(string messenger, string error) =>
        _states.AddOrUpdate(messenger, _ => new State(null, time.GetUtcNow(), error), (_, s) => s with { LastFailure = time.GetUtcNow(), LastError = error });

    public State Of(string messenger) => _states.GetValueOrDefault(messenger) ?? new State(null, null, null);
}
