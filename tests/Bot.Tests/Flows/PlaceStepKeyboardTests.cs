using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// After the place step the member is still filing: the place's keyboard goes without the main menu coming up in its
/// stead, the next step's buttons are under its question, and the menu comes back once the report is filed or left.
/// </summary>
public sealed class PlaceStepKeyboardTests : IAsyncLifetime
{
    private readonly ChatHarness _chat = new();

    public async Task InitializeAsync()
    {
        await _chat.RegisterAsync();
        await _chat.Say(Texts.MenuReport);
        await _chat.Press("4"); // «آب و برق و گاز»
        await _chat.Say("آب آشامیدنی محله فین سه روز است قطع شده");
        await _chat.Press("done");
        Assert.Equal(Texts.AskPlace, (await _chat.Press("0")).Last.Text);
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private static void NoReplyKeyboard(Reply reply) =>
        Assert.DoesNotContain(reply.Messages.OfType<TextMessage>(), m => m.Keyboard is ReplyKeyboard);

    [Fact]
    public async Task The_place_noted_keeps_the_menu_down_until_the_report_is_filed()
    {
        var placed = await _chat.Say("خیابان امیرکبیر");
        Assert.Equal([Texts.PlaceNoted, Texts.AskSolution], placed.Texts);
        Assert.IsType<RemoveKeyboard>(placed.Messages.OfType<TextMessage>().First().Keyboard);
        NoReplyKeyboard(placed);
        Assert.Contains(Texts.SkipAnswer, placed.ButtonLabels);

        var anonymity = await _chat.Press("skip");
        NoReplyKeyboard(anonymity);
        var preview = await _chat.Press("named");
        NoReplyKeyboard(preview);
        Assert.Contains(Texts.Submit, preview.ButtonLabels);

        var submitted = await _chat.Press("submit");
        Assert.Equal([Texts.ThanksForReport, Texts.Submitted("RJ-1001", "دبیرخانه شهید رجایی", 48)], submitted.Texts);
        Assert.Same(MainMenu.Keyboard, submitted.Messages.OfType<TextMessage>().Single(m => m.Text == Texts.ThanksForReport).Keyboard);
        Assert.IsType<InlineKeyboard>(submitted.Last.Keyboard); // the tracking code's message keeps its answer button
    }

    [Fact]
    public async Task A_report_cancelled_after_the_place_step_brings_the_menu_back()
    {
        await _chat.Say("خیابان امیرکبیر");
        Assert.Same(MainMenu.Keyboard, (await _chat.Say(Texts.Cancel)).Last.Keyboard);
    }

    [Fact]
    public async Task A_report_left_idle_after_the_place_step_brings_the_menu_back_with_its_notice()
    {
        await _chat.Say("خیابان امیرکبیر");
        _chat.Now = _chat.Now.AddMinutes(_chat.Context.Conversations.IdleMinutes + 1);
        await using var db = _chat.Db();
        var notices = await IdleConversations.ExpireDueAsync(db, _chat.Context.Conversations, _chat.Now, CancellationToken.None);
        await db.SaveChangesAsync();
        var notice = Assert.IsType<TextMessage>(Assert.Single(notices));
        Assert.Equal(Texts.DraftKept(_chat.Context.Conversations.IdleMinutes, _chat.Context.Conversations.DraftDays), notice.Text);
        Assert.Same(MainMenu.Keyboard, notice.Keyboard);
    }
}
