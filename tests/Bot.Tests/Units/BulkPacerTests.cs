using Assembly.Bot.Configuration;
using Assembly.Bot.Sending;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.Units;

public sealed class BulkPacerTests
{
    private static readonly DateTime T0 = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static BulkPacer Pacer(double perSecond = 30, double perChat = 1, double perGroupPerMinute = 20) =>
        new(new MessengerLimits { BulkPerSecond = perSecond, PerChatPerSecond = perChat, PerGroupPerMinute = perGroupPerMinute });

    /// <summary>Offers one message to each of many chats every millisecond for <paramref name="seconds"/>; returns the send times.</summary>
    private static List<DateTime> Drive(BulkPacer pacer, double seconds, Func<int, (long Chat, ChatKind Kind)> next)
    {
        var sent = new List<DateTime>();
        var i = 0;
        for (var now = T0; now < T0.AddSeconds(seconds); now = now.AddMilliseconds(1))
        {
            var (chat, kind) = next(i);
            if (pacer.TryTake(chat, kind, now, out _))
            {
                sent.Add(now);
                i++;
            }
        }

        return sent;
    }

    /// <summary>
    /// As the real sender does: it sleeps until the slot it was told and wakes <paramref name="lateBy"/> (of how many
    /// were sent so far) after it; one message to a new chat each time. Returns the send times.
    /// </summary>
    private static List<DateTime> Sleeping(BulkPacer pacer, double seconds, Func<int, TimeSpan> lateBy)
    {
        var sent = new List<DateTime>();
        var now = T0;
        while (now < T0.AddSeconds(seconds))
        {
            if (pacer.TryTake(sent.Count, ChatKind.Private, now, out var retryAt))
                sent.Add(now);
            else
                now = retryAt + lateBy(sent.Count);
        }

        return sent;
    }

    private static void AssertNeverMoreThan(int perSecond, List<DateTime> sent)
    {
        for (var k = perSecond; k < sent.Count; k++)
            Assert.True(sent[k] - sent[k - perSecond] >= TimeSpan.FromSeconds(1), $"{perSecond + 1} messages within one second at {k}");
    }

    [Fact]
    public void Bulk_to_many_chats_runs_at_the_overall_rate_and_never_faster_in_any_second()
    {
        var sent = Drive(Pacer(), 10, i => (i, ChatKind.Private));

        Assert.InRange(sent.Count, 290, 301);
        AssertNeverMoreThan(30, sent);
    }

    [Fact]
    public void A_sender_that_wakes_a_little_after_each_slot_still_gets_the_whole_rate()
    {
        // It wakes 2 ms after each slot.
        var sent = Sleeping(Pacer(), 10, lateBy: _ => TimeSpan.FromMilliseconds(2));

        // 30 a second less the margin is 29.4; counting each slot from the late waking gave 28.3.
        Assert.InRange(sent.Count, 290, 295);
        AssertNeverMoreThan(30, sent);
    }

    [Fact]
    public void A_sender_late_by_more_than_the_margin_never_puts_more_than_the_limit_in_a_second()
    {
        // Every seventh slot is taken 30 ms late (a busy machine), the others at once: catching up on the schedule
        // after such a delay would put two sends closer than the margin allows.
        var sent = Sleeping(Pacer(), 10, lateBy: count => TimeSpan.FromMilliseconds(count % 7 == 0 ? 30 : 0));

        AssertNeverMoreThan(30, sent);
    }

    [Fact]
    public void One_private_chat_gets_at_most_one_bulk_message_per_second()
    {
        var sent = Drive(Pacer(), 5, _ => (42, ChatKind.Private));
        Assert.InRange(sent.Count, 5, 6);
    }

    [Fact]
    public void One_group_gets_at_most_twenty_bulk_messages_per_minute()
    {
        var sent = Drive(Pacer(), 120, _ => (-100, ChatKind.Group));
        Assert.InRange(sent.Count, 40, 41);
    }

    [Fact]
    public void Interactive_replies_take_slots_so_bulk_yields_to_them()
    {
        var pacer = Pacer(perSecond: 10);
        for (var i = 0; i < 10; i++) Assert.True(pacer.TryTakeInteractive(T0, out _));

        Assert.False(pacer.TryTake(1, ChatKind.Private, T0.AddMilliseconds(500), out var retryAt));
        // Ten slots of a tenth of a second each, plus the margin for jitter in flight (20 ms a second).
        Assert.Equal(T0.AddSeconds(1.02), retryAt);
        Assert.True(pacer.TryTake(1, ChatKind.Private, retryAt, out _));
    }

    [Fact]
    public void With_no_bulk_message_going_replies_are_not_held_back()
    {
        var pacer = Pacer(perSecond: 30);
        for (var i = 0; i < 100; i++)
            Assert.True(pacer.TryTakeInteractive(T0.AddMilliseconds(i), out _), $"reply {i}");
    }

    [Fact]
    public void During_a_broadcast_replies_wait_for_room_in_the_second_so_bulk_and_replies_together_never_exceed_the_limit()
    {
        var pacer = Pacer(perSecond: 30);
        var sent = new List<DateTime>();
        var replies = new Queue<DateTime>(); // when each waiting reply came
        var waits = new List<TimeSpan>();
        var bulk = 0;
        for (var now = T0; now < T0.AddSeconds(20); now = now.AddMilliseconds(1))
        {
            // Ten replies a second, at uneven times, while the broadcast is offered a message every millisecond.
            var ms = (int)(now - T0).TotalMilliseconds;
            if (ms % 100 == (ms / 100 * 37) % 100) replies.Enqueue(now);
            while (replies.TryPeek(out var came) && pacer.TryTakeInteractive(now, out _))
            {
                replies.Dequeue();
                waits.Add(now - came);
                sent.Add(now);
            }

            if (pacer.TryTake(100_000 + bulk, ChatKind.Private, now, out _))
            {
                bulk++;
                sent.Add(now);
            }
        }

        AssertNeverMoreThan(30, sent);
        Assert.InRange(waits.Count, 195, 200);
        Assert.True(waits.Max() <= TimeSpan.FromMilliseconds(100), $"a reply waited {waits.Max().TotalMilliseconds} ms");
        // The broadcast keeps what the replies leave: about 30 - 10 a second.
        Assert.InRange(bulk, 17 * 20, 21 * 20);
    }

    [Fact]
    public void A_429_pauses_bulk_until_retry_after()
    {
        var pacer = Pacer();
        pacer.PauseUntil(T0.AddSeconds(5));
        Assert.False(pacer.TryTake(1, ChatKind.Private, T0.AddSeconds(4.9), out var retryAt));
        Assert.Equal(T0.AddSeconds(5), retryAt);
        Assert.True(pacer.TryTake(1, ChatKind.Private, T0.AddSeconds(5), out _));
    }
}
