using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.Units;

/// <summary>A flow lent again, on another row, behaves as a new one would: nothing of the row before leaks in.</summary>
public sealed class FlowPoolTests : IDisposable
{
    private readonly ChatHarness _chat = new();

    [Fact]
    public async Task A_flow_lent_again_keeps_nothing_of_the_row_it_stood_on_before()
    {
        var pool = new FlowPool(_chat.Context);
        // A member who has seen the preview and went back to change the topic: choosing one returns to the preview.
        var reviewing = Row("""{"Reviewing":true,"Description":"آب آشامیدنی محله قطع شده است"}""");
        var first = pool.Rent(reviewing);
        var firstReplies = await PressAsync(first, reviewing, "0");
        Assert.Equal(nameof(ReportFlow.State.Preview), reviewing.State);
        Assert.Contains(firstReplies, text => text.Contains(Texts.PreviewNextStep, StringComparison.Ordinal));
        pool.Return(first);

        // A new conversation at the same step, not reviewing: the same choice goes on to the description.
        var fresh = Row("{}");
        var second = pool.Rent(fresh);
        Assert.Same(first, second);
        Assert.False(second.Finished);
        var secondReplies = await PressAsync(second, fresh, "0");

        Assert.Equal(nameof(ReportFlow.State.Description), fresh.State);
        Assert.Equal(1, fresh.Step);
        Assert.DoesNotContain("Reviewing\":true", fresh.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(secondReplies, text => text.Contains(Texts.PreviewNextStep, StringComparison.Ordinal));
        // And the first row was not touched by the second turn.
        Assert.Equal(nameof(ReportFlow.State.Preview), reviewing.State);
        Assert.Equal(1, reviewing.Step);
    }

    [Fact]
    public async Task A_finished_flow_is_lent_again_unfinished()
    {
        var pool = new FlowPool(_chat.Context);
        var row = Row("{}", AddToReportFlow.Name, AddToReportFlow.InitialState);
        var flow = pool.Rent(row);
        // Not the member's report (nobody's): the flow says so and finishes.
        await PressAsync(flow, row, "anything", text: "متن افزوده");
        Assert.True(flow.Finished);
        pool.Return(flow);

        var again = pool.Rent(Row("{}", AddToReportFlow.Name, AddToReportFlow.InitialState));
        Assert.Same(flow, again);
        Assert.False(again.Finished);
    }

    private static Conversation Row(string data, string flow = ReportFlow.Name, string? state = null) => new()
    {
        Messenger = "telegram", ChatId = 501, Flow = flow, State = state ?? ReportFlow.InitialState, Data = data,
    };

    /// <summary>One update answering the flow's current step; the texts it replied.</summary>
    private async Task<IReadOnlyList<string>> PressAsync(IFlow flow, Conversation row, string choice, string? text = null)
    {
        var message = new IncomingMessage(new ChatAddress(row.Messenger, row.ChatId), ChatKind.Private,
            text is null ? IncomingKind.ButtonPress : IncomingKind.Text, new Sender(row.ChatId, "زهرا", null, null), Text: text);
        await using var db = _chat.Db();
        var turn = new Turn(db, message, _chat.Now);
        await flow.HandleAsync(turn, new FlowInput(message, text ?? "", text is null ? choice : null), CancellationToken.None);
        return turn.Outgoing.OfType<TextMessage>().Select(m => m.Text).ToList();
    }

    public void Dispose() => _chat.Dispose();
}
