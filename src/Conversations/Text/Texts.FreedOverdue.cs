using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>What the secretariat reads when a report whose deadline has passed is freed by a revoked role.</summary>
public static partial class Texts
{
    /// <summary>
    /// <see cref="ReportFreed"/> for a report already reminded of, with the passed deadline under its first line: the
    /// reminder may have reached the former assignee alone, and freeing the report does not give it again.
    /// </summary>
    public static string ReportFreedOverdue(string code, string former, DeadlineKind kind)
    {
        var freed = ReportFreed(code, former);
        var firstLine = freed.IndexOf('\n');
        var overdue = kind == DeadlineKind.FirstAnswer ? "مهلت پاسخ اول این مسئله گذشته است." : "موعد پیگیری این مسئله گذشته است.";
        return freed[..firstLine] + "\n" + overdue + freed[firstLine..];
    }
}
