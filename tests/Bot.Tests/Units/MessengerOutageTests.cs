using Assembly.Bot.Sending;

namespace Assembly.Bot.Tests.Units;

/// <summary>While a messenger does not answer, its sender tries it once at a time, at most a minute apart.</summary>
public sealed class MessengerOutageTests
{
    private static readonly DateTime T = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void While_the_messenger_answers_any_number_of_sends_may_start()
    {
        var outage = new MessengerOutage();
        Assert.Equal(int.MaxValue, outage.MayStart(T, out _));
        outage.Started();
        Assert.Null(outage.Answered());
        Assert.Null(outage.Since);
    }

    [Fact]
    public void A_burst_of_failures_of_sends_in_flight_together_is_one_step_and_then_one_try_at_a_time_goes_after_its_pause()
    {
        var outage = new MessengerOutage();
        var steps = Enumerable.Range(0, 64).Select(_ => outage.Started()).ToList();
        Assert.True(outage.Failed(steps[0], T));
        foreach (var step in steps.Skip(1)) Assert.False(outage.Failed(step, T.AddMilliseconds(5)));

        Assert.Equal(T, outage.Since);
        Assert.Equal(0, outage.MayStart(T.AddMilliseconds(500), out var nextTry));
        Assert.Equal(T.AddSeconds(1), nextTry);
        Assert.Equal(1, outage.MayStart(T.AddSeconds(1), out _));

        // The try is on its way: nothing else starts; its answer wakes the sender.
        var probe = outage.Started();
        Assert.Equal(0, outage.MayStart(T.AddSeconds(30), out nextTry));
        Assert.Equal(DateTime.MaxValue, nextTry);
        Assert.False(outage.Failed(probe, T.AddSeconds(1)));
        Assert.Equal(0, outage.MayStart(T.AddSeconds(2), out nextTry));
        Assert.Equal(T.AddSeconds(3), nextTry); // the pause doubled
    }

    [Fact]
    public void The_pause_doubles_to_at_most_a_minute_and_an_answer_ends_the_outage()
    {
        var outage = new MessengerOutage();
        var at = T;
        var pauses = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            Assert.True(outage.MayStart(at, out _) > 0);
            outage.Failed(outage.Started(), at);
            outage.MayStart(at, out var nextTry);
            pauses.Add((nextTry - at).TotalSeconds);
            at = nextTry;
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60], pauses);
        Assert.Equal(T, outage.Since);

        outage.Started();
        Assert.Equal(T, outage.Answered());
        Assert.Null(outage.Since);
        Assert.Equal(int.MaxValue, outage.MayStart(at, out _));

        // The next failure begins a new outage, from a second's pause.
        Assert.True(outage.Failed(outage.Started(), at));
        outage.MayStart(at, out var again);
        Assert.Equal(at.AddSeconds(1), again);
    }
}
