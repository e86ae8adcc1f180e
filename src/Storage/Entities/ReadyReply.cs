namespace Assembly.Storage.Entities;

/// <summary>
/// A ready-made reply a secretariat's staff added from the chat, offered with the configured ones after «پاسخ».
/// The configured replies stay in the settings; only those added by staff are stored.
/// </summary>
public sealed class ReadyReply
{
    public int Id { get; init; }

    /// <summary>The secretariat's key.</summary>
    public required string Secretariat { get; init; }

    public required string Text { get; init; }

    /// <summary>The account that added it, like <c>telegram:123</c>.</summary>
    public required string AddedBy { get; init; }

    public DateTime AddedAt { get; init; }
}
