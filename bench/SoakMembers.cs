using System.Collections.Concurrent;
using Assembly.FakeBotApi;

namespace Assembly.Bench;

/// <summary>
/// The members of a soak run: each files reports through <see cref="ReportScript"/>, one step at a time, waiting for
/// the bot's answer to a step (and a moment to read it) before the next, as a person does. Unlike the
/// <see cref="ConversationDriver"/> it expects the world to misbehave: an answer may come late (an outage, the bot
/// killed), and a message may come twice (a send cut off and made again). It never sends a step again; an update
/// the bot did not answer leaves its member waiting, which the ledger reports.
///
/// Staff answers to the reports (a line with <see cref="StaffMark"/> and its number) are counted apart; every other
/// message a member receives beyond the answers it waits for is a second copy.
/// </summary>
internal sealed class SoakMembers : IDisposable
{
    /// <summary>Staff answers carry this and their own number, so each is told apart from any other message.</summary>
    public const string StaffMark = "پاسخ آزمایشی شماره ";

    private readonly FakeBotApiServer _fake;
    private readonly long _first;
    private readonly TimeSpan _think;
    private readonly Member[] _members;
    private readonly ConcurrentDictionary<int, int> _staffAnswers = new();
    private readonly ConcurrentQueue<string> _codes = new();
    private volatile bool _closing;

    private sealed class Member
    {
        public int Step;
        public int Report;
        public bool Waiting;
        public int Sent;
        public int Answered;
        public int Received;
        public int Acknowledgements;
        public SentMessage? Last;
        public readonly List<string> Codes = [];
    }

    public SoakMembers(FakeBotApiServer fake, long first, int members, TimeSpan think)
    {
        _fake = fake;
        _first = first;
        _think = think;
        _members = Enumerable.Range(0, members).Select(_ => new Member()).ToArray();
        _fake.MessageSent += OnSent;
    }

    /// <summary>Tracking codes as members received them, in order: the staff answer them.</summary>
    public ConcurrentQueue<string> NewCodes => _codes;

    /// <summary>Every member's first step.</summary>
    public void Start()
    {
        for (var m = 0; m < _members.Length; m++)
        {
            var member = _members[m];
            lock (member) Send(m, member);
        }
    }

    /// <summary>From now on a member who finishes a report files no other; those under way are finished.</summary>
    public void Close() => _closing = true;

    /// <summary>No member waits for an answer, and none has a report under way.</summary>
    public bool Settled => _members.All(m =>
    {
        lock (m) return !m.Waiting && m.Step == 0;
    });

    public int Updates => Sum(m => m.Sent);
    public int Answered => Sum(m => m.Answered);
    public int Unanswered => Sum(m => m.Waiting ? 1 : 0);
    public int Reports => Sum(m => m.Report);
    public int Acknowledgements => Sum(m => m.Acknowledgements);

    /// <summary>Messages in the members' chats beyond the answers they waited for, the acknowledgements and the staff answers.</summary>
    public int SecondCopies => Sum(m => m.Received) - Answered - Acknowledgements - _staffAnswers.Values.Sum();

    public IReadOnlyList<string> Codes => _members.SelectMany(m =>
    {
        lock (m) return m.Codes.ToList();
    }).ToList();

    /// <summary>How many times each staff answer (by its number) reached its reporter.</summary>
    public IReadOnlyDictionary<int, int> StaffAnswers => _staffAnswers;

    private int Sum(Func<Member, int> of) => _members.Sum(m =>
    {
        lock (m) return of(m);
    });

    // Called under the member's lock.
    private void Send(int m, Member member)
    {
        var user = _first + m;
        var action = ReportScript.At(member.Step, m, member.Report);
        if (action.Text is { } text)
            _fake.EnqueueText(user, text);
        else
            _fake.EnqueueCallback(user, ConversationDriver.ButtonData(member.Last!, action.Press!)!, member.Last!);
        member.Waiting = true;
        member.Sent++;
    }

    private void OnSent(SentMessage sent)
    {
        var m = sent.ChatId - _first;
        if (m < 0 || m >= _members.Length || sent.Method != "sendMessage") return;
        var member = _members[m];
        lock (member)
        {
            member.Received++;
            if (sent.Text is { } text && text.Contains(StaffMark, StringComparison.Ordinal) && StaffNumber(text) is { } number)
            {
                _staffAnswers.AddOrUpdate(number, 1, (_, n) => n + 1);
                return;
            }

            if (!member.Waiting) return;
            if (ReportScript.Acknowledges(member.Step, sent.Text))
            {
                member.Acknowledgements++;
                return;
            }

            // A second copy of the answer before looks like an answer where any message will do: not taken for one.
            if (member.Last is { } last && last.Text == sent.Text && last.ReplyMarkupJson == sent.ReplyMarkupJson) return;
            if (!Answers(member, (int)m, sent)) return;

            member.Last = sent;
            member.Waiting = false;
            member.Answered++;
            if (++member.Step == ReportScript.Steps)
            {
                var code = ConversationDriver.TrackingCode().Match(sent.Text!).Value;
                member.Codes.Add(code);
                _codes.Enqueue(code);
                member.Step = 0;
                member.Report++;
                if (_closing) return;
            }
        }

        // The next step after a moment's reading, off the fake's request thread.
        _ = Task.Delay(_think).ContinueWith(_ =>
        {
            lock (member)
                if (!member.Waiting) Send((int)m, member);
        }, TaskScheduler.Default);
    }

    /// <summary>Whether <paramref name="sent"/> is the answer the member waits for before their next step.</summary>
    private static bool Answers(Member member, int m, SentMessage sent)
    {
        if (member.Step == ReportScript.Steps - 1) return sent.Text is { } text && ConversationDriver.TrackingCode().IsMatch(text);
        var next = ReportScript.At(member.Step + 1, m, member.Report);
        return next.Press is null || ConversationDriver.ButtonData(sent, next.Press) is not null;
    }

    private static int? StaffNumber(string text)
    {
        // Persian digits too, should the bot write the number its way.
        var digits = text[(text.IndexOf(StaffMark, StringComparison.Ordinal) + StaffMark.Length)..]
            .Select(c => c is >= '۰' and <= '۹' ? (char)('0' + (c - '۰')) : c).TakeWhile(char.IsAsciiDigit).ToArray();
        return digits.Length > 0 ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public void Dispose() => _fake.MessageSent -= OnSent;
}
