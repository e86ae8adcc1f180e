namespace Assembly.Bot.Sending;

/// <summary>
/// Whether a messenger answers its sender, and when to try it again while it does not. A 5xx, a network error or a
/// timeout is taken as the messenger's failure, not the message's: the sender then stops sending to it and tries it
/// with one message at a time, after a pause that doubles from a second to at most <see cref="LongestPause"/>, until
/// one is answered. So an outage costs one try a minute, not every waiting message's attempts, and when the messenger
/// answers again the backlog goes out in the outbox's order (each chat's, replies first). Any answer ends it, even a
/// refusal: the server is there.
///
/// The sends in flight when the messenger goes down fail together; only the first failure of each step counts (each
/// send carries the step it started in), so a burst of failures is one step, not sixty-four. Thread-safe: outcomes
/// arrive from the sends while the sender's loop asks whether it may start more.
/// </summary>
public sealed class MessengerOutage
{
    /// <summary>While the messenger does not answer, it is tried at least this seldom.</summary>
    public static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private int _failures;
    private int _step;
    private DateTime _nextTry;
    private bool _probeInFlight;
    private DateTime? _since;

    /// <summary>When the current outage began (the first failure since the last answer), or null while the messenger answers.</summary>
    public DateTime? Since
    {
        get { lock (_lock) return _since; }
    }

    /// <summary>
    /// How many sends may start now: any number while the messenger answers; during an outage one (the try) once its
    /// pause is over and no try is on its way, otherwise none, and <paramref name="nextTry"/> says when to ask again
    /// (<see cref="DateTime.MaxValue"/> while a try is on its way: its answer wakes the sender).
    /// </summary>
    public int MayStart(DateTime now, out DateTime nextTry)
    {
        lock (_lock)
        {
            nextTry = now;
            if (_failures == 0) return int.MaxValue;
            if (_probeInFlight)
            {
                nextTry = DateTime.MaxValue;
                return 0;
            }

            if (now < _nextTry)
            {
                nextTry = _nextTry;
                return 0;
            }

            return 1;
        }
    }

    /// <summary>A send starts; returns the step to hand back with its outcome. During an outage it is the try.</summary>
    public int Started()
    {
        lock (_lock)
        {
            if (_failures > 0) _probeInFlight = true;
            return _step;
        }
    }

    /// <summary>
    /// A send that started in <paramref name="step"/> got no answer (5xx, network error, timeout). Returns true when this
    /// failure began an outage.
    /// </summary>
    public bool Failed(int step, DateTime at)
    {
        lock (_lock)
        {
            // A send from an earlier step: the failure it reports was already counted.
            if (step != _step) return false;
            _failures++;
            _step++;
            _since ??= at;
            _nextTry = at + Pause(_failures);
            _probeInFlight = false;
            return _failures == 1;
        }
    }

    /// <summary>The messenger answered a send. Returns when the outage this ends began, or null if there was none.</summary>
    public DateTime? Answered()
    {
        lock (_lock)
        {
            var since = _since;
            _failures = 0;
            _since = null;
            _probeInFlight = false;
            return since;
        }
    }

    /// <summary>The pause after the <paramref name="failures"/>-th try in a row that got no answer: 1 s, 2 s, 4 s … at most a minute.</summary>
    public static TimeSpan Pause(int failures) => TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, Math.Pow(2, Math.Min(failures, 31) - 1)));
}
