using Assembly.Conversations.Commands;

namespace Assembly.Conversations.Messages;

/// <summary>
/// The command menu of one person's private chat (<c>setMyCommands</c> in that chat's scope): written to the outbox
/// like a message, in the transaction that changed the person's roles, so a crash loses no change of menu. No
/// entries: the chat goes back to the menu every chat shows (the members'). A messenger without menus per chat skips
/// it; nobody is told when it is refused, since nobody could do anything about it.
/// </summary>
public sealed record CommandMenuMessage(IReadOnlyList<MenuEntry> Commands) : OutgoingMessage;
