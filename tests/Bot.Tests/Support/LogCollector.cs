using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Tests.Support;

/// <summary>Keeps every log line (with its exception, stack and all) so tests can read what the bot logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<string> Lines => _lines;

    public string All => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>Waits for a line that matches, woken by every line logged; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            // Taken before looking, so a line logged meanwhile completes it.
            var next = Volatile.Read(ref _logged).Task;
            if (_lines.FirstOrDefault(match) is { } line) return line;
            try
            {
                await next.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching log line within {timeout}. Logged:\n{All}");
            }
        }
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        // Every waiter wakes and looks again.
        Interlocked.Exchange(ref _logged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogCollector collector) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            collector.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
    }
}
