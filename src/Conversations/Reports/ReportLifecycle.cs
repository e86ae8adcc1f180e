using Assembly.Storage.Entities;
using Stateless;
using Stateless.Reflection;

namespace Assembly.Conversations.Reports;

/// <summary>
/// The life of a report as a Stateless machine: which move is allowed from where. A report is open in one of the
/// assembly's three stages, or closed with an outcome. Staff move an open report between stages freely and close it
/// with an outcome; a closed report cannot be closed again, but staff may move it back to any stage, which reopens it
/// (they judge when a problem needs more work). Its reporter may reopen it once, in follow-up, by answering «no» to
/// «was it resolved?», and only while it is closed as resolved. Replies, notes and re-routing work in every state;
/// a follow-up action with its next date and a new follower only while the report is open.
/// </summary>
/// <remarks>
/// The machine holds no effects: <see cref="ReportAggregate"/> asks it, fires it (which writes the report's stage and
/// outcome), then writes the event, the version and the deadlines the move implies. Guards read the report only.
/// </remarks>
public sealed class ReportLifecycle
{
    /// <summary>Its page in <c>docs/flows/</c>, drawn with the flows.</summary>
    public const string Name = "report-lifecycle";

    /// <summary>Where a report stands. <see cref="Open"/> and <see cref="Closed"/> group the others and are never stored.</summary>
    public enum State { Open, Identification, Solution, FollowUp, Closed, Resolved, Unresolved, Rejected, Duplicate }

    public enum Trigger
    {
        // Staff work that leaves the state as it is.
        Reply, Note, Route, RecordFollowUp,

        // A staff member takes the report on, or hands it to another: only while it is open.
        Assign,

        // The assignee's role was revoked: the report has nobody, open or closed.
        Unassign,

        // Members: the reporter adds to their report; another member follows it.
        MemberAdds, Follow,

        // Staff move the report to a stage (from a closed state: reopen it there).
        ToIdentification, ToSolution, ToFollowUp,

        // Staff close it with an outcome.
        Resolve, CloseUnresolved, Reject, CloseAsDuplicate,

        // The reporter's answer to «was it resolved?».
        ReporterConfirms, ReporterDisputes,
    }

    private readonly StateMachine<State, Trigger> _machine;

    /// <param name="read">The report's state now (<see cref="Of"/>).</param>
    /// <param name="write">Stores a new state on the report (<see cref="Apply"/>).</param>
    /// <param name="awaitingAnswer">Whether the reporter has not yet answered «was it resolved?».</param>
    public ReportLifecycle(Func<State> read, Action<State> write, Func<bool> awaitingAnswer)
    {
        _machine = new StateMachine<State, Trigger>(read, write);

        _machine.Configure(State.Open)
            .Ignore(Trigger.Reply).Ignore(Trigger.Note).Ignore(Trigger.Route).Ignore(Trigger.RecordFollowUp)
            .Ignore(Trigger.MemberAdds).Ignore(Trigger.Follow).Ignore(Trigger.Assign).Ignore(Trigger.Unassign)
            .Permit(Trigger.Resolve, State.Resolved)
            .Permit(Trigger.CloseUnresolved, State.Unresolved)
            .Permit(Trigger.Reject, State.Rejected)
            .Permit(Trigger.CloseAsDuplicate, State.Duplicate);
        _machine.Configure(State.Identification).SubstateOf(State.Open)
            .Permit(Trigger.ToSolution, State.Solution).Permit(Trigger.ToFollowUp, State.FollowUp);
        _machine.Configure(State.Solution).SubstateOf(State.Open)
            .Permit(Trigger.ToIdentification, State.Identification).Permit(Trigger.ToFollowUp, State.FollowUp);
        _machine.Configure(State.FollowUp).SubstateOf(State.Open)
            .Permit(Trigger.ToIdentification, State.Identification).Permit(Trigger.ToSolution, State.Solution);

        _machine.Configure(State.Closed)
            .Ignore(Trigger.Reply).Ignore(Trigger.Note).Ignore(Trigger.Route).Ignore(Trigger.MemberAdds).Ignore(Trigger.Unassign)
            .Permit(Trigger.ToIdentification, State.Identification)
            .Permit(Trigger.ToSolution, State.Solution)
            .Permit(Trigger.ToFollowUp, State.FollowUp);
        _machine.Configure(State.Resolved).SubstateOf(State.Closed)
            .IgnoreIf(Trigger.ReporterConfirms, awaitingAnswer, "not answered yet")
            .PermitIf(Trigger.ReporterDisputes, State.FollowUp, awaitingAnswer, "not answered yet");
        _machine.Configure(State.Unresolved).SubstateOf(State.Closed);
        _machine.Configure(State.Rejected).SubstateOf(State.Closed);
        _machine.Configure(State.Duplicate).SubstateOf(State.Closed);
    }

    public State Current => _machine.State;

    /// <summary>Whether the move is allowed from where the report stands.</summary>
    public bool Allows(Trigger trigger) => _machine.CanFire(trigger);

    /// <summary>Makes the move; the caller has checked <see cref="Allows"/>.</summary>
    public void Fire(Trigger trigger) => _machine.Fire(trigger);

    /// <summary>The machine's states and moves, for drawing it (a report standing where every report starts).</summary>
    public static StateMachineInfo Describe()
    {
        var state = State.Identification;
        return new ReportLifecycle(() => state, s => state = s, () => true)._machine.GetInfo();
    }

    /// <summary>Where a stored report stands. A closed report without an outcome (never written so) stands in <see cref="State.Closed"/>.</summary>
    public static State Of(Report report) => report.Stage switch
    {
        ReportStage.Identification => State.Identification,
        ReportStage.Solution => State.Solution,
        ReportStage.FollowUp => State.FollowUp,
        _ => report.Outcome switch
        {
            ReportOutcome.Resolved => State.Resolved,
            ReportOutcome.Unresolved => State.Unresolved,
            ReportOutcome.Rejected => State.Rejected,
            ReportOutcome.Duplicate => State.Duplicate,
            _ => State.Closed,
        },
    };

    /// <summary>Stores a state on the report: a stage leaves no outcome, an outcome closes it.</summary>
    public static void Apply(Report report, State state)
    {
        (report.Stage, report.Outcome) = state switch
        {
            State.Identification => (ReportStage.Identification, (ReportOutcome?)null),
            State.Solution => (ReportStage.Solution, null),
            State.FollowUp => (ReportStage.FollowUp, null),
            State.Resolved => (ReportStage.Closed, ReportOutcome.Resolved),
            State.Unresolved => (ReportStage.Closed, ReportOutcome.Unresolved),
            State.Rejected => (ReportStage.Closed, ReportOutcome.Rejected),
            State.Duplicate => (ReportStage.Closed, ReportOutcome.Duplicate),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A report is stored in a stage or with an outcome."),
        };
    }

    /// <summary>The move to a stage.</summary>
    public static Trigger ToStage(ReportStage stage) => stage switch
    {
        ReportStage.Identification => Trigger.ToIdentification,
        ReportStage.Solution => Trigger.ToSolution,
        ReportStage.FollowUp => Trigger.ToFollowUp,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Closing takes an outcome."),
    };

    /// <summary>The move that closes with an outcome.</summary>
    public static Trigger Closing(ReportOutcome outcome) => outcome switch
    {
        ReportOutcome.Resolved => Trigger.Resolve,
        ReportOutcome.Unresolved => Trigger.CloseUnresolved,
        ReportOutcome.Rejected => Trigger.Reject,
        _ => Trigger.CloseAsDuplicate,
    };
}
