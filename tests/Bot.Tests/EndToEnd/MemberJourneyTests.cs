using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>A member from /start to a tracking code through the fake Bot API, with the bot restarted half-way.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class MemberJourneyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("telegram")]
    [InlineData("bale")]
    public async Task From_start_to_a_tracking_code_with_a_restart_in_the_middle(string messenger)
    {
        using var database = new TestDatabase();
        var bale = messenger == "bale";
        await using var server = await FakeBotApiServer.StartAsync(bale
            ? new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" }
            : new FakeBotApiOptions());
        var journey = new Journey(server, 4242);
        // A staff member of the secretariat on the same messenger, who should see the photo itself.
        var staffSettings = new Dictionary<string, string?> { ["Assembly:Secretariats:1:Staff:0"] = $"{messenger}:9900" };
        var first = await BotTestHost.StartAsync(database, bale ? null : server, bale ? server : null, settings: staffSettings);

        await journey.Text("/start", Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"));
        await journey.Text("مریم کاظمی", Texts.AskPhoneAndWhoSees);
        await journey.Do(() => server.EnqueueContact(4242, "+989131234567"), Texts.AskCounty);
        await journey.Press("کاشان", Texts.AskWorkingGroup);
        await journey.Press(Texts.NoWorkingGroup, Texts.Registered("مریم کاظمی"));
        await journey.Text(Texts.MenuReport, Texts.AskTopic);
        await journey.Press("خدمات شهری", Texts.AskDescription(3));
        await journey.Text("چراغ‌های خیابان امام ده شب است خاموش است", Texts.AskAttachments(0, 10));

        // The bot goes down and comes back: the member goes on from the same step.
        await first.StopAsync();
        await using var second = await BotTestHost.StartAsync(database, bale ? null : server, bale ? server : null, settings: staffSettings);

        await journey.Do(() => server.EnqueuePhoto(4242), Texts.AskAttachments(1, 10));
        await journey.Press(Texts.Done, Texts.AskReportCounty("کاشان"));
        await journey.Press("کاشان " + Texts.SameCounty, Texts.AskPlace);
        await journey.Do(() => server.EnqueueLocation(4242), Texts.AskSolution);
        await journey.Press(Texts.SkipAnswer, Texts.AskAnonymity);
        await journey.Press(Texts.ShowMyName, "پیش‌نمایش مسئله شما");
        var submitted = await journey.Press(Texts.Submit, "مسئله شما ثبت شد");

        var code = Regex.Match(submitted.Text!, "[A-Z]{2,3}-[0-9]{3,}").Value;
        Assert.Equal("RJ-1001", code);
        await second.WaitUntilQuietAsync(Wait, server);
        Assert.Equal(journey.Expected, server.SentTo(4242).Count); // nothing answered twice across the restart

        await server.WaitUntilAsync(s => s.SentTo(9900).Count >= 3, Wait);
        Assert.StartsWith("مسئله تازه RJ-1001", server.SentTo(9900)[0].Text);
        // The place the member pinned, as a map right under the post.
        var pinned = server.SentTo(9900)[1];
        Assert.Equal(("sendLocation", "33.98,51.43"), (pinned.Method, pinned.Text));
        var photo = server.SentTo(9900)[2];
        Assert.Equal(("sendPhoto", Texts.AttachmentCaption("RJ-1001", 1, 1)), (photo.Method, photo.Text));

        await using var db = second.Db();
        var report = await db.Reports.Include(r => r.Attachments).Include(r => r.Member).SingleAsync();
        Assert.Equal((code, "rajaei", RoutingReason.TopicChosen, "مریم کاظمی", true),
            (report.Code, report.Secretariat, report.RoutedBy, report.Member!.Name, report.Member.PhoneVerified));
        Assert.Equal(messenger, report.Attachments.Single().Messenger);
        Assert.Equal(33.98, report.Latitude);
    }

    /// <summary>One member's side of the chat: sends, presses buttons by label, waits for the expected answer.</summary>
    private sealed class Journey(FakeBotApiServer server, long user)
    {
        public int Expected { get; private set; }

        public Task<SentMessage> Text(string text, string expected) => Do(() => server.EnqueueText(user, text), expected);

        public Task<SentMessage> Press(string label, string expected)
        {
            var last = server.SentTo(user).Last(m => m.ReplyMarkupJson?.Contains("inline_keyboard") == true);
            var data = JsonNode.Parse(last.ReplyMarkupJson!)!["inline_keyboard"]!.AsArray()
                .SelectMany(row => row!.AsArray())
                .First(b => b!["text"]!.GetValue<string>() == label)!["callback_data"]!.GetValue<string>();
            return Do(() => server.EnqueueCallback(user, data, last.MessageId), expected);
        }

        public async Task<SentMessage> Do(Action send, string expected)
        {
            var before = server.SentTo(user).Count;
            send();
            await server.WaitUntilAsync(s => s.SentTo(user).Skip(before).Any(m => m.Text?.StartsWith(expected, StringComparison.Ordinal) == true), Wait);
            var answers = server.SentTo(user).Skip(before).ToList();
            Expected = before + answers.Count;
            return answers.Last(m => m.Text!.StartsWith(expected, StringComparison.Ordinal));
        }
    }
}
