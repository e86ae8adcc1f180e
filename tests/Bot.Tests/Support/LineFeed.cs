using System.Collections.Concurrent;

namespace Assembly.Bot.Tests.Support;

/// <summary>A terminal's input that a test types into one line at a time; reading blocks until a line comes.</summary>
public sealed class LineFeed : TextReader
{
    private readonly BlockingCollection<string?> _lines = new();

    public void Type(string? line) => _lines.Add(line);

    public override string? ReadLine() => _lines.Take();
}
