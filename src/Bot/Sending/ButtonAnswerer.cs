using System.Collections.Concurrent;
using Assembly.Bot.Messengers;
using Assembly.Conversations.Messages;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Sending;

/// <summary>
/// Answers to button presses (<c>answerCallbackQuery</c>): sent straight to the messenger once the update that asked
/// for them is committed, not through the outbox. An answer is no message in the chat: it stops the spinner on the
/// pressed button and may show a short notice. Losing one in a crash costs the member a spinner that stops by itself
/// (the reply to the press is in the outbox and comes all the same); sending one twice is refused by the server. So
/// the outbox's guarantees buy nothing here, while its row, claim and outcome would be a large share of the outbox's
/// work in a conversation full of button presses (docs/benchmarks.md).
/// Not waiting for the sender also stops the spinner sooner.
/// </summary>
public sealed class ButtonAnswerer(IEnumerable<IMessengerClient> messengers, SecretRedactor redactor, TimeProvider time, ILogger<ButtonAnswerer> logger)
{
    /// <summary>Tries per answer; a press older than some seconds cannot be answered anyway.</summary>
    private const int Tries = 3;

    /// <summary>A 429 asking to wait longer than this is not waited for: the press would be stale by then.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, IMessengerClient> _messengers = messengers.ToDictionary(m => m.Name);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    /// <summary>Starts sending; returns at once. Only after the commit of the update the answers belong to.</summary>
    public void Answer(IEnumerable<ButtonAnswer> answers)
    {
        foreach (var answer in answers)
        {
            if (!_messengers.TryGetValue(answer.To.Messenger, out var messenger))
            {
                logger.LogWarning("No messenger {Messenger} to answer a button press on", answer.To.Messenger);
                continue;
            }

            var send = SendAsync(messenger, answer);
            _inFlight[send] = 0;
            _ = send.ContinueWith(done => _inFlight.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>On the way out: lets the answers on the wire finish.</summary>
    public Task DrainAsync() => Task.WhenAll(_inFlight.Keys);

    private async Task SendAsync(IMessengerClient messenger, ButtonAnswer answer)
    {
        await Task.Yield();
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            SendOutcome outcome;
            try
            {
                // Not the stop token: an answer that has started is let finish.
                outcome = await messenger.SendAsync(answer, CancellationToken.None);
            }
            catch (Exception e)
            {
                outcome = new SendOutcome.Transient(redactor.Describe(e));
            }

            if (outcome is SendOutcome.Sent) return;
            TimeSpan? wait = outcome switch
            {
                SendOutcome.Throttled throttled when throttled.RetryAfter <= LongestWait => throttled.RetryAfter,
                SendOutcome.Transient => TimeSpan.FromSeconds(attempt),
                _ => null, // refused, or the chat blocked the bot: trying again changes nothing
            };
            if (wait is null || attempt == Tries)
            {
                logger.LogWarning("{Messenger}: a button press in chat {ChatId} was not answered: {Outcome}", messenger.Name, answer.To.ChatId, outcome);
                return;
            }

            await Task.Delay(wait.Value, time);
        }
    }
}
