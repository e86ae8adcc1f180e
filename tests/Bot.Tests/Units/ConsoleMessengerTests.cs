using Assembly.Bot.ConsoleChat;
using Assembly.Bot.Messengers;
using Assembly.Conversations.Messages;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.Units;

/// <summary>What the console chat plays of a phone: a force-reply prompt is answered by the next line typed.</summary>
public sealed class ConsoleMessengerTests
{
    private static readonly ChatAddress Staff = new(ConsoleMessenger.MessengerName, 42);

    [Fact]
    public async Task A_force_reply_prompt_is_answered_once_and_ids_follow_the_order_printed()
    {
        var messenger = new ConsoleMessenger(new StringWriter());
        Assert.Null(messenger.TakeForcedReply(42));

        var card = await messenger.SendAsync(new TextMessage("کارت") { To = Staff, ToKind = ChatKind.Private }, CancellationToken.None);
        var prompt = await messenger.SendAsync(new TextMessage("متن پاسخ را بنویسید.", new ForceReply()) { To = Staff, ToKind = ChatKind.Private }, CancellationToken.None);

        var promptId = Assert.IsType<SendOutcome.Sent>(prompt).MessageId;
        Assert.True(promptId > Assert.IsType<SendOutcome.Sent>(card).MessageId);
        Assert.Equal(promptId, messenger.LastSentTo(42));
        Assert.Equal(promptId, messenger.TakeForcedReply(42));
        Assert.Null(messenger.TakeForcedReply(42)); // the line after is a message of its own
    }
}
