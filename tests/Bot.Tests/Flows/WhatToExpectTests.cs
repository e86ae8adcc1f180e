using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>What a member is told to expect: the tracking-code message, the place step's location button, the phone step.</summary>
public sealed class WhatToExpectTests : IDisposable
{
    private readonly ChatHarness _chat = new(("Assembly:Secretariats:1:FirstAnswerHours", "36"));

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task The_tracking_code_message_names_the_secretariat_the_next_step_its_time_in_words_and_how_to_answer()
    {
        await _chat.RegisterAsync();
        var text = (await _chat.FileReportAsync()).Last.Text; // «آب و برق و گاز» → rajaei
        Assert.StartsWith("مسئله شما ثبت شد و به «دبیرخانه شهید رجایی» رسید.\nکد پیگیری: RJ-1001", text);
        Assert.Contains("کارشناسان دبیرخانه آن را بررسی می‌کنند و تا ۳۶ ساعت کاری نخستین پاسخ را می‌دهند", text);
        Assert.Contains("«پاسخ به دبیرخانه»", text);
        Assert.Contains("«مسئله‌های من»", text);
        Assert.True(text.Length < 600, "one phone screen");
    }

    [Theory]
    [InlineData(48, "تا ۲ روز کاری")]
    [InlineData(24, "تا ۲۴ ساعت کاری")]
    [InlineData(36, "تا ۳۶ ساعت کاری")]
    [InlineData(6, "تا ۶ ساعت کاری")]
    [InlineData(336, "تا ۱۴ روز کاری")]
    public void A_first_answer_time_reads_in_persian_digits(int hours, string words) => Assert.Equal(words, Texts.Within(hours));

    [Fact]
    public async Task The_place_step_offers_a_location_button_and_a_shared_location_is_kept()
    {
        await _chat.RegisterAsync();
        await _chat.FileReportAsync(submit: false);
        await _chat.Press("e:place");
        var place = (await _chat.Press("0")).Last;
        Assert.Equal(Texts.AskPlace, place.Text);
        var keyboard = Assert.IsType<ReplyKeyboard>(place.Keyboard);
        Assert.True(keyboard.RequestLocationOnFirst);
        Assert.False(keyboard.RequestContactOnFirst);
        Assert.Equal([[Texts.SendLocation], [Texts.Back, Texts.Cancel]], keyboard.Rows);

        // The button's label as text: the messenger could not share it; nothing taken, the question again.
        Assert.Equal([Texts.LocationNotShared, Texts.AskPlace], (await _chat.Say(Texts.SendLocation)).Texts);

        var shared = await _chat.ShareLocation();
        Assert.Equal(Texts.LocationNoted, shared.Texts[0]);
        Assert.IsType<RemoveKeyboard>(shared.Messages.OfType<TextMessage>().First().Keyboard); // still filing: no menu yet
        await _chat.Press("submit");
        await using var db = _chat.Db();
        var report = await db.Reports.SingleAsync();
        Assert.Equal((Texts.PlaceByLocation, 33.98, 51.43), (report.Place, report.Latitude, report.Longitude));
    }

    [Fact]
    public async Task Back_at_the_place_step_by_the_reply_keyboard_goes_to_the_county()
    {
        await _chat.RegisterAsync();
        await _chat.FileReportAsync(submit: false);
        await _chat.Press("e:place");
        await _chat.Press("0");
        Assert.StartsWith(Texts.AskReportCounty("کاشان")[..20], (await _chat.Say(Texts.Back)).Last.Text);
    }

    [Fact]
    public async Task The_phone_step_says_in_one_line_who_sees_the_number()
    {
        await _chat.Say("/start");
        var asked = (await _chat.Say("زهرا احمدی")).Last.Text;
        Assert.Equal(Texts.AskPhone + "\n" + Texts.PhoneSeenBy, asked);
        Assert.DoesNotContain('\n', Texts.PhoneSeenBy);
    }
}
