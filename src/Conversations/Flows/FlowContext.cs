using Assembly.Conversations.Organisation;

namespace Assembly.Conversations.Flows;

/// <summary>The settings every flow reads: the organisation, how conversations behave, deadlines, the local time zone.</summary>
public sealed record FlowContext(AssemblyOptions Assembly, ConversationOptions Conversations, DeadlineOptions Deadlines, MeetingOptions? Meetings = null)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(Assembly.TimeZone);

    public MeetingOptions MeetingSettings => Meetings ?? new MeetingOptions();
}
