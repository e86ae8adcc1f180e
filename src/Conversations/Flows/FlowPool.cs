using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>
/// Lends flows for one turn, each with its Stateless machine configured once (see <see cref="Flow{TState,TTrigger,TData}"/>)
/// and bound to the turn's conversation row. A machine is not thread-safe, so an instance is lent to one
/// turn at a time; turns of different lanes each get their own. A flow comes back only after a turn that
/// went through: one that threw is dropped, so no machine half-way through a transition is lent again.
/// </summary>
public sealed class FlowPool(FlowContext context)
{
    /// <summary>Idle instances kept per flow; more are only made while that many turns run at once.</summary>
    private const int KeptPerFlow = 8;

    private static readonly Dictionary<string, (Type Type, Func<Conversation, FlowContext, IFlow> Make)> Kinds = new(StringComparer.Ordinal)
    {
        [RegistrationFlow.Name] = (typeof(RegistrationFlow), (row, context) => new RegistrationFlow(row, context)),
        [ReportFlow.Name] = (typeof(ReportFlow), (row, context) => new ReportFlow(row, context)),
        [AddToReportFlow.Name] = (typeof(AddToReportFlow), (row, context) => new AddToReportFlow(row, context)),
        [AnnounceFlow.Name] = (typeof(AnnounceFlow), (row, context) => new AnnounceFlow(row, context)),
        [MeetingFlow.Name] = (typeof(MeetingFlow), (row, context) => new MeetingFlow(row, context)),
        [OutcomeFlow.Name] = (typeof(OutcomeFlow), (row, context) => new OutcomeFlow(row, context)),
        [MeetingChangeFlow.Name] = (typeof(MeetingChangeFlow), (row, context) => new MeetingChangeFlow(row, context)),
        [ForgetFlow.Name] = (typeof(ForgetFlow), (row, _) => new ForgetFlow(row)),
        [FreeTextFlow.Name] = (typeof(FreeTextFlow), (row, context) => new FreeTextFlow(row, context)),
    };

    // By type, not by the row's flow name: a finished conversation's row has no flow name any more.
    private readonly Dictionary<Type, Stack<IFlow>> _idle = [];

    /// <summary>A flow of the row's kind standing on <paramref name="row"/>, as a new instance would.</summary>
    public IFlow Rent(Conversation row)
    {
        if (!Kinds.TryGetValue(row.Flow, out var kind)) throw new InvalidOperationException($"No flow is called '{row.Flow}'.");
        lock (_idle)
        {
            if (_idle.TryGetValue(kind.Type, out var idle) && idle.TryPop(out var flow))
            {
                ((IRebindableFlow)flow).Bind(row);
                return flow;
            }
        }

        return kind.Make(row, context);
    }

    /// <summary>Takes back a flow whose turn went through; it lets go of its row and turn at once.</summary>
    public void Return(IFlow flow)
    {
        ((IRebindableFlow)flow).Unbind();
        lock (_idle)
        {
            if (!_idle.TryGetValue(flow.GetType(), out var idle)) _idle[flow.GetType()] = idle = new Stack<IFlow>();
            if (idle.Count < KeptPerFlow) idle.Push(flow);
        }
    }
}
