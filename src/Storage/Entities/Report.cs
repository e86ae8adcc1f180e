namespace Assembly.Storage.Entities;

/// <summary>The assembly's three stages a report moves through (then an outcome).</summary>
public enum ReportStage
{
    /// <summary>مسئله‌یابی</summary>
    Identification = 0,

    /// <summary>ارائه راهکار</summary>
    Solution = 1,

    /// <summary>مطالبه‌گری</summary>
    FollowUp = 2,

    /// <summary>An outcome was given (see <see cref="Report.Outcome"/>).</summary>
    Closed = 3,
}

public enum ReportOutcome { Resolved, Unresolved, Rejected, Duplicate }

public enum DeadlineKind { FirstAnswer = 0, FollowUp = 1 }

/// <summary>Why a report went to its secretariat.</summary>
public enum RoutingReason
{
    /// <summary>The member chose a topic of that secretariat.</summary>
    TopicChosen = 0,

    /// <summary>The member did not know; a keyword of the description matched and the member agreed.</summary>
    KeywordMatched = 1,

    /// <summary>The member did not know and chose the secretariat themselves (over or without a suggestion).</summary>
    ChosenByMember = 2,
}

/// <summary>A problem a member reported, with a tracking code like <c>MD-1042</c>.</summary>
public sealed class Report
{
    public int Id { get; init; }
    public required string Code { get; init; }
    public int MemberId { get; init; }
    public Member? Member { get; init; }
    public required string Secretariat { get; set; }
    public RoutingReason RoutedBy { get; set; }

    /// <summary>The topic chosen or the keyword matched.</summary>
    public string? RoutedOn { get; set; }
    public string? Topic { get; set; }
    public required string Description { get; set; }

    /// <summary>
    /// The description's distinct folded words of three letters or more, space-separated, written when the report is
    /// filed (the description does not change after that) so the similar-reports preview compares stored words instead
    /// of folding every candidate again. Null for reports filed before it existed; the preview folds those itself.
    /// </summary>
    public string? MatchWords { get; init; }
    public required string County { get; set; }
    public string? Place { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? ProposedSolution { get; set; }

    /// <summary>The secretariat does not see the member's name and number.</summary>
    public bool Anonymous { get; set; }
    public ReportStage Stage { get; set; }
    public ReportOutcome? Outcome { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The next deadline the secretariat must meet (first answer, or the next follow-up), or null.</summary>
    public DateTime? DueAt { get; set; }
    public DeadlineKind DueKind { get; set; }

    /// <summary>When the secretariat's staff were reminded of the current deadline, and when organizers were told.</summary>
    public DateTime? RemindedAt { get; set; }
    public DateTime? EscalatedAt { get; set; }

    /// <summary>When to ask the reporter whether a report closed as resolved really was; and when it was asked.</summary>
    public DateTime? CheckAt { get; set; }
    public DateTime? CheckAskedAt { get; set; }

    /// <summary>The reporter's answer to that question, once given.</summary>
    public bool? ConfirmedResolved { get; set; }

    /// <summary>The staff member who took the report on (an account, <c>telegram:123</c>), or null while nobody has.</summary>
    public string? Assignee { get; set; }

    /// <summary>Goes up with every change; two staff acting at the same moment cannot both win.</summary>
    public int Version { get; set; }
    public List<ReportAttachment> Attachments { get; init; } = [];
    public List<ReportEvent> Events { get; init; } = [];
}

/// <summary>A photo, document or voice the member attached. File ids belong to the messenger they came from.</summary>
public sealed class ReportAttachment
{
    public int Id { get; init; }
    public int ReportId { get; init; }
    public required string Kind { get; init; }
    public required string Messenger { get; init; }
    public required string FileId { get; init; }
    public string? FileName { get; init; }
    public DateTime AddedAt { get; init; }
}

public enum ReportEventKind
{
    Created, MemberMessage, MemberAttachment, Followed,
    Replied, Note, StageChanged, Routed, FollowUp, Closed, Reopened,

    /// <summary>The reporter answered that the report closed as resolved really was.</summary>
    ConfirmedResolved,

    /// <summary>A staff member took the report on, or handed it to another (the new assignee in the detail).</summary>
    Assigned,

    /// <summary>The assignee's role was revoked, so the report has nobody (the former assignee in the detail).</summary>
    Unassigned,
}

/// <summary>One thing that happened to a report, with who and when: the report's timeline.</summary>
public sealed class ReportEvent
{
    public long Id { get; init; }
    public int ReportId { get; init; }
    public ReportEventKind Kind { get; init; }
    public DateTime At { get; init; }

    /// <summary>Who: <c>member</c>, or a staff account like <c>telegram:123</c>.</summary>
    public required string Actor { get; init; }
    public string? Text { get; init; }

    /// <summary>What changed, where it matters: the new stage, the new secretariat, the outcome.</summary>
    public string? Detail { get; init; }
}

/// <summary>
/// A member who had the same problem and chose to follow this report instead of filing a duplicate: they
/// see its code, topic, county, stage and outcome, and are told when its stage or outcome changes; never what its
/// reporter wrote or was written.
/// </summary>
public sealed class ReportFollower
{
    public int ReportId { get; init; }
    public int MemberId { get; init; }
    public DateTime Since { get; init; }
}
