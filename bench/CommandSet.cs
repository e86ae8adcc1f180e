using Assembly.Conversations.Text;
using Assembly.FakeBotApi;

namespace Assembly.Bench;

/// <summary>
/// The updates a run sends and the one reply each must get. Update i is the unknown command <c>/c{i}</c>
/// from user i mod M (users take turns, so every chat has several updates in flight); the bot answers
/// each with the unknown-command text naming it, so every reply tells which update it answers.
/// </summary>
internal sealed class CommandSet(int users)
{
    /// <summary>Private chats: the chat id is the user id.</summary>
    private const long FirstUserId = 700_000_001;

    private readonly Dictionary<string, int> _indexByReply = [];

    public int Count => _indexByReply.Count;

    public static string Text(int i) => "/c" + i;

    public long UserOf(int i) => FirstUserId + i % users;

    /// <summary>Puts update <paramref name="i"/> on the fake's queue.</summary>
    public void Enqueue(FakeBotApiServer fake, int i)
    {
        _indexByReply[Texts.UnknownCommand(Text(i))] = i;
        fake.EnqueueText(UserOf(i), Text(i));
    }

    /// <summary>Which update a reply with this text answers, or null when it answers none of ours.</summary>
    public int? IndexOfReply(string? text) => text is not null && _indexByReply.TryGetValue(text, out var i) ? i : null;

    /// <summary>Which update <paramref name="sent"/> answers, or null when none of ours (or it went to the wrong chat).</summary>
    public int? IndexOf(SentMessage sent) => IndexOfReply(sent.Text) is { } i && sent.ChatId == UserOf(i) ? i : null;

    /// <summary>Exactly one reply for every update enqueued, in the right chat, and nothing else.</summary>
    public void Verify(IReadOnlyList<SentMessage> sent)
    {
        var replies = new int[Count];
        var strangers = 0;
        foreach (var message in sent)
        {
            if (IndexOf(message) is { } i) replies[i]++;
            else strangers++;
        }

        var missing = replies.Count(r => r == 0);
        var doubled = replies.Count(r => r > 1);
        if (missing > 0 || doubled > 0 || strangers > 0)
            throw new BenchFailure($"{Count} updates got {sent.Count} sends: {missing} without a reply, {doubled} answered more than once, "
                + $"{strangers} sends that answer none of them (or went to the wrong chat).");
    }
}
