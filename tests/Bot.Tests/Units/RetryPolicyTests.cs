using Assembly.Bot.Messengers;
using Assembly.Bot.Sending;
using Assembly.Conversations.Messages;
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

    [Fact]
    public void A_message_refused_because_its_topic_is_gone_goes_again_at_once_to_the_chat_itself_and_the_topic_is_forgotten()
    {
        var card = new TextMessage("مسئله RJ-1001") { Topic = 55 };
        var attempt = new SendAttempt(7, 4242, 2, false, At) { Message = card, Thread = 55 };
        var resent = Assert.IsType<OutboxOutcome.Resent>(RetryPolicy.Decide(attempt, new SendOutcome.ThreadGone("400: Bad Request: message thread not found"), At, GiveUpAfter));
        Assert.Equal(At, resent.At);
        Assert.Equal(55, resent.TopicGone);
        Assert.Equal(card with { Topic = 0 }, OutgoingJson.Read(resent.Payload));
    }

    [Fact]
    public void A_thread_not_found_for_a_message_sent_into_no_topic_is_an_ordinary_refusal()
    {
        var attempt = new SendAttempt(7, 4242, 0, false, At) { Message = new TextMessage("سلام") };
        Assert.IsType<OutboxOutcome.Refused>(RetryPolicy.Decide(attempt, new SendOutcome.ThreadGone("400: Bad Request: message thread not found"), At, GiveUpAfter));
    }

    [Fact]
    public void A_refused_copy_goes_as_its_stand_in_at_once_and_a_refused_stand_in_is_refused()
    {
        var instead = new TextMessage("پیام تازه گزارش‌دهنده") { Memo = "{}" };
        var copy = new CopyMessage(7101, 12) { Topic = 55, Otherwise = instead };
        var refusal = new SendOutcome.Rejected("400: Bad Request: message to copy not found");
        var resent = Assert.IsType<OutboxOutcome.Resent>(RetryPolicy.Decide(new SendAttempt(7, 4242, 0, false, At) { Message = copy, Thread = 55 }, refusal, At, GiveUpAfter));
        Assert.Null(resent.TopicGone);
        Assert.True(resent.StandIn);
        Assert.Equal(instead, OutgoingJson.Read(resent.Payload));
        Assert.IsType<OutboxOutcome.Refused>(RetryPolicy.Decide(new SendAttempt(7, 4242, 0, false, At) { Message = instead, Thread = 55 }, refusal, At, GiveUpAfter));
    }

    [Fact]
    public void A_copy_whose_topic_is_gone_goes_as_its_stand_in_to_the_chat_itself_not_as_a_bare_copy()
    {
        var instead = new TextMessage("پیام تازه گزارش‌دهنده") { Topic = 55 };
        var copy = new CopyMessage(7101, 12) { Topic = 55, Otherwise = instead };
        var resent = Assert.IsType<OutboxOutcome.Resent>(RetryPolicy.Decide(new SendAttempt(7, 4242, 0, false, At) { Message = copy, Thread = 55 },
            new SendOutcome.ThreadGone("400: Bad Request: message thread not found"), At, GiveUpAfter));
        Assert.Equal(55, resent.TopicGone);
        Assert.True(resent.StandIn);
        Assert.Equal(instead with { Topic = 0 }, OutgoingJson.Read(resent.Payload));
    }
}
