using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// The buttons under «مسئله‌های من» say what each report is in a few words, then its code: by topic, or by the first
/// words of the description when no topic was chosen; always right to left, never starting with the code.
/// </summary>
public sealed class MyReportButtonsTests : IAsyncLifetime
{
    private readonly ChatHarness _chat = new();

    public async Task InitializeAsync() => await _chat.RegisterAsync();

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A report filed with «نمی‌دانم» for its topic, sent to the secretariat the member chose.</summary>
    private async Task FileWithoutTopicAsync(string description)
    {
        await _chat.Say("/report");
        await _chat.Press("unknown");
        await _chat.Say(description);
        await _chat.Press("2"); // «دبیرخانه شهید بهشتی»
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("دادگستری کاشان");
        await _chat.Press("skip");
        await _chat.Press("named");
        await _chat.Press("submit");
    }

    [Fact]
    public async Task Each_button_names_the_topic_or_the_first_words_and_then_the_code()
    {
        await _chat.FileReportAsync();
        _chat.Now = _chat.Now.AddMinutes(1);
        await FileWithoutTopicAsync("قاضی پرونده ما را دو سال است به جریان نینداخته است");
        _chat.Now = _chat.Now.AddMinutes(1);
        await FileWithoutTopicAsync("DSL اینترنت روستای نشلج یک ماه است وصل نمی‌شود");

        var list = await _chat.Say(Texts.MenuMyReports);
        Assert.Equal(
        [
            "مسئله DSL اینترنت روستای نشلج… — BH-1002",
            "قاضی پرونده ما را دو… — BH-1001",
            "آب و برق و گاز — RJ-1001",
        ], list.ButtonLabels);
        Assert.Equal(["mr:BH-1002", "mr:BH-1001", "mr:RJ-1001"],
            Assert.IsType<Conversations.Messages.InlineKeyboard>(list.Last.Keyboard).Rows.Select(r => Assert.Single(r).Data));
        Assert.All(list.ButtonLabels, label => Assert.InRange(label[0], '\u0600', '\u06FF'));
    }

    [Theory]
    [InlineData("آب آشامیدنی محله فین", "آب آشامیدنی محله فین")]
    [InlineData("آب آشامیدنی محله فین سه روز است قطع", "آب آشامیدنی محله فین سه…")]
    [InlineData("آب\nآشامیدنی", "آب آشامیدنی")]
    [InlineData("بیمارستان‌های‌دولتی‌و‌خصوصی‌شهرستان‌کاشان", "بیمارستان‌های‌دولتی‌و‌خ…")]
    public void The_first_words_fit_a_phones_button(string description, string gist)
    {
        Assert.Equal(gist, MyReportButtons.FirstWords(description));
        Assert.True(gist.Length <= MyReportButtons.GistLength);
    }

    [Fact]
    public void A_followed_report_without_a_topic_is_named_by_its_county_never_by_the_reporters_words() =>
        Assert.Equal("مسئله‌ای در نطنز — RJ-1003", MyReportButtons.Followed("RJ-1003", null, "نطنز"));
}
