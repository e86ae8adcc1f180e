using System.Text.Json;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Stateless;

namespace Assembly.Conversations.Flows;

/// <summary>A guided conversation as the host sees it.</summary>
public interface IFlow
{
    /// <summary>Asks the first question.</summary>
    Task StartAsync(Turn turn, CancellationToken ct);

    /// <summary>The machine's states and transitions, for drawing the flow (no turn needed).</summary>
    Stateless.Reflection.StateMachineInfo Describe();

    /// <summary>Takes the member's answer to the current step.</summary>
    Task HandleAsync(Turn turn, FlowInput input, CancellationToken ct);

    /// <summary>True once the conversation reached its end; the host then removes it.</summary>
    bool Finished { get; }

    /// <summary>Set when the conversation goes on as another flow: the host starts that one in the same chat.</summary>
    FlowStart? Then { get; }
}

/// <summary>A flow to start, and what to give it before it asks its first question.</summary>
public sealed record FlowStart(string Flow, string InitialState, Action<IFlow>? Prepare = null);

/// <summary>
/// A guided conversation as a Stateless machine over its stored row, as DESIGN.md says: the state is read
/// from and written to <see cref="Conversation.State"/>, the answers so far live in <typeparamref name="TData"/>
/// (stored as JSON). Each state asks its question on entry; answers are checked before a trigger is fired,
/// so a bad answer leaves the machine where it was.
///
/// The machine is configured once per instance, not once per update: its state accessor reads whichever row
/// the flow is bound to (<see cref="IRebindableFlow.Bind"/>), so <see cref="FlowPool"/> can lend one instance to update after
/// update. Configuring a machine (every Permit, PermitDynamic and OnEntry, with Stateless' reflection info)
/// was about 9% of what an update allocated. An instance therefore keeps nothing of a conversation outside
/// <see cref="Row"/> and <see cref="Data"/>, which are replaced on every bind: a subclass keeps per-conversation
/// state only in <typeparamref name="TData"/>, and its guards read nothing else.
/// </summary>
public abstract class Flow<TState, TTrigger, TData> : IFlow, IRebindableFlow
    where TState : struct, Enum
    where TData : class, new()
{
    private static readonly JsonSerializerOptions Json = new();
    private Conversation? _row;
    private TData? _data;
    private Turn? _turn;

    protected Flow(Conversation row)
    {
        // Bound first: Stateless reads the state once as it is made.
        StandOn(row);
        Machine = new StateMachine<TState, TTrigger>(() => Enum.Parse<TState>(Row.State), state =>
        {
            Row.State = state.ToString();
            Row.Step++;
        });
    }

    protected Conversation Row => _row ?? throw new InvalidOperationException("The flow is bound to no conversation.");
    protected TData Data => _data ?? throw new InvalidOperationException("The flow is bound to no conversation.");
    protected StateMachine<TState, TTrigger> Machine { get; }
    protected Turn Turn => _turn ?? throw new InvalidOperationException("The flow is used outside a turn.");
    protected TState Current => Machine.State;

    /// <summary>The trigger that goes one step back, where a state permits it.</summary>
    protected abstract TTrigger BackTrigger { get; }

    public bool Finished { get; protected set; }

    public FlowStart? Then { get; protected set; }

    public Stateless.Reflection.StateMachineInfo Describe() => Machine.GetInfo();

    public async Task StartAsync(Turn turn, CancellationToken ct)
    {
        _turn = turn;
        await AskAsync();
        Save();
    }

    public async Task HandleAsync(Turn turn, FlowInput input, CancellationToken ct)
    {
        _turn = turn;
        if (input.IsBack)
        {
            if (Machine.CanFire(BackTrigger))
                await Machine.FireAsync(BackTrigger);
            else
                Turn.Reply(Texts.CannotGoBack);
        }
        else
        {
            await AnswerAsync(input, ct);
        }

        Save();
    }

    /// <summary>Asks the question of the current state (on entry, and again after a bad answer).</summary>
    protected abstract Task AskAsync();

    /// <summary>Checks the answer; either says what is wrong (and stays) or stores it and fires a trigger.</summary>
    protected abstract Task AnswerAsync(FlowInput input, CancellationToken ct);

    /// <summary>Says what was wrong, then asks again, so the next step is always plain.</summary>
    protected async Task RefuseAsync(string why)
    {
        Turn.Reply(why);
        await AskAsync();
    }

    /// <summary>Every state asks its question when entered, forward or back.</summary>
    protected void AskOnEntry(params TState[] states)
    {
        foreach (var state in states)
            Machine.Configure(state).OnEntryAsync(AskAsync);
    }

    protected void Ask(string question, Keyboard? keyboard = null) => Turn.Reply(question, keyboard);

    protected InlineKeyboard Choices(IEnumerable<(string Label, string Value)> choices, int perRow = 1, bool back = true) =>
        FlowButtons.Keyboard(Row.Step, choices, perRow, back);

    protected InlineKeyboard Navigation(bool back = true) => FlowButtons.Navigation(Row.Step, back);

    private void Save()
    {
        Row.Data = Drafts.CarryOver(Row.Data, JsonSerializer.Serialize(Data, Json));
        Row.UpdatedAt = Turn.Now;
    }

    void IRebindableFlow.Bind(Conversation row) => StandOn(row);

    /// <summary>Stands the flow on <paramref name="row"/>: its state, its answers read afresh, not finished, no turn yet.</summary>
    private void StandOn(Conversation row)
    {
        _row = row;
        _data = JsonSerializer.Deserialize<TData>(row.Data, Json) ?? new TData();
        _turn = null;
        Finished = false;
        Then = null;
    }

    /// <summary>Lets go of the row, its answers and the turn, so a flow waiting in the pool holds no conversation.</summary>
    void IRebindableFlow.Unbind()
    {
        _row = null;
        _data = null;
        _turn = null;
        Finished = false;
        Then = null;
    }
}

/// <summary>What <see cref="FlowPool"/> needs of a flow to lend it again.</summary>
internal interface IRebindableFlow
{
    void Bind(Conversation row);
    void Unbind();
}
