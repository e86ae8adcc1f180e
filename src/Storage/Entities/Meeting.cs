namespace Assembly.Storage.Entities;

public enum MeetingStatus { Published = 0, Cancelled = 1 }

public enum RsvpAnswer { Yes = 0, Maybe = 1, No = 2 }

/// <summary>A session (اجلاسیه / جلسه) announced to an audience, with RSVPs and reminders.</summary>
public sealed class Meeting
{
    public int Id { get; init; }
    public required string Title { get; set; }

    /// <summary>When it starts, in UTC (typed in Tehran time, Solar Hijri).</summary>
    public DateTime StartsAt { get; set; }
    public required string Place { get; set; }
    public required string Agenda { get; set; }

    /// <summary>Who it is for, as an audience spec (<c>all</c>, or parts like <c>county=کاشان;group=جوانان</c>).</summary>
    public required string Audience { get; init; }
    public MeetingStatus Status { get; set; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public List<Rsvp> Rsvps { get; init; } = [];
    public List<MeetingReminder> Reminders { get; init; } = [];
}

/// <summary>A member's answer to a session: one per member, changeable until it starts.</summary>
public sealed class Rsvp
{
    public int MeetingId { get; init; }
    public int MemberId { get; init; }
    public RsvpAnswer Answer { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A reminder due before a session; a row, so a restart loses none and none goes twice.</summary>
public sealed class MeetingReminder
{
    public int Id { get; init; }
    public int MeetingId { get; init; }
    public DateTime DueAt { get; init; }
    public TimeSpan Before { get; init; }
    public DateTime? SentAt { get; set; }
}
