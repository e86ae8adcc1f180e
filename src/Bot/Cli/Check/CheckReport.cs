using System.Globalization;
using System.Text;

namespace Assembly.Bot.Cli.Check;

/// <summary>What the check found, item by item, for the operator: what the messenger accepted and how.</summary>
public sealed class CheckReport
{
    private readonly List<(string Item, string Finding, bool Refused)> _rows = [];

    public void Add(string item, string finding, bool refused = false) => _rows.Add((item, finding, refused));

    /// <summary>An answer of a call the bot depends on: "accepted: …" or how it was refused.</summary>
    public void Add(string item, ApiAnswer answer, string? accepted = null) =>
        Add(item, answer.Ok ? "accepted" + (accepted is null ? "" : ": " + accepted) : answer.Refusal, refused: !answer.Ok);

    public IEnumerable<string> Refused => _rows.Where(r => r.Refused).Select(r => r.Item);

    public string Render(string heading)
    {
        var width = _rows.Select(r => r.Item.Length).DefaultIfEmpty(0).Max() + 2;
        var text = new StringBuilder().AppendLine(heading).AppendLine();
        foreach (var (item, finding, _) in _rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {item.PadRight(width)}{finding}");
        return text.ToString();
    }
}
