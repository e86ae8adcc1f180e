using Assembly.Conversations.Flows;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Support;

/// <summary>
/// One person in their private chat with the real host, through a fake Bot API: says, presses a conversation's buttons,
/// and waits for the answer that starts as expected. For end-to-end journeys run on each messenger alike.
/// </summary>
public sealed class MemberScript(BotTestHost bot, FakeBotApiServer fake, string messenger, long user)
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public FakeBotApiServer Fake => fake;

    public IReadOnlyList<SentMessage> Received => fake.SentTo(user);

    /// <summary>The first message after the <paramref name="before"/>-th one that <paramref name="match"/> accepts, once it came.</summary>
    public async Task<SentMessage> UntilAsync(Func<SentMessage, bool> match, int before)
    {
        await fake.WaitUntilAsync(f => f.SentTo(user).Skip(before).Any(match), Wait);
        return fake.SentTo(user).Skip(before).First(match);
    }

    public Task<SentMessage> SayAsync(string text, string expect) => DoAsync(() => fake.EnqueueText(user, text), expect);

    /// <summary>Anything the user sends (a voice, a location…), then the answer that starts with <paramref name="expect"/>.</summary>
    public async Task<SentMessage> DoAsync(Action send, string expect)
    {
        var before = Received.Count;
        send();
        return await UntilAsync(m => m.Text?.StartsWith(expect, StringComparison.Ordinal) == true, before);
    }

    /// <summary>Presses the current step's button <paramref name="value"/> under the last message.</summary>
    public async Task<SentMessage> PressAsync(string value, string expect)
    {
        int step;
        await using (var db = bot.Db())
            step = (await db.Conversations.SingleAsync(c => c.Messenger == messenger && c.ChatId == user)).Step;
        return await DoAsync(() => fake.EnqueueCallback(user, FlowButtons.Data(step, value), Received[^1].MessageId), expect);
    }

    /// <summary>Registers with the first county and no working group.</summary>
    public async Task RegisterAsync(string name, string phone)
    {
        await SayAsync("/start", Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"));
        await SayAsync(name, Texts.AskPhone);
        await SayAsync(phone, Texts.AskCounty);
        await PressAsync("0", Texts.AskWorkingGroup);
        await PressAsync("none", Texts.Registered(name));
    }
}
