using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Text;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// The county step of a report takes the county's name typed as people write it (Arabic letters, extra spaces,
/// half-spaces or none, «شهرستان» before it) as if its button were pressed; anything else is refused with the buttons
/// again.
/// </summary>
public sealed class TypedCountyTests : IAsyncLifetime
{
    private const string Description = "آب آشامیدنی محله فین سه روز است قطع شده و کسی پاسخ نمی‌دهد";
    private readonly ChatHarness _chat = new();

    public async Task InitializeAsync() => await _chat.RegisterAsync(county: 0);

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private async Task<Reply> ToCountyAsync()
    {
        await _chat.Say(Texts.MenuReport);
        var topic = Conversations.Organisation.Routing.Topics(_chat.Context.Assembly).Select(t => t.Topic).ToList().IndexOf("آب و برق و گاز");
        await _chat.Press(topic.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await _chat.Say(Description);
        return await _chat.Press("done");
    }

    [Theory]
    [InlineData("کاشان", "کاشان")]
    [InlineData("كاشان", "کاشان")] // Arabic kaf
    [InlineData("  کاشان  ", "کاشان")]
    [InlineData("آران‌و‌بیدگل", "آران و بیدگل")] // half-spaces for spaces
    [InlineData("آران  و   بيدگل", "آران و بیدگل")] // extra spaces, Arabic yeh
    [InlineData("آرانوبیدگل", "آران و بیدگل")] // no spaces at all
    [InlineData("شهرستان نطنز", "نطنز")]
    [InlineData("نطنز.", "نطنز")]
    [InlineData("کاشان (شهرستان شما)", "کاشان")] // the member's own county's button, copied
    public async Task A_typed_county_is_taken_as_its_button_was(string typed, string county)
    {
        await ToCountyAsync();
        Assert.Equal(Texts.AskPlace, (await _chat.Say(typed)).Last.Text);
        await _chat.Say("خیابان امیرکبیر");
        await _chat.Press("skip");
        await _chat.Press("named");
        await _chat.Press("submit");

        await using var db = _chat.Db();
        Assert.Equal(county, (await db.Reports.SingleAsync()).County);
    }

    [Theory]
    [InlineData("تهران")]
    [InlineData("کاشانه")]
    [InlineData("شهرستان")]
    [InlineData("کاشان و نطنز")]
    public async Task Anything_else_is_refused_with_the_county_buttons_again(string typed)
    {
        var asked = await ToCountyAsync();
        var refused = await _chat.Say(typed);
        Assert.Equal([Texts.CountyInvalid, asked.Last.Text], refused.Texts);
        Assert.Equal(asked.ButtonLabels, refused.ButtonLabels);
        Assert.Contains("کاشان " + Texts.SameCounty, refused.ButtonLabels);
    }

    [Fact]
    public async Task Registration_takes_a_typed_county_the_same_way()
    {
        using var chat = new ChatHarness();
        chat.As = ("telegram", 502, "مریم");
        await chat.Say("/start");
        await chat.Say("مریم احمدی");
        await chat.Say("09121234568");
        Assert.Equal(Texts.AskWorkingGroup, (await chat.Say("آران‌و‌بيدگل")).Last.Text);
        await chat.Press("none");
        await using var db = chat.Db();
        Assert.Equal("آران و بیدگل", (await db.Members.SingleAsync()).County);
    }

    [Fact]
    public void Two_counties_written_alike_are_told_apart_only_by_their_buttons() =>
        Assert.Null(TypedCounty.Match(["آران و بیدگل", "آرانوبیدگل"], "آران و بیدگل"));

    [Fact]
    public void Digits_of_any_script_name_the_same_county() =>
        Assert.Equal("منطقه ۲", TypedCounty.Match(["منطقه ۱", "منطقه ۲"], "منطقه 2"));
}
