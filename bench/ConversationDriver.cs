using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assembly.FakeBotApi;

namespace Assembly.Bench;

/// <summary>
/// Simulated members running <see cref="ReportScript"/> against whatever bot polls the fake: each member sends
/// a step, waits for the bot's answer to it in their chat, then sends the next (a closed loop, as a person
/// does). Without a rate every member answers at once, so the bot is always full of work and its throughput
/// is what is measured; with a rate the steps are let out at that many per second overall, so the latency
/// of each reply is measured at a steady load.
///
/// A reply is recognised by what the next step needs: the button it will press, or, before a text, any
/// message; after «submit», a tracking code. A step's acknowledgement (<see cref="ReportScript.Acknowledges"/>) comes
/// before the answer and is counted on its own; messages that match nothing expected are counted, not used.
/// </summary>
internal sealed partial class ConversationDriver : IDisposable
{
    private readonly FakeBotApiServer _fake;
    private readonly long _firstUser;
    private readonly int _reports;
    private readonly MemberState[] _members;
    private readonly ConcurrentQueue<int> _ready = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock = new();
    private readonly int _rate;
    private readonly SentMessage?[] _lastMessage;
    private int _remaining;
    private int _unexpected;
    private int _acknowledgements;

    private sealed class MemberState
    {
        public int Step;
        public int Report;
        public long SentAt;
        public readonly List<double> Latencies = [];
        public readonly List<string> TrackingCodes = [];
    }

    /// <param name="rate">Steps per second let out overall, or 0 for as fast as the bot answers.</param>
    public ConversationDriver(FakeBotApiServer fake, long firstUser, int members, int reports, int rate)
    {
        _fake = fake;
        _firstUser = firstUser;
        _reports = reports;
        _rate = rate;
        _members = Enumerable.Range(0, members).Select(_ => new MemberState()).ToArray();
        _lastMessage = new SentMessage?[members];
        _remaining = members * reports * ReportScript.Steps;
        _fake.MessageSent += OnSent;
    }

    public int Updates => _members.Length * _reports * ReportScript.Steps;

    /// <summary>Time from the first step sent to the last reply.</summary>
    public TimeSpan Elapsed { get; private set; }

    public int Unexpected => Volatile.Read(ref _unexpected);

    /// <summary>Acknowledgements received (sent before the answer to a step, by bots that send one).</summary>
    public int Acknowledgements => Volatile.Read(ref _acknowledgements);

    /// <summary>Every reply's latency (step sent → reply recorded), in ms, sorted.</summary>
    public List<double> Latencies() => _members.SelectMany(m => m.Latencies).Order().ToList();

    public IReadOnlyList<string> TrackingCodes => _members.SelectMany(m => m.TrackingCodes).ToList();

    /// <summary>Starts every member's first step and completes when every member has filed every report.</summary>
    public async Task RunAsync(TimeSpan timeout)
    {
        _clock.Start();
        for (var m = 0; m < _members.Length; m++) _ready.Enqueue(m);
        using var stop = new CancellationTokenSource(timeout);
        var pacing = PaceAsync(stop.Token);
        try
        {
            await _finished.Task.WaitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            var stuck = _members.Count(m => m.Report < _reports);
            throw new BenchFailure($"{_remaining} of {Updates} steps unanswered after {timeout.TotalSeconds:0} s; {stuck} members stuck "
                + $"(e.g. member {Array.FindIndex(_members, m => m.Report < _reports)} at step {_members.First(m => m.Report < _reports).Step}); "
                + $"{Unexpected} unexpected messages.");
        }

        Elapsed = _clock.Elapsed;
        await stop.CancelAsync();
        await pacing;
    }

    /// <summary>Lets the members whose turn it is send their step: all at once, or at the rate.</summary>
    private async Task PaceAsync(CancellationToken ct)
    {
        var let = 0L;
        while (!ct.IsCancellationRequested && !_finished.Task.IsCompleted)
        {
            var allowed = _rate == 0 ? long.MaxValue : (long)(_clock.Elapsed.TotalSeconds * _rate) + 1;
            while (let < allowed && _ready.TryDequeue(out var m))
            {
                Send(m);
                let++;
            }

            // The rate holds however coarse this delay is: whatever is due goes out at the next turn.
            try { await Task.Delay(1, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    private void Send(int m)
    {
        var member = _members[m];
        var user = _firstUser + m;
        var action = ReportScript.At(member.Step, m, member.Report);
        member.SentAt = Stopwatch.GetTimestamp();
        if (action.Text is { } text)
            _fake.EnqueueText(user, text);
        else
        {
            var pressed = LastMessage(m) ?? throw new BenchFailure($"Member {m} has no message to press «{action.Press}» under.");
            _fake.EnqueueCallback(user, ButtonData(pressed, action.Press!)!, pressed);
        }
    }

    private SentMessage? LastMessage(int m)
    {
        lock (_members[m]) return _lastMessage[m];
    }

    private void OnSent(SentMessage sent)
    {
        var m = sent.ChatId - _firstUser;
        if (m < 0 || m >= _members.Length || sent.Method != "sendMessage")
        {
            Interlocked.Increment(ref _unexpected);
            return;
        }

        var member = _members[(int)m];
        lock (member)
        {
            if (member.Report < _reports && ReportScript.Acknowledges(member.Step, sent.Text))
            {
                Interlocked.Increment(ref _acknowledgements);
                return;
            }

            if (member.Report >= _reports || !Answers(member, (int)m, sent))
            {
                Interlocked.Increment(ref _unexpected);
                return;
            }

            _lastMessage[m] = sent;
            member.Latencies.Add(Stopwatch.GetElapsedTime(member.SentAt).TotalMilliseconds);
            if (++member.Step == ReportScript.Steps)
            {
                member.TrackingCodes.Add(TrackingCode().Match(sent.Text!).Value);
                member.Step = 0;
                member.Report++;
            }

            if (member.Report < _reports) _ready.Enqueue((int)m);
        }

        if (Interlocked.Decrement(ref _remaining) == 0) _finished.TrySetResult();
    }

    /// <summary>Whether <paramref name="sent"/> is the answer the member waits for before their next step.</summary>
    private bool Answers(MemberState member, int m, SentMessage sent)
    {
        if (member.Step == ReportScript.Steps - 1) return sent.Text is { } text && TrackingCode().IsMatch(text);
        var next = ReportScript.At(member.Step + 1, m, member.Report);
        return next.Press is null || ButtonData(sent, next.Press) is not null;
    }

    /// <summary>The callback data of the inline button under <paramref name="sent"/> whose data ends in <c>:suffix</c>.</summary>
    internal static string? ButtonData(SentMessage sent, string suffix)
    {
        if (sent.ReplyMarkupJson is null || JsonNode.Parse(sent.ReplyMarkupJson)?["inline_keyboard"] is not JsonArray rows) return null;
        foreach (var row in rows)
        foreach (var button in row!.AsArray())
            if (button?["callback_data"]?.GetValue<string>() is { } data
                && (data == suffix || data.EndsWith(":" + suffix, StringComparison.Ordinal)))
                return data;
        return null;
    }

    [GeneratedRegex("[A-Z]{2}-[0-9۰-۹]+")]
    internal static partial Regex TrackingCode();

    public void Dispose() => _fake.MessageSent -= OnSent;
}
