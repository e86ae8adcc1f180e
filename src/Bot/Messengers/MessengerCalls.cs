using System.Collections.Concurrent;

namespace Assembly.Bot.Messengers;

/// <summary>
/// The last call to each messenger's server that got an answer, and the last that did not (network error,
/// timeout, 5xx), for <c>/healthz</c>; and since when it has not answered: the first failure after its last answer.
/// A 4xx is an answer too: the server is there.
/// </summary>
public sealed class MessengerCalls(TimeProvider time)
{
    public sealed record State(DateTimeOffset? LastAnswer, DateTimeOffset? LastFailure, string? LastError)
    {
        /// <summary>The first failure since the last answer: since when the messenger has been unreachable, or null while it answers.</summary>
        public DateTimeOffset? UnreachableSince { get; init; }
    }

    private readonly ConcurrentDictionary<string, State> _states = new();

    public void Answered(string messenger) =>
        _states.AddOrUpdate(messenger, _ => new State(time.GetUtcNow(), null, null),
            (_, s) => s with { LastAnswer = time.GetUtcNow(), UnreachableSince = null });

    /// <param name="error">Already without secrets (see <see cref="SecretRedactor"/>).</param>
    public void Failed(string messenger, string error)
    {
        var now = time.GetUtcNow();
        _states.AddOrUpdate(messenger, _ => new State(null, now, error) { UnreachableSince = now },
            (_, s) => s with { LastFailure = now, LastError = error, UnreachableSince = s.UnreachableSince ?? now });
    }

    public State Of(string messenger) => _states.GetValueOrDefault(messenger) ?? new State(null, null, null);
}
