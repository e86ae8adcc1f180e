namespace Assembly.Conversations.Turns;

/// <summary>The brain's entry point: decides what an update means and what to answer.</summary>
public interface ITurnHandler
{
    Task HandleAsync(Turn turn, CancellationToken ct);
}
