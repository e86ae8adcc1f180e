using Assembly.Conversations.Flows;
using Assembly.Conversations.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>Registers the brain: what the pipeline calls for every update.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<FlowContext>();
        services.AddSingleton<Staff.StaffDesk>();
        services.AddSingleton<PrivateChat>();
        services.AddSingleton<ITurnHandler, TurnRouter>();
        return services;
    }
}
