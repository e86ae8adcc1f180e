using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>What the secretariat reads when a report whose deadline has passed is freed by a revoked role.</summary>
public static partial class Texts
{
    /// <summary>
    /// <see cref="ReportFreed"/> for a report already reminded of: the reminder may have reached the former assignee
    /// alone, and freeing the report does not start its reminder again, so the secretariat hears of the deadline now.
    /// </summary>
    public static string ReportFreedOverdue(string code, string former, DeadlineKind kind) =>
        $"مسئله {code} دوباره بدون کارشناس مسئول است، چون نقش کارشناسی {former} پس گرفته شد.\n" +
        (kind == DeadlineKind.FirstAnswer ? "مهلت پاسخ اول این مسئله گذشته است." : "موعد پیگیری این مسئله رسیده است.") +
        $"\nبرای برداشتن آن، دکمه «{TakeButton}» را بزنید.";
}
