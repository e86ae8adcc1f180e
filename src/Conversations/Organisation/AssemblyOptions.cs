namespace Assembly.Conversations.Organisation;

/// <summary>
/// The organisation the bot serves (<c>Assembly</c> in configuration). Lists have no defaults in code:
/// configuration binds arrays by index, so a default list here would be merged with, not replaced by,
/// the configured one. The defaults live in appsettings.json only.
/// </summary>
public sealed class AssemblyOptions
{
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public List<string> Counties { get; set; } = [];
    public List<string> WorkingGroups { get; set; } = [];
    public List<SecretariatOptions> Secretariats { get; set; } = [];
}

public sealed class SecretariatOptions
{
    public string Key { get; set; } = "";

    /// <summary>The letters of this secretariat's tracking codes: <c>MD</c> makes <c>MD-1042</c>.</summary>
    public string CodePrefix { get; set; } = "";
    public string Name { get; set; } = "";
    public string Liaison { get; set; } = "";
    public List<string> Topics { get; set; } = [];
    public List<string> Keywords { get; set; } = [];

    /// <summary>Staff accounts like <c>telegram:123</c>.</summary>
    public List<string> Staff { get; set; } = [];

    /// <summary>Staff group chats like <c>telegram:-100123</c>.</summary>
    public List<string> StaffChats { get; set; } = [];

    /// <summary>A new report must get its first answer within this many hours.</summary>
    public int FirstAnswerHours { get; set; }

    /// <summary>While in follow-up, the secretariat must act again at least every this many days.</summary>
    public int FollowUpDays { get; set; }

    /// <summary>Ready-made replies offered after «پاسخ», besides those its staff add from the chat.</summary>
    public List<string> ReadyReplies { get; set; } = [];
}

/// <summary>What happens when a deadline passes, and the check after a report is resolved (<c>Deadlines</c>).</summary>
public sealed class DeadlineOptions
{
    /// <summary>Working hours (days off not counted, like <c>FirstAnswerHours</c>) after the reminder to staff before organizers are told.</summary>
    public int EscalateAfterHours { get; set; }

    /// <summary>Days after a report is closed as resolved before its reporter is asked whether it really was.</summary>
    public int ResolvedCheckDays { get; set; }

    /// <summary>Staff are not reminded from this time of the night (the assembly's time)…</summary>
    public TimeSpan QuietFrom { get; set; } = new(22, 0, 0);

    /// <summary>…until this time of the morning; equal to <see cref="QuietFrom"/>, no quiet window.</summary>
    public TimeSpan QuietUntil { get; set; } = new(7, 0, 0);

    /// <summary>Weekdays no deadline counts (Friday in Iran).</summary>
    public List<DayOfWeek> DaysOff { get; set; } = [];

    /// <summary>Holidays on the same Solar day every year, <c>MM/DD</c> (Nowruz: 01/01 to 01/04).</summary>
    public List<string> YearlyHolidays { get; set; } = [];

    /// <summary>Holidays of one year, <c>YYYY/MM/DD</c>: the lunar ones move every year.</summary>
    public List<string> Holidays { get; set; } = [];
}

/// <summary>Who may administer the bot (<c>Access:Admins</c>, accounts like <c>telegram:123456</c>).</summary>
public sealed class AccessOptions
{
    public List<string> Admins { get; set; } = [];
}

/// <summary>How guided conversations behave (<c>Conversations</c> in configuration).</summary>
public sealed class ConversationOptions
{
    /// <summary>A conversation nobody answers for this long is given up, with a notice, keeping nothing half-made.</summary>
    public int IdleMinutes { get; set; }

    /// <summary>Attachments one report may carry.</summary>
    public int MaxAttachments { get; set; }

    /// <summary>The largest file accepted as an attachment, in megabytes (Telegram bots can fetch up to 20).</summary>
    public int MaxFileMegabytes { get; set; }

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    /// <summary>A description must have at least this many words.</summary>
    public int MinDescriptionWords { get; set; }

    /// <summary>A half-written report left idle is kept this many days as a draft, to be continued from «ثبت مسئله».</summary>
    public int DraftDays { get; set; } = 7;

    /// <summary>How often a member may add to their reports in an hour: one message, or one album, is one addition.</summary>
    public int MaxAdditionsPerHour { get; set; } = 20;

    /// <summary>How many new reports a member may file in a day (the last 24 hours).</summary>
    public int MaxReportsPerDay { get; set; } = 10;
}

/// <summary>Sessions (<c>Meetings</c> in configuration).</summary>
public sealed class MeetingOptions
{
    /// <summary>How long before a session its reminders go (e.g. <c>1.00:00:00</c>, <c>02:00:00</c>); a past one is skipped.</summary>
    public List<TimeSpan> ReminderOffsets { get; set; } = [];
}
