using Assembly.Conversations.Reports;
using Assembly.Storage.Entities;
using State = Assembly.Conversations.Reports.ReportLifecycle.State;
using Trigger = Assembly.Conversations.Reports.ReportLifecycle.Trigger;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// Every move of a report's lifecycle from every state a report can stand in, against the rules written out here by
/// hand: what is allowed, where it leads, and that a refused move leaves the state alone.
/// </summary>
public sealed class ReportLifecycleTests
{
    private static readonly State[] Stored =
        [State.Identification, State.Solution, State.FollowUp, State.Resolved, State.Unresolved, State.Rejected, State.Duplicate];

    private static bool IsOpen(State state) => state is State.Identification or State.Solution or State.FollowUp;

    /// <summary>The rules, independent of the machine: where the move leads, or null when it is refused.</summary>
    private static State? Expected(State from, Trigger trigger, bool awaitingAnswer) => trigger switch
    {
        Trigger.Reply or Trigger.Note or Trigger.Route or Trigger.MemberAdds or Trigger.Unassign => from,
        Trigger.RecordFollowUp or Trigger.Follow or Trigger.Assign => IsOpen(from) ? from : null,
        Trigger.ToIdentification => from == State.Identification ? null : State.Identification,
        Trigger.ToSolution => from == State.Solution ? null : State.Solution,
        Trigger.ToFollowUp => from == State.FollowUp ? null : State.FollowUp,
        Trigger.Resolve => IsOpen(from) ? State.Resolved : null,
        Trigger.CloseUnresolved => IsOpen(from) ? State.Unresolved : null,
        Trigger.Reject => IsOpen(from) ? State.Rejected : null,
        Trigger.CloseAsDuplicate => IsOpen(from) ? State.Duplicate : null,
        Trigger.ReporterConfirms => from == State.Resolved && awaitingAnswer ? from : null,
        Trigger.ReporterDisputes => from == State.Resolved && awaitingAnswer ? State.FollowUp : null,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "A move with no rule here."),
    };

    public static TheoryData<State, Trigger, bool> Moves()
    {
        var data = new TheoryData<State, Trigger, bool>();
        foreach (var from in Stored)
            foreach (var trigger in Enum.GetValues<Trigger>())
                foreach (var awaiting in new[] { true, false })
                    data.Add(from, trigger, awaiting);
        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_move_from_every_state_is_allowed_or_refused_as_the_rules_say(State from, Trigger trigger, bool awaitingAnswer)
    {
        var state = from;
        var lifecycle = new ReportLifecycle(() => state, s => state = s, () => awaitingAnswer);
        var expected = Expected(from, trigger, awaitingAnswer);

        Assert.Equal(expected is not null, lifecycle.Allows(trigger));
        if (expected is { } to)
        {
            lifecycle.Fire(trigger);
            Assert.Equal(to, state);
        }
        else
        {
            Assert.ThrowsAny<InvalidOperationException>(() => lifecycle.Fire(trigger));
            Assert.Equal(from, state);
        }
    }

    [Fact]
    public void Staff_can_move_a_closed_report_back_to_any_stage_and_cannot_close_it_again()
    {
        foreach (var closed in Stored.Where(s => !IsOpen(s)))
        {
            foreach (var stage in new[] { ReportStage.Identification, ReportStage.Solution, ReportStage.FollowUp })
            {
                var state = closed;
                var lifecycle = new ReportLifecycle(() => state, s => state = s, () => false);
                lifecycle.Fire(ReportLifecycle.ToStage(stage));
                var report = new Report { Code = "RJ-1001", Secretariat = "rajaei", Description = "x", County = "کاشان", Stage = ReportStage.Closed, Outcome = ReportOutcome.Rejected };
                ReportLifecycle.Apply(report, state);
                Assert.Equal((stage, (ReportOutcome?)null), (report.Stage, report.Outcome));
            }

            var again = closed;
            Assert.DoesNotContain(Enum.GetValues<ReportOutcome>(),
                outcome => new ReportLifecycle(() => again, s => again = s, () => true).Allows(ReportLifecycle.Closing(outcome)));
        }
    }

    [Fact]
    public void A_stored_report_reads_back_as_the_state_it_was_stored_in()
    {
        foreach (var state in Stored)
        {
            var report = new Report { Code = "RJ-1001", Secretariat = "rajaei", Description = "x", County = "کاشان" };
            ReportLifecycle.Apply(report, state);
            Assert.Equal(state, ReportLifecycle.Of(report));
        }

        var closedWithoutOutcome = new Report { Code = "RJ-1001", Secretariat = "rajaei", Description = "x", County = "کاشان", Stage = ReportStage.Closed };
        Assert.Equal(State.Closed, ReportLifecycle.Of(closedWithoutOutcome));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportLifecycle.Apply(closedWithoutOutcome, State.Open));
    }

    [Fact]
    public void A_report_closed_without_an_outcome_can_still_be_reopened_but_not_closed()
    {
        var state = State.Closed;
        var lifecycle = new ReportLifecycle(() => state, s => state = s, () => true);
        Assert.False(lifecycle.Allows(Trigger.Resolve));
        Assert.False(lifecycle.Allows(Trigger.ReporterDisputes));
        Assert.True(lifecycle.Allows(Trigger.Reply));
        lifecycle.Fire(Trigger.ToSolution);
        Assert.Equal(State.Solution, state);
    }
}
