using Assembly.Conversations.Staff;

namespace Assembly.Conversations.Commands;

/// <summary>One entry of the messenger's command menu (<c>setMyCommands</c>): a Latin name and a Persian description.</summary>
public sealed record MenuEntry(string Name, string Description);

/// <summary>The messenger's command menu, from the catalog: what a person's help lists, one entry per name.</summary>
public static class CommandMenu
{
    /// <summary>The menu every chat shows by default: the members' commands.</summary>
    public static IReadOnlyList<MenuEntry> Members { get; } = For(null);

    /// <summary>The menu for this person's private chat (null: no team role).</summary>
    public static IReadOnlyList<MenuEntry> For(Actor? actor) =>
        CommandCatalog.Commands
            .Where(c => c.Places.HasFlag(Places.Private) && CommandCatalog.Sees(actor, c.Section))
            .DistinctBy(c => c.Name)
            .Select(c => new MenuEntry(c.Name, c.MenuText ?? c.Description))
            .ToList();
}
