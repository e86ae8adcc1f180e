using Assembly.Conversations.Commands;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Announcements;

/// <summary>The organizers' announcements: writing one (a conversation) and seeing how the last ones were delivered.</summary>
public static class AnnouncementCommands
{
    public static IReadOnlyList<Command> Commands { get; } =
    [
        new("announce", Need.Organizer, Places.Private, "", Texts.AnnounceHelp,
            (c, ct) => c.Chat.StartAsync(c.Turn, c.Conversation, AnnounceFlow.Name, AnnounceFlow.InitialState, ct)) { Flow = AnnounceFlow.Name },
        new("broadcasts", Need.Organizer, Places.Private, "", Texts.BroadcastsHelp, (c, ct) => BroadcastReport.ShowAsync(c.Turn, c.Context, ct)),
    ];
}
