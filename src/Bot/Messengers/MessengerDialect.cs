namespace Assembly.Bot.Messengers;

/// <summary>
/// Where a messenger departs from Telegram's Bot API. Bale mirrors Telegram but: its chats are
/// <c>private|group|channel</c> (no <c>supergroup</c>; both read as a group here), it replies with
/// <c>reply_to_message_id</c> rather than <c>reply_parameters</c>, it has no webhook <c>secret_token</c>,
/// it may answer getUpdates at once whatever the <c>timeout</c> (the receiver backs off on its own), and it
/// may deliver an update again (the processed marker absorbs that), and its documentation does not list
/// <c>force_reply</c> (so it is not sent there: the prompt asks for a reply in words). Flows never see any of this.
/// </summary>
public sealed record MessengerDialect(string Name, bool RepliesWithReplyParameters, bool HasWebhookSecret, bool HasForceReply)
{
    public static readonly MessengerDialect Telegram = new("telegram", RepliesWithReplyParameters: true, HasWebhookSecret: true, HasForceReply: true);
    public static readonly MessengerDialect Bale = new("bale", RepliesWithReplyParameters: false, HasWebhookSecret: false, HasForceReply: false);

    /// <summary>
    /// Whether a command menu can be set for one chat (<c>setMyCommands</c> with a chat scope). Bale documents neither
    /// the method nor its scopes (docs/bale.md): a scope it ignored would show a team member's menu in every chat.
    /// </summary>
    public bool HasChatCommandMenus => Name != "bale";

    /// <summary>
    /// Whether a group may be a forum with topics (<c>createForumTopic</c>, <c>message_thread_id</c>). Bale documents
    /// neither: a report's messages there stay in the staff chat itself.
    /// </summary>
    public bool HasForumTopics => Name != "bale";

    public static MessengerDialect For(string name) => name == Bale.Name ? Bale : Telegram with { Name = name };
}
