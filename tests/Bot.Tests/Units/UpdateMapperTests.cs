using System.Text.Json;
using Assembly.Bot.Messengers;
using Assembly.Conversations.Messages;
using Assembly.Storage.Entities;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Assembly.Bot.Tests.Units;

/// <summary>Updates as Telegram and Bale send them, read into the messenger-free message the flows see.</summary>
public sealed class UpdateMapperTests
{
    private static InboundUpdate Map(string json, string messenger = "telegram") =>
        UpdateMapper.Map(JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!, messenger, "assembly_bot");

    [Theory]
    [InlineData("supergroup", "telegram")]
    [InlineData("group", "bale")]
    public void Telegram_supergroups_and_Bale_groups_are_both_groups(string type, string messenger)
    {
        var update = Map($$$"""{"update_id":5,"message":{"message_id":1,"date":0,"chat":{"id":-100,"type":"{{{type}}}","title":"کارگروه"},"from":{"id":9,"is_bot":false,"first_name":"a"},"text":"سلام"}}""", messenger);
        Assert.Equal(ChatKind.Group, update.Message!.ChatKind);
        Assert.Equal(new ChatAddress(messenger, -100), update.Message.Chat);
        Assert.Equal("کارگروه", update.Message.ChatTitle);
    }

    [Theory]
    [InlineData("/start@assembly_bot", "/start")]
    [InlineData("/close@Assembly_Bot MD-1 resolved", "/close MD-1 resolved")]
    [InlineData("/start", "/start")]
    public void Our_own_name_is_removed_from_a_command(string text, string expected)
    {
        var update = Map($$$"""{"update_id":5,"message":{"message_id":1,"date":0,"chat":{"id":9,"type":"private"},"from":{"id":9,"is_bot":false,"first_name":"a"},"text":"{{{text}}}"}}""");
        Assert.Equal(IncomingKind.Text, update.Message!.Kind);
        Assert.Equal(expected, update.Message.Text);
    }

    [Fact]
    public void A_message_in_a_forum_topic_carries_its_topic_and_replies_to_nothing_unless_it_answers_a_message()
    {
        // Telegram sends a message written in a topic as a reply to the topic's opening service message.
        var plain = Map("""{"update_id":5,"message":{"message_id":40,"date":0,"chat":{"id":-100,"type":"supergroup","title":"ستاد","is_forum":true},"from":{"id":9,"is_bot":false,"first_name":"a"},"text":"یادداشت","message_thread_id":23,"is_topic_message":true,"reply_to_message":{"message_id":23,"date":0,"chat":{"id":-100,"type":"supergroup","title":"ستاد","is_forum":true},"message_thread_id":23,"forum_topic_created":{"name":"x","icon_color":7322096}}}}""");
        Assert.Equal((23, (long?)null), (plain.Message!.ThreadId, plain.Message.ReplyToMessageId));

        var answer = Map("""{"update_id":6,"message":{"message_id":41,"date":0,"chat":{"id":-100,"type":"supergroup","title":"ستاد","is_forum":true},"from":{"id":9,"is_bot":false,"first_name":"a"},"text":"پاسخ","message_thread_id":23,"is_topic_message":true,"reply_to_message":{"message_id":30,"date":0,"chat":{"id":-100,"type":"supergroup","title":"ستاد","is_forum":true},"message_thread_id":23,"is_topic_message":true,"text":"?"}}}""");
        Assert.Equal((23, (long?)30), (answer.Message!.ThreadId, answer.Message.ReplyToMessageId));

        var general = Map("""{"update_id":7,"message":{"message_id":42,"date":0,"chat":{"id":-100,"type":"supergroup","title":"ستاد","is_forum":true},"from":{"id":9,"is_bot":false,"first_name":"a"},"text":"سلام"}}""");
        Assert.Null(general.Message!.ThreadId);
    }

    [Fact]
    public void A_command_for_another_bot_is_not_taken_as_ours()
    {
        var update = Map("""{"update_id":5,"message":{"message_id":1,"date":0,"chat":{"id":-1,"type":"group"},"from":{"id":9,"is_bot":false,"first_name":"a"},"text":"/start@other_bot"}}""");
        Assert.Equal(IncomingKind.Other, update.Message!.Kind);
    }

    [Fact]
    public void A_button_press_carries_its_data_and_the_chat_of_the_pressed_message()
    {
        var update = Map("""{"update_id":6,"callback_query":{"id":"77","from":{"id":9,"is_bot":false,"first_name":"a"},"chat_instance":"x","data":"help","message":{"message_id":3,"date":0,"chat":{"id":9,"type":"private"}}}}""");
        var message = update.Message!;
        Assert.Equal((IncomingKind.ButtonPress, "help", "77", 3L), (message.Kind, message.ButtonData, message.ButtonPressId, message.MessageId));
    }

    [Fact]
    public void Contact_location_and_media_are_told_apart()
    {
        var contact = Map("""{"update_id":7,"message":{"message_id":1,"date":0,"chat":{"id":9,"type":"private"},"from":{"id":9,"is_bot":false,"first_name":"a"},"contact":{"phone_number":"+989121234567","first_name":"a","user_id":9}}}""");
        Assert.Equal(new SharedContact("+989121234567", 9, "a"), contact.Message!.Contact);

        var photo = Map("""{"update_id":8,"message":{"message_id":1,"date":0,"chat":{"id":9,"type":"private"},"from":{"id":9,"is_bot":false,"first_name":"a"},"caption":"عکس","photo":[{"file_id":"small","file_unique_id":"s","width":1,"height":1},{"file_id":"big","file_unique_id":"b","width":9,"height":9}]}}""");
        Assert.Equal((IncomingKind.Media, AttachmentKind.Photo, "big", "عکس"), (photo.Message!.Kind, photo.Message.Attachment!.Kind, photo.Message.Attachment.FileId, photo.Message.Text));
    }

    [Fact]
    public void Updates_the_bot_does_not_handle_carry_no_message()
    {
        var update = Map("""{"update_id":9,"channel_post":{"message_id":1,"date":0,"chat":{"id":-5,"type":"channel","title":"c"},"text":"x"}}""");
        Assert.Equal(9, update.UpdateId);
        Assert.Null(update.Message);
    }
}
