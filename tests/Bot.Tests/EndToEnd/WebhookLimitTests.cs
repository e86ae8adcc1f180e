using System.Net;
using System.Net.Sockets;
using System.Text;
using Assembly.Bot.Http;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Turns;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// What keeps a webhook from being flooded: a body over a megabyte is refused before it is read, with or without
/// Content-Length, and when too many posted updates wait for the pipeline the next is answered 503 and taken
/// when the messenger posts it again; nothing answered 200 is lost.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class WebhookLimitTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private const string Secret = "telegram-webhook-secret-0123456789abcdef";
    private const string Path = "/hooks/telegram";

    [Fact]
    public async Task A_body_declared_over_a_megabyte_is_refused_413_before_any_of_it_is_sent()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: WebhookTests.TelegramWebhook(Secret));
        var address = new Uri(bot.HttpAddress);

        // Only the request's head goes out: the answer comes without the bot waiting for a byte of the body.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {Path} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\n"
            + $"{WebhookEndpoint.SecretHeader}: {Secret}\r\nContent-Length: {WebhookEndpoint.MaxBodyBytes + 1}\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync().WaitAsync(Wait);
        Assert.StartsWith("HTTP/1.1 413 ", status);

        // A body of exactly a megabyte, with its length, is taken and answered.
        using var http = new HttpClient();
        var taken = await WebhookTests.PostAsync(http, bot.HttpAddress + Path, Padded(910_001, 7601, WebhookEndpoint.MaxBodyBytes, chunked: false), Secret);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        await telegram.WaitUntilAsync(t => t.SentTo(7601).Count >= 1, Wait);
    }

    [Fact]
    public async Task A_body_without_content_length_is_cut_off_at_a_megabyte_with_413_and_nothing_stored()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: WebhookTests.TelegramWebhook(Secret));
        using var http = new HttpClient();

        var over = Padded(910_101, 7701, WebhookEndpoint.MaxBodyBytes + 1, chunked: true);
        var refused = await WebhookTests.PostAsync(http, bot.HttpAddress + Path, over, Secret);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.True(refused.RequestMessage!.Headers.TransferEncodingChunked);

        // Just under a megabyte, chunked (the chunks' own framing counts too), is taken; once it is committed, the
        // refused update is still unknown.
        var taken = await WebhookTests.PostAsync(http, bot.HttpAddress + Path, Padded(910_102, 7701, WebhookEndpoint.MaxBodyBytes - 4096, chunked: true), Secret);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        await using (var db = bot.Db())
            Assert.Equal([910_102L], await db.ProcessedUpdates.Select(p => p.UpdateId).ToListAsync());
        await Eventually.StoredAsync(bot, async db => await db.Outbox.AllAsync(o => o.Status == OutboxStatus.Sent));
        Assert.Single(telegram.SentTo(7701));
    }

    [Fact]
    public async Task When_the_queue_is_full_a_post_is_answered_503_and_taken_when_the_messenger_posts_it_again()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var held = new HeldTurns();
        var settings = WebhookTests.TelegramWebhook(Secret);
        settings["Messengers:Telegram:Webhook:MaxQueuedUpdates"] = "1";
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: settings,
            services: s => s.AddSingleton<ITurnHandler>(sp => held.Around(ActivatorUtilities.CreateInstance<TurnRouter>(sp))));
        telegram.RouteWebhookTo(bot.HttpAddress);

        // The first update is in the pipeline, held there; of the next two (other chats, posted at once), one waits
        // in the queue and the queue is full for the other.
        telegram.EnqueueText(7801, "/help");
        await held.Entered.WaitAsync(Wait);
        var second = telegram.EnqueueText(7802, "/help");
        var third = telegram.EnqueueText(7803, "/help");
        await telegram.WaitUntilAsync(t => t.WebhookPosts.Any(p => p.Status == 503), Wait);
        var refused = telegram.WebhookPosts.First(p => p.Status == 503).UpdateId;
        Assert.Contains(refused, new[] { second, third });

        held.Release();
        await telegram.WaitUntilAsync(t => t.PendingUpdates == 0 && Enumerable.Range(7801, 3).All(u => t.SentTo(u).Count >= 1), Wait);
        await Eventually.StoredAsync(bot, async db => await db.Outbox.CountAsync() == 3 && await db.Outbox.AllAsync(o => o.Status == OutboxStatus.Sent));

        // Refused until there was room, then taken: every update answered once, and each one answered 200 is stored.
        var posts = telegram.WebhookPosts;
        Assert.Contains(posts, p => p.UpdateId == refused && p.Status == 200);
        Assert.All(Enumerable.Range(7801, 3), user => Assert.Single(telegram.SentTo(user)));
        await using var db = bot.Db();
        var stored = await db.ProcessedUpdates.Select(p => p.UpdateId).ToListAsync();
        Assert.Equal(3, stored.Count);
        Assert.All(posts.Where(p => p.Status == 200), post => Assert.Contains(post.UpdateId, stored));
    }

    /// <summary>An update as JSON padded with spaces to exactly <paramref name="size"/> bytes.</summary>
    private static HttpContent Padded(long updateId, long userId, int size, bool chunked)
    {
        var json = WebhookTests.Update(updateId, userId, "/help").ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var body = new byte[size];
        json.CopyTo(body, 0);
        Array.Fill(body, (byte)' ', json.Length, size - json.Length);
        HttpContent content = chunked ? new UnknownLengthContent(body) : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    /// <summary>A body whose length is not told, so the client sends it chunked.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < body.Length; at += 64 * 1024)
                await stream.WriteAsync(body.AsMemory(at, Math.Min(64 * 1024, body.Length - at)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>The real brain behind a gate: holds the pipeline (and so the queue behind it) until released.</summary>
    private sealed class HeldTurns
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Release() => _released.TrySetResult();

        public ITurnHandler Around(ITurnHandler inner) => new Gate(this, inner);

        private sealed class Gate(HeldTurns held, ITurnHandler inner) : ITurnHandler
        {
            public async Task HandleAsync(Turn turn, CancellationToken ct)
            {
                held._entered.TrySetResult();
                await held._released.Task.WaitAsync(ct);
                await inner.HandleAsync(turn, ct);
            }
        }
    }
}
