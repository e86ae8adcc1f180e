using Assembly.Bot.Messengers;
using Assembly.Bot.Sending;
using Assembly.Storage.Outbox;

namespace Assembly.Bot.Tests.Units;

/// <summary>What each answer of the messenger means for the row that was sent, by the attempts it had before.</summary>
public sealed class RetryPolicyTests
{
    private static readonly DateTime At = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    private static OutboxOutcome Decide(SendOutcome outcome, int attemptsBefore = 0, bool withFile = false) =>
        RetryPolicy.Decide(new SendAttempt(RowId: 7, ChatId: 4242, attemptsBefore, withFile), outcome, At);

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
    public void A_429_never_gives_a_message_up_however_many_attempts_it_had()
    {
        Assert.IsType<OutboxOutcome.RetryAt>(Decide(new SendOutcome.Throttled(TimeSpan.FromSeconds(1)), attemptsBefore: RetryPolicy.MaxAttempts + 5));
    }

    [Theory]
    [InlineData(0, 1)]    // first failure: 1 s
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(7, 128)]
    [InlineData(8, 256)]
    public void A_5xx_or_network_error_is_tried_again_after_a_pause_that_doubles(int attemptsBefore, int pauseSeconds)
    {
        var retry = Assert.IsType<OutboxOutcome.RetryAt>(Decide(new SendOutcome.Transient("502: Bad Gateway"), attemptsBefore));
        Assert.Equal(At.AddSeconds(pauseSeconds), retry.NotBefore);
        Assert.Equal(attemptsBefore + 1, retry.Attempts);
        Assert.Equal("502: Bad Gateway", retry.Error);
    }

    [Fact]
    public void The_pause_between_attempts_is_at_most_five_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), RetryPolicy.Pause(20));
    }

    [Fact]
    public void A_transient_failure_at_the_last_attempt_gives_the_message_up()
    {
        var failed = Assert.IsType<OutboxOutcome.Failed>(Decide(new SendOutcome.Transient("connection refused"), attemptsBefore: RetryPolicy.MaxAttempts - 1));
        Assert.Equal(RetryPolicy.MaxAttempts, failed.Attempts);
        Assert.Equal("connection refused", failed.Error);
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
