namespace Assembly.Storage.Entities;

/// <summary>
/// A group the messenger upgraded to a supergroup, under a new chat id (learned from a refused send's
/// <c>migrate_to_chat_id</c>). Messages for the old id go to the new one, and a staff chat configured by its old id
/// is the new one, until the configuration names the new id itself.
/// </summary>
public sealed class ChatMigration
{
    public required string Messenger { get; init; }
    public long FromChatId { get; init; }
    public long ToChatId { get; set; }
    public DateTime MigratedAt { get; set; }
}
