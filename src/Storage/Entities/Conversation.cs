namespace Assembly.Storage.Entities;

/// <summary>
/// The guided conversation of one chat: which flow, at which state, with the answers so far. Saved in the
/// transaction of every update, so after a restart the member continues at the same step. The row of a
/// chat is kept when a conversation ends (<see cref="Flow"/> empty), so <see cref="Step"/> only ever grows.
/// </summary>
public sealed class Conversation
{
    public required string Messenger { get; init; }
    public required long ChatId { get; init; }
    /// <summary>The flow under way, or empty when none is.</summary>
    public string Flow { get; set; } = "";
    public string State { get; set; } = "";

    /// <summary>The answers collected so far, as the flow's own JSON.</summary>
    public string Data { get; set; } = "{}";

    /// <summary>
    /// Goes up at every change of state. Buttons carry the step they were made for, so a button of an
    /// earlier step, or one pressed twice, is recognised and acts no more.
    /// </summary>
    public int Step { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When it is given up if the member does not answer; nothing half-made is kept. Null when none is under way.</summary>
    public DateTime? ExpiresAt { get; set; }

    public bool Active => Flow.Length > 0;
}
