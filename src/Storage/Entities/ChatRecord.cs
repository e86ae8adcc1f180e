namespace Assembly.Storage.Entities;

public enum ChatKind
{
    Private = 0,
    Group = 1,
    Channel = 2,
}

/// <summary>
/// A chat the bot has seen on one messenger: a member's private chat, a staff group, a channel.
/// Kept so the sender knows whom it must stop writing to (blocked the bot) and how to pace a group.
/// </summary>
public sealed class ChatRecord
{
    public required string Messenger { get; init; }
    public required long ChatId { get; init; }
    public ChatKind Kind { get; set; }

    /// <summary>The person's name for a private chat, the title for a group or channel.</summary>
    public string? Title { get; set; }
    public string? Username { get; set; }
    public DateTime FirstSeenAt { get; init; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>Set when the messenger answered 403 (blocked, kicked, deleted); cleared when they write again.</summary>
    public DateTime? UnreachableSince { get; set; }
}
