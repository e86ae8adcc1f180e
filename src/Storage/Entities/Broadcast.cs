namespace Assembly.Storage.Entities;

/// <summary>
/// One announcement sent to an audience. Its messages are ordinary bulk outbox rows carrying its id, so the
/// sender paces them, a restart resumes them, and <c>/broadcasts</c> counts their fates.
/// </summary>
public sealed class Broadcast
{
    public int Id { get; init; }
    public required string Text { get; init; }

    /// <summary>A photo or document sent with it (its file id is valid on <see cref="FileMessenger"/> only).</summary>
    public string? FileKind { get; init; }
    public string? FileId { get; init; }
    public string? FileMessenger { get; init; }

    /// <summary>Who it was for, as people read it («همه اعضا», «شهرستان کاشان» …).</summary>
    public required string Audience { get; init; }
    public int Recipients { get; init; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>
    /// When every copy was settled (delivered, refused, given up) and the scheduler looked at the outcome, telling the
    /// organizer of the copies that did not arrive; null while copies are still on their way.
    /// </summary>
    public DateTime? FinishedAt { get; set; }
}
