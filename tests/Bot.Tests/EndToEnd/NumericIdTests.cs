using System.Text;
using System.Text.Json.Nodes;
using Assembly.Bot.Messengers;
using Assembly.Bot.Tests.Support;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Bale may write <c>media_group_id</c> and <c>callback_query.id</c> as numbers: the bot reads such updates (which
/// Telegram.Bot alone refuses, failing the whole batch) and answers the press by the same digits.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class NumericIdTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long User = 7301;

    [Fact]
    public async Task A_press_and_an_album_with_numeric_ids_are_read_and_answered()
    {
        using var database = new TestDatabase();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions
            { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, bale);

        bale.EnqueueRaw(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = 4242,
                ["from"] = new JsonObject { ["id"] = User, ["is_bot"] = false, ["first_name"] = "زهرا" },
                ["message"] = new JsonObject
                {
                    ["message_id"] = 55,
                    ["chat"] = new JsonObject { ["id"] = User, ["type"] = "private", ["first_name"] = "زهرا" },
                    ["date"] = 1_790_000_000,
                },
                ["data"] = "c:1:x",
            },
        });
        bale.EnqueuePhoto(User, mediaGroupId: JsonValue.Create(13489305719024L));
        bale.EnqueuePhoto(User, mediaGroupId: JsonValue.Create(13489305719024L));

        await bale.WaitUntilAsync(b => b.Answers.Any(a => a.CallbackQueryId == "4242"), Wait);
        await bot.WaitUntilQuietAsync(Wait, bale);
        await using var db = bot.Db();
        Assert.Equal(3, await db.ProcessedUpdates.CountAsync(p => p.Messenger == "bale"));
        Assert.NotEmpty(bale.SentTo(User));
    }

    [Fact]
    public void Numbers_become_their_digits_as_text_and_strings_are_left_alone()
    {
        var numeric = Encoding.UTF8.GetBytes("""{"ok":true,"result":[{"update_id":1,"message":{"media_group_id":13489305719024}},{"update_id":2,"callback_query":{"id":4242,"data":"x"}}]}""");
        var read = JsonNode.Parse(NumericIds.AsText(numeric)!)!;
        Assert.Equal("13489305719024", read["result"]![0]!["message"]!["media_group_id"]!.GetValue<string>());
        Assert.Equal("4242", read["result"]![1]!["callback_query"]!["id"]!.GetValue<string>());
        Assert.Equal(2, read["result"]![1]!["update_id"]!.GetValue<int>());

        Assert.Null(NumericIds.AsText(Encoding.UTF8.GetBytes("""{"ok":true,"result":[{"update_id":1,"message":{"media_group_id":"1348"}}]}""")));
        Assert.Null(NumericIds.AsText(Encoding.UTF8.GetBytes("""{"ok":true,"result":[]}""")));
    }
}
