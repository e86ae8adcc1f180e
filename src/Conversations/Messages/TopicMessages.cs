namespace Assembly.Conversations.Messages;

/// <summary>
/// Opens a forum topic for a report in a staff chat (its <c>Subject</c> is the report's code). The messenger layer
/// opens it only where the chat is a forum; elsewhere, and on a messenger without topics, it is settled without a
/// call and the report's messages stay in the chat as they always were. The topic's id, once known, is kept with
/// the report's post in that chat and never opened again (<see cref="Staff.ForumTopics"/>).
/// </summary>
public sealed record TopicOpen(string Name) : OutgoingMessage;

/// <summary>Closes or reopens the report's topic (its <see cref="OutgoingMessage.Topic"/>), as the report is closed or reopened.</summary>
public sealed record TopicState(bool Open) : OutgoingMessage;

/// <summary>A reaction on a message in this chat: a quiet «noted» under what a staff member wrote.</summary>
public sealed record Reaction(long MessageId, string Emoji) : OutgoingMessage;

/// <summary>
/// A copy of a message of another chat on the same messenger (<c>copyMessage</c>): the member's own words or file, as
/// they sent it, into their report's topic.
/// </summary>
public sealed record CopyMessage(long FromChatId, long MessageId) : OutgoingMessage
{
    /// <summary>
    /// What goes instead when the messenger refuses the copy (the member deleted the message before it was copied, say):
    /// the post that tells staff what was added, as a chat without topics gets it. Staff see the addition either way,
    /// and the member, who was already thanked for it, is told nothing more.
    /// </summary>
    public TextMessage? Otherwise { get; init; }
}
