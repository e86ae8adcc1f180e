using Assembly.Bot.Messengers;
using Assembly.Bot.Sending;
using Assembly.Storage.Outbox;

namespace Assembly.Bot.Tests.Units;

/// <summary>What each answer of the messenger means for the row that was sent, by the attempts it had before and its age.</summary>
public sealed class RetryPolicyTests
{
    private static readonly DateTime At = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(48);

    private static OutboxOutcome Decide(SendOutcome outcome, int attemptsBefore = 0, bool withFile = false, TimeSpan? age = null) =>
        RetryPolicy.Decide(new SendAttempt(RowId: 7, ChatId: 4242, attemptsBefore, withFile, QueuedAt: At - (age ?? TimeSpan.FromMinutes(1))), outcome, At, GiveUpAfter);

    [Fact]
    public void A_delivered_message_is_sent_with_the_messengers_id_and_its_file_goes()
    {
        var sent = Assert.IsType<OutboxOutcome.Sent>(Decide(new SendOutcome.Sent(991), withFile: true));
        Assert.Equal(new OutboxOutcome.Sent(7, At, 991, WithFile: true), sent);
    }

    [Fact]
    public void A_429_is_tried_again_after_retry_after_and_is_not_counted_as_an_attempt()
    {
        var retry = Assert.IsType<OutboxOutcome.RetryAt>(Decide(new SendOutcome.Throttled(TimeSpan.FromSeconds(17)), attemptsBefore: 3));
        Assert.Equal(At.AddSeconds(17), retry.NotBefore);
        Assert.Equal(3, retry.Attempts);
        Assert.Contains("429", retry.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_429_never_gives_a_message_up_however_many_attempts_it_had_or_how_old_it_is()
    {
        Assert.IsType<OutboxOutcome.RetryAt>(Decide(new SendOutcome.Throttled(TimeSpan.FromSeconds(1)), attemptsBefore: 500, age: TimeSpan.FromDays(3)));
    }

    [Theory]
    [InlineData(0, 1)]    // first failure: 1 s
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(5, 32)]
    [InlineData(6, 60)]  // at most a minute
    [InlineData(8, 60)]
    public void A_5xx_or_network_error_is_tried_again_after_a_pause_that_doubles(int attemptsBefore, int pauseSeconds)
    {
        var retry = Assert.IsType<OutboxOutcome.RetryAt>(Decide(new SendOutcome.Transient("502: Bad Gateway"), attemptsBefore));
        Assert.Equal(At.AddSeconds(pauseSeconds), retry.NotBefore);
        Assert.Equal(attemptsBefore + 1, retry.Attempts);
        Assert.Equal("502: Bad Gateway", retry.Error);
    }

    [Fact]
    public void The_pause_between_attempts_is_at_most_a_minute_however_many_there_were()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), RetryPolicy.Pause(20));
        Assert.Equal(TimeSpan.FromMinutes(1), RetryPolicy.Pause(5000));
    }

    [Fact]
    public void However_many_transient_failures_a_message_had_it_is_tried_again_until_it_is_48_hours_old()
    {
        var retry = Assert.IsType<OutboxOutcome.RetryAt>(Decide(new SendOutcome.Transient("connection refused"), attemptsBefore: 300,
            age: GiveUpAfter - TimeSpan.FromSeconds(1)));
        Assert.Equal(301, retry.Attempts);
    }

    [Fact]
    public void A_transient_failure_of_a_message_48_hours_old_gives_it_up()
    {
        var failed = Assert.IsType<OutboxOutcome.Failed>(Decide(new SendOutcome.Transient("connection refused"), attemptsBefore: 2, age: GiveUpAfter));
        Assert.Equal(3, failed.Attempts);
        Assert.Equal("given up after 48 hours: connection refused", failed.Error);
    }

    [Fact]
    public void A_message_48_hours_old_is_still_recorded_as_sent_when_it_goes()
    {
        Assert.IsType<OutboxOutcome.Sent>(Decide(new SendOutcome.Sent(5), age: TimeSpan.FromDays(3)));
    }

    [Fact]
    public void A_403_makes_the_chat_unreachable()
    {
        var unreachable = Assert.IsType<OutboxOutcome.Unreachable>(Decide(new SendOutcome.Unreachable("Forbidden: bot was blocked by the user"), attemptsBefore: 2));
        Assert.Equal(new OutboxOutcome.Unreachable(7, 4242, At, 3, "Forbidden: bot was blocked by the user"), unreachable);
    }

    [Fact]
    public void A_400_is_refused_at_once_on_the_first_attempt()
    {
        var refused = Assert.IsType<OutboxOutcome.Refused>(Decide(new SendOutcome.Rejected("400: Bad Request: message is too long")));
        Assert.Equal(1, refused.Attempts);
        Assert.Equal("400: Bad Request: message is too long", refused.Error);
    }

    [Fact]
    public void A_chat_that_moved_is_sent_again_at_once_to_its_new_id_without_counting_an_attempt()
    {
        Assert.Equal(new OutboxOutcome.Moved(7, 4242, -100_4242, At), Decide(new SendOutcome.Moved(-100_4242), attemptsBefore: 2));
    }
}
