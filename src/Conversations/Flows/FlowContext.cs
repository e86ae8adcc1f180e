using Assembly.Conversations.Organisation;

namespace Assembly.Conversations.Flows;

/// <summary>The settings every flow reads: the organisation, how conversations behave, the local time zone.</summary>
public sealed record FlowContext(AssemblyOptions Assembly, ConversationOptions Conversations)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(Assembly.TimeZone);
}
