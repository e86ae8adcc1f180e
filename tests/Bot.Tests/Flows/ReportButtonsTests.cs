using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;

namespace Assembly.Bot.Tests.Flows;

/// <summary>A report's buttons come from the report as it stands, wherever they are shown: the card, <c>/show</c>, a notice.</summary>
public sealed class ReportButtonsTests : IAsyncLifetime
{
    private const long Rajaei = 201, Reporter = 501;
    private const string Code = "RJ-1001";

    private readonly ChatHarness _chat = new(("Assembly:Secretariats:1:Staff:0", "telegram:201"));

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync();
        _chat.As = ("telegram", Rajaei, "رضا نوری");
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private static List<string> Data(TextMessage message) => Assert.IsType<InlineKeyboard>(message.Keyboard).Rows.SelectMany(r => r).Select(b => b.Data).ToList();

    [Fact]
    public async Task Show_offers_taking_an_open_report_but_not_a_closed_one_as_its_card_does()
    {
        var open = Data((await _chat.Say($"/show {Code}")).Last);
        Assert.Contains("st:take:" + Code, open);
        Assert.DoesNotContain("st:full:" + Code, open); // /show gives the fields whole

        await _chat.Say($"/close {Code} resolved");
        var closed = (await _chat.Say($"/show {Code}")).Last;
        Assert.StartsWith($"مسئله {Code}", closed.Text);
        Assert.DoesNotContain("st:take:" + Code, Data(closed));
        Assert.DoesNotContain("st:hand:" + Code, Data(closed));
        Assert.Contains("st:reply:" + Code, Data(closed));
    }

    [Fact]
    public void A_notices_buttons_are_made_by_the_same_builder_the_desk_reads()
    {
        var data = Assert.IsType<InlineKeyboard>(NoticeHead.Buttons(Code)).Rows.SelectMany(r => r).Select(b => b.Data).ToList();
        Assert.Equal([StaffButtons.Data("reply", Code), StaffButtons.Data("open", Code)], data);
        Assert.True(StaffButtons.TryRead(data[1], out var action, out var code, out var value));
        Assert.Equal(("open", Code, (string?)null), (action, code, value));
    }
}
