using Assembly.Conversations.Messages;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.Support;

/// <summary>Presses under a particular message of the bot, as a messenger reports them: with that message's id.</summary>
public static class HeldPresses
{
    /// <summary>The current person presses <paramref name="data"/> under the bot's message <paramref name="messageId"/>, in private or in a group.</summary>
    public static Task<Reply> PressUnder(this ChatHarness chat, long messageId, string data, long? groupId = null) =>
        chat.Send(IncomingKind.ButtonPress, m => (groupId is { } group ? m with { Chat = new ChatAddress(chat.As.Messenger, group), ChatKind = ChatKind.Group } : m)
            with { ButtonData = data, ButtonPressId = Guid.NewGuid().ToString("N"), MessageId = messageId });

    /// <summary>A <c>/close</c> with a reason, in private, confirmed with «بستن و ارسال»: the press's reply.</summary>
    public static async Task<Reply> CloseConfirmedAsync(this ChatHarness chat, string command)
    {
        var asked = await chat.Say(command);
        return await chat.PressUnder(asked.IdOfLastTo(chat.As.UserId), "sh:close");
    }
}
