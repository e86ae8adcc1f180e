using Assembly.Conversations.Organisation;

namespace Assembly.Conversations.Flows;

/// <summary>The settings every flow reads: the organisation, how conversations behave, deadlines, sessions, the local time zone, the admins.</summary>
public sealed record FlowContext(AssemblyOptions Assembly, ConversationOptions Conversations, DeadlineOptions Deadlines, MeetingOptions Meetings,
    AccessOptions Access)
{
    /// <summary>The configured admins (<c>Access:Admins</c>).</summary>
    public IReadOnlyList<string> Admins => Access.Admins;

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(Assembly.TimeZone);

    /// <summary>When sessions' reminders go (<c>Meetings</c>).</summary>
    public MeetingOptions MeetingSettings => Meetings;
}
