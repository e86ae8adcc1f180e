using Assembly.Bot.Messengers;
using Assembly.Bot.Pipeline;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.Support;

/// <summary>
/// Hands updates straight to a host's pipeline, as its receiver would, to choose which instance handles which
/// update and when (two instances at once, on purpose). Update ids come from one counter shared by the drivers of a
/// test, as they would from one messenger.
/// </summary>
public sealed class PipelineDriver(BotTestHost host, Func<long> nextUpdateId, string messenger = "telegram")
{
    public UpdatePipeline Pipeline => host.Services.GetRequiredService<UpdatePipeline>();

    public static InboundUpdate Text(long updateId, long userId, string text, string messenger = "telegram") =>
        new(updateId, new IncomingMessage(new ChatAddress(messenger, userId), ChatKind.Private, IncomingKind.Text,
            new Sender(userId, "عضو", null, null), MessageId: updateId, Text: text));

    public static InboundUpdate Press(long updateId, long userId, string data, string messenger = "telegram") =>
        new(updateId, new IncomingMessage(new ChatAddress(messenger, userId), ChatKind.Private, IncomingKind.ButtonPress,
            new Sender(userId, "عضو", null, null), MessageId: updateId, ButtonData: data, ButtonPressId: $"press-{updateId}"));

    public Task HandleAsync(params InboundUpdate[] updates) => Pipeline.ProcessBatchAsync(messenger, updates, 0, CancellationToken.None);

    public Task SayAsync(long userId, string text) => HandleAsync(Text(nextUpdateId(), userId, text, messenger));

    /// <summary>Presses the button with this value under the step the member's conversation is at now.</summary>
    public async Task PressAsync(long userId, string value) => await HandleAsync(await PressUpdateAsync(userId, value));

    public async Task<InboundUpdate> PressUpdateAsync(long userId, string value)
    {
        await using var db = host.Db();
        var step = (await db.Conversations.SingleAsync(c => c.Messenger == messenger && c.ChatId == userId)).Step;
        return Press(nextUpdateId(), userId, FlowButtons.Data(step, value), messenger);
    }

    /// <summary>Registers with a typed number, the first county and no working group.</summary>
    public async Task RegisterAsync(long userId, string phone)
    {
        await SayAsync(userId, "/start");
        await SayAsync(userId, "زهرا احمدی");
        await SayAsync(userId, phone);
        await PressAsync(userId, "0");
        await PressAsync(userId, "none");
    }

    /// <summary>From the menu to the preview of a report on topic 4 (the Rajaei secretariat); «submit» is left to the caller.</summary>
    public async Task ReportUpToPreviewAsync(long userId)
    {
        await SayAsync(userId, "/report");
        await PressAsync(userId, "4");
        await SayAsync(userId, "آب آشامیدنی محله فین سه روز است قطع شده");
        await PressAsync(userId, "done");
        await PressAsync(userId, "0");
        await SayAsync(userId, "خیابان امیرکبیر");
        await PressAsync(userId, "skip");
        await PressAsync(userId, "named");
    }
}
