using Assembly.Conversations.Organisation;

namespace Assembly.Bot.Configuration.Validation;

/// <summary><c>Access:Admins</c>: accounts on a messenger the bot knows.</summary>
public sealed class AccessValidator : SectionValidator<AccessOptions>
{
    protected override IEnumerable<string> Problems(AccessOptions access) => Accounts.Problems(access.Admins, "Access:Admins");
}

/// <summary><c>Conversations</c>: how long and how much a guided conversation takes.</summary>
public sealed class ConversationsValidator : SectionValidator<ConversationOptions>
{
    protected override IEnumerable<string> Problems(ConversationOptions options)
    {
        if (options.IdleMinutes is < 1 or > 10080)
            yield return $"Conversations:IdleMinutes must be from 1 to 10080 (it is {options.IdleMinutes}).";
        if (options.DraftDays is < 1 or > 90)
            yield return $"Conversations:DraftDays must be from 1 to 90 (it is {options.DraftDays}).";
        if (options.MaxAttachments is < 0 or > 50)
            yield return $"Conversations:MaxAttachments must be from 0 to 50 (it is {options.MaxAttachments}).";
        if (options.MaxFileMegabytes is < 1 or > 2000)
            yield return $"Conversations:MaxFileMegabytes must be from 1 to 2000 (it is {options.MaxFileMegabytes}).";
        if (options.MinDescriptionWords is < 1 or > 50)
            yield return $"Conversations:MinDescriptionWords must be from 1 to 50 (it is {options.MinDescriptionWords}).";
        if (options.MaxAdditionsPerHour is < 1 or > 1000)
            yield return $"Conversations:MaxAdditionsPerHour must be from 1 to 1000 (it is {options.MaxAdditionsPerHour}).";
        if (options.MaxReportsPerDay is < 1 or > 1000)
            yield return $"Conversations:MaxReportsPerDay must be from 1 to 1000 (it is {options.MaxReportsPerDay}).";
    }
}

/// <summary><c>Deadlines</c>: escalation and the check after a report is resolved.</summary>
public sealed class DeadlinesValidator : SectionValidator<DeadlineOptions>
{
    protected override IEnumerable<string> Problems(DeadlineOptions deadlines)
    {
        if (deadlines.EscalateAfterHours is < 1 or > 720)
            yield return $"Deadlines:EscalateAfterHours must be from 1 to 720 (it is {deadlines.EscalateAfterHours}).";
        if (deadlines.ResolvedCheckDays is < 1 or > 90)
            yield return $"Deadlines:ResolvedCheckDays must be from 1 to 90 (it is {deadlines.ResolvedCheckDays}).";
        if (deadlines.QuietFrom < TimeSpan.Zero || deadlines.QuietFrom >= TimeSpan.FromDays(1))
            yield return $"Deadlines:QuietFrom must be a time of day like 22:00 (it is {deadlines.QuietFrom}).";
        if (deadlines.QuietUntil < TimeSpan.Zero || deadlines.QuietUntil >= TimeSpan.FromDays(1))
            yield return $"Deadlines:QuietUntil must be a time of day like 07:00 (it is {deadlines.QuietUntil}).";
        if (deadlines.DaysOff.Distinct().Count() > 6)
            yield return "Deadlines:DaysOff must leave at least one working day in the week.";
        foreach (var day in deadlines.YearlyHolidays.Where(d => !Conversations.Staff.WorkingDays.TryReadYearly(d, out _)))
            yield return $"Deadlines:YearlyHolidays has '{day}', which is not a Solar month and day like 01/04.";
        foreach (var day in deadlines.Holidays.Where(d => !Conversations.Text.SolarDate.TryParse(d, out _)))
            yield return $"Deadlines:Holidays has '{day}', which is not a Solar date like 1405/01/25.";
    }
}

/// <summary><c>Meetings:ReminderOffsets</c>: each before the session, by at most 60 days.</summary>
public sealed class MeetingsValidator : SectionValidator<MeetingOptions>
{
    protected override IEnumerable<string> Problems(MeetingOptions meetings)
    {
        if (meetings.ReminderOffsets.Any(o => o <= TimeSpan.Zero || o > TimeSpan.FromDays(60)))
            yield return "Meetings:ReminderOffsets must each be more than zero and at most 60 days before the session.";
    }
}
