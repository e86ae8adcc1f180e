using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Assembly.Bench;

/// <summary>
/// Where the time goes (<c>--profile</c>), from inside the process and without touching the bot's code:
/// EF Core's diagnostic events time every SQL command, transaction start (which waits for SQLite's one
/// write lock) and commit (the fsync), and HttpClient's activities time every Bot API call by method.
/// Durations are summed over the counted runs; parallel work can sum to more than the wall time.
/// Listening costs some speed, so figures taken with it are not the ones to compare.
/// </summary>
internal sealed partial class Profiler : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, Tally> _tallies = new();
    private readonly ConcurrentDictionary<string, string> _labels = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _openTransactions = new();
    /// <summary>Connections whose open transaction handles updates (it checks ProcessedUpdates), to tell its lock time apart.</summary>
    private readonly ConcurrentDictionary<Guid, bool> _handlingUpdates = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ActivityListener _http;
    private TimeSpan _wall;
    private int _updates;

    public Profiler()
    {
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        _http = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => Add("http " + BotApiMethod(activity), activity.Duration),
        };
        ActivitySource.AddActivityListener(_http);
    }

    /// <summary>Off during warm-up runs and between measurements.</summary>
    public bool Recording { get; set; }

    /// <summary>A counted run's measured span and its number of updates, to relate the sums to.</summary>
    public void AddRun(TimeSpan wall, int updates)
    {
        _wall += wall;
        _updates += updates;
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Where the time goes (--profile): sums over the counted runs, {_updates} updates in {_wall.TotalSeconds:0.0} s of wall time.");
        Console.WriteLine();
        Console.WriteLine("| what | count | total s | % of wall | µs per update | mean ms | max ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (what, tally) in _tallies.OrderByDescending(t => t.Value.Total))
        {
            var total = tally.Total;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {what} | {tally.Count} | {total.TotalSeconds:0.00} | {total / _wall * 100:0} | {total.TotalMicroseconds / _updates:0} | {total.TotalMilliseconds / tally.Count:0.00} | {tally.Max.TotalMilliseconds:0.0} |"));
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        // EF Core makes one listener per internal service provider, so a new host may bring a new one.
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, IsTimed));
    }

    private static bool IsTimed(string name) =>
        name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.TransactionStarted.Name
        || name == RelationalEventId.TransactionCommitted.Name || name == RelationalEventId.ConnectionOpened.Name;

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        if (!Recording) return;
        switch (e.Value)
        {
            case CommandExecutedEventData command:
                var label = _labels.GetOrAdd(command.Command.CommandText, Label);
                Add("sql " + label, command.Duration);
                if (label.Contains("ProcessedUpdates", StringComparison.Ordinal)) _handlingUpdates[command.ConnectionId] = true;
                break;
            case TransactionEndEventData started when e.Key == RelationalEventId.TransactionStarted.Name:
                Add("begin transaction (waits for the write lock)", started.Duration);
                _openTransactions[started.TransactionId] = started.StartTime + started.Duration;
                break;
            case TransactionEndEventData committed:
                Add("commit (WAL append and fsync)", committed.Duration);
                if (_openTransactions.TryRemove(committed.TransactionId, out var since))
                {
                    var held = committed.StartTime + committed.Duration - since;
                    Add("write lock held: BEGIN acquired → COMMIT done", held);
                    Add(_handlingUpdates.TryRemove(committed.ConnectionId, out _)
                        ? "… of which by transactions handling updates"
                        : "… of which by others (outbox sender, jobs)", held);
                }
                break;
            case ConnectionEndEventData opened:
                Add("open connection", opened.Duration);
                break;
        }
    }

    private void Add(string what, TimeSpan duration)
    {
        if (Recording) _tallies.GetOrAdd(what, _ => new Tally()).Add(duration);
    }

    /// <summary>"SELECT Outbox", "INSERT Outbox + INSERT ProcessedUpdates": each statement's verb and first table.</summary>
    private static string Label(string sql)
    {
        var parts = sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(statement => (Verb: statement.Split(' ', 2)[0].ToUpperInvariant(), Table: TableOf().Match(statement)))
            .Where(s => s.Table.Success || s.Verb == "PRAGMA")
            .Select(s => s.Table.Success ? $"{s.Verb} {s.Table.Groups[1].Value}" : s.Verb)
            .Distinct();
        return string.Join(" + ", parts);
    }

    [GeneratedRegex("""(?:FROM|INTO|UPDATE)\s+"(\w+)"\s""")]
    private static partial Regex TableOf();

    /// <summary>The last segment of the request path: the Bot API method. The path also holds the token, which is never kept.</summary>
    private static string BotApiMethod(Activity activity) =>
        activity.GetTagItem("url.full") is string url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.Segments[^1]
            : activity.DisplayName;

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _http.Dispose();
        lock (_subscriptions)
            foreach (var subscription in _subscriptions) subscription.Dispose();
    }

    private sealed class Tally
    {
        private long _count;
        private long _ticks;
        private long _maxTicks;

        public long Count => Interlocked.Read(ref _count);
        public TimeSpan Total => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));
        public TimeSpan Max => TimeSpan.FromTicks(Interlocked.Read(ref _maxTicks));

        public void Add(TimeSpan duration)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _ticks, duration.Ticks);
            long max;
            while (duration.Ticks > (max = Interlocked.Read(ref _maxTicks)) && Interlocked.CompareExchange(ref _maxTicks, duration.Ticks, max) != max) { }
        }
    }
}
