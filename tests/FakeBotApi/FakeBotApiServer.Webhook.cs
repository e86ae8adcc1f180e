using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Assembly.FakeBotApi;

// Webhook delivery, as Telegram's Bot API server does it (tdlib/telegram-bot-api, WebhookActor): each update is
// POSTed to the registered address with the secret in X-Telegram-Bot-Api-Secret-Token; the updates of one chat
// form a queue with at most one of them in flight, and the next goes only after a 2xx for it; up to
// max_connections are in flight over all chats; a failed post (no connection, or any other status) is tried
// again later with a doubling delay. Tests may stand in for a load balancer with RouteWebhookTo.
public sealed partial class FakeBotApiServer
{
    /// <param name="Url">The address given to setWebhook.</param>
    internal sealed record WebhookSettings(Uri Url, string? Secret, int MaxConnections);

    /// <summary>One post of an update to the bot: its status code, or 0 when no connection was made.</summary>
    public sealed record WebhookPost(long UpdateId, string Target, int Status);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(2);

    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentQueue<WebhookPost> _posts = new();
    private WebhookSettings? _webhook;
    private CancellationTokenSource? _webhookStop;
    private string[]? _targets;
    private int _nextTarget;

    internal WebhookSettings? Webhook => Volatile.Read(ref _webhook);

    /// <summary>The address given to setWebhook, or null while there is no webhook.</summary>
    public string? WebhookUrl => Webhook?.Url.ToString();

    /// <summary>Every post made to the bot, in the order they were answered.</summary>
    public IReadOnlyList<WebhookPost> WebhookPosts => _posts.ToArray();

    /// <summary>
    /// A load balancer in front of several instances: posts go to these origins (<c>http://127.0.0.1:PORT</c>) in
    /// turn, with the registered address' path, instead of to the registered host; a failed post is tried again
    /// at the next one. Null: the registered address itself.
    /// </summary>
    public void RouteWebhookTo(params string[]? origins) => Volatile.Write(ref _targets, origins is { Length: > 0 } ? origins : null);

    private void StartWebhook(WebhookSettings settings)
    {
        StopWebhook();
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        Volatile.Write(ref _webhook, settings);
        Volatile.Write(ref _webhookStop, stop);
        _ = Task.Run(() => DeliverAsync(settings, stop.Token));
    }

    private void StopWebhook()
    {
        Volatile.Write(ref _webhook, null);
        Interlocked.Exchange(ref _webhookStop, null)?.Cancel();
    }

    private async Task DeliverAsync(WebhookSettings settings, CancellationToken stop)
    {
        var inFlight = new ConcurrentDictionary<long, byte>();          // update ids
        var busyChats = new ConcurrentDictionary<string, byte>();       // chat queues with an update in flight
        var retryAt = new ConcurrentDictionary<long, (DateTimeOffset At, TimeSpan Delay)>();
        var wake = new Pulse();
        while (!stop.IsCancellationRequested)
        {
            var woken = wake.Next;
            var changed = _updates.Arrived;
            var now = TimeProvider.System.GetUtcNow();
            var next = now + TimeSpan.FromSeconds(1);
            var blocked = new HashSet<string>();
            foreach (var (id, json) in _updates.Snapshot())
            {
                if (inFlight.Count >= settings.MaxConnections) break;
                var chat = ChatQueueOf(id, json);
                // The first pending update of a chat holds back the chat's later ones.
                if (!blocked.Add(chat) || busyChats.ContainsKey(chat) || inFlight.ContainsKey(id)) continue;
                if (retryAt.TryGetValue(id, out var retry) && retry.At > now)
                {
                    if (retry.At < next) next = retry.At;
                    continue;
                }

                inFlight[id] = 0;
                busyChats[chat] = 0;
                _ = Task.Run(async () =>
                {
                    var ok = await PostAsync(settings, id, json, stop);
                    if (ok)
                    {
                        retryAt.TryRemove(id, out _);
                        _updates.Confirm(id);
                    }
                    else
                    {
                        var delay = retryAt.TryGetValue(id, out var last) ? TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, last.Delay.Ticks * 2)) : FirstRetry;
                        retryAt[id] = (TimeProvider.System.GetUtcNow() + delay, delay);
                    }
                    inFlight.TryRemove(id, out _);
                    busyChats.TryRemove(chat, out _);
                    wake.Raise();
                }, CancellationToken.None);
            }

            try
            {
                var wait = next - TimeProvider.System.GetUtcNow();
                await Task.WhenAny(woken, changed, Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stop));
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<bool> PostAsync(WebhookSettings settings, long updateId, string json, CancellationToken stop)
    {
        var target = NextTarget();
        var address = target is null ? settings.Url : new Uri(new Uri(target), settings.Url.PathAndQuery);
        var status = 0;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent(json, Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (settings.Secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", settings.Secret);
            using var response = await _webhookClient.SendAsync(request, stop);
            status = (int)response.StatusCode;
        }
        catch (Exception) when (!stop.IsCancellationRequested)
        {
            // No connection, or it broke before an answer: the bot may or may not have stored it; post it again.
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        _posts.Enqueue(new WebhookPost(updateId, address.GetLeftPart(UriPartial.Authority), status));
        // A load balancer's health check: a target that did not even take the connection is left out for a while.
        if (status == 0 && target is not null) _downUntil[target] = TimeProvider.System.GetUtcNow() + TargetDownFor;
        return status is >= 200 and < 300;
    }

    private static readonly TimeSpan TargetDownFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _downUntil = new();

    /// <summary>The next origin in turn that is not known to be down (any, when all are); null without RouteWebhookTo.</summary>
    private string? NextTarget()
    {
        var targets = Volatile.Read(ref _targets);
        if (targets is null) return null;
        var now = TimeProvider.System.GetUtcNow();
        for (var tries = 0; tries < targets.Length; tries++)
        {
            var target = targets[(int)((uint)Interlocked.Increment(ref _nextTarget) % targets.Length)];
            if (_downUntil.GetValueOrDefault(target) <= now) return target;
        }
        return targets[(int)((uint)Interlocked.Increment(ref _nextTarget) % targets.Length)];
    }

    // The queue an update belongs to: its chat, or its own when it has none (as Telegram's server does).
    private readonly ConcurrentDictionary<long, string> _chatQueues = new();

    private string ChatQueueOf(long id, string json) => _chatQueues.GetOrAdd(id, _ =>
    {
        var update = JsonNode.Parse(json)!.AsObject();
        var chat = update["message"]?["chat"]?["id"] ?? update["edited_message"]?["chat"]?["id"]
            ?? update["callback_query"]?["message"]?["chat"]?["id"] ?? update["callback_query"]?["from"]?["id"]
            ?? update["my_chat_member"]?["chat"]?["id"];
        return chat?.ToJsonString() ?? "update:" + id;
    });
}
