namespace Assembly.Conversations.Text;

/// <summary>Texts about a report's lifecycle that the staff read in its timeline.</summary>
public static partial class Texts
{
    /// <summary>The reporter's «yes» to «was it resolved?», in the staff's timeline of the report.</summary>
    public static string StaffConfirmedLine(string when) => $"• {when} گزارش‌دهنده تأیید کرد که مسئله حل شده است";
}
