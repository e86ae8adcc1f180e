using Assembly.Conversations.Messages;

namespace Assembly.Bot.Tests.Units;

public sealed class OutgoingJsonTests
{
    [Fact]
    public void A_text_with_buttons_survives_the_outbox_and_keeps_Persian_readable()
    {
        var message = new TextMessage("سلام", new InlineKeyboard([[new InlineButton("راهنما", "help"), new InlineButton("لغو", "cancel")]]), 17);
        var json = OutgoingJson.Write(message);

        Assert.Contains("راهنما", json);
        var back = Assert.IsType<TextMessage>(OutgoingJson.Read(json));
        Assert.Equal("سلام", back.Text);
        Assert.Equal(17, back.ReplyToMessageId);
        var keyboard = Assert.IsType<InlineKeyboard>(back.Keyboard);
        Assert.Equal(["help", "cancel"], keyboard.Rows[0].Select(b => b.Data));
    }

    [Fact]
    public void Reply_keyboards_and_button_answers_round_trip()
    {
        var keyboard = new TextMessage("x", new ReplyKeyboard([["ثبت مسئله", "راهنما"]], RequestContactOnFirst: true));
        var back = Assert.IsType<ReplyKeyboard>(Assert.IsType<TextMessage>(OutgoingJson.Read(OutgoingJson.Write(keyboard))).Keyboard);
        Assert.True(back.RequestContactOnFirst);
        Assert.Equal("ثبت مسئله", back.Rows[0][0]);

        var answer = Assert.IsType<ButtonAnswer>(OutgoingJson.Read(OutgoingJson.Write(new ButtonAnswer("q1", "نه", AsAlert: true))));
        Assert.Equal(("q1", "نه", true), (answer.PressId, answer.Notice, answer.AsAlert));
    }
}
