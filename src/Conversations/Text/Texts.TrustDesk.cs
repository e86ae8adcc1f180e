namespace Assembly.Conversations.Text;

/// <summary>What staff read when a report's data stops reaching someone: routing away, a revoked role, a request served too late.</summary>
public static partial class Texts
{
    /// <summary>Written over a card in a chat of the secretariat a report was routed away from: the member's words leave it.</summary>
    public static string CardRoutedAway(string code, string secretariat) =>
        $"مسئله {code} به {secretariat} ارجاع شد.\nجزئیات آن از این پیام برداشته شد و این پیام دیگر به‌روز نمی‌شود.";

    /// <summary>Told in the secretariat's staff chat when the assignee's role is revoked.</summary>
    public static string ReportFreed(string code, string former) =>
        $"مسئله {code} دوباره بدون کارشناس مسئول است، چون نقش کارشناسی {former} پس گرفته شد.\nبرای برداشتن آن، دکمه «{TakeButton}» را بزنید.";

    /// <summary>The card's last action after the assignee's role was revoked.</summary>
    public static string LastActionFreed(string who) => $"آزاد شدن مسئله با پس گرفتن نقش کارشناس مسئول، از {who}";

    /// <summary>The staff timeline's line for it.</summary>
    public static string StaffFreedLine(string when, string actor, string? former) =>
        $"• {when} آزاد شد ({actor})؛ نقش کارشناس مسئول پیشین، {former}، پس گرفته شد";

    /// <summary>A statistic or export asked for by somebody whose role was revoked before it was served.</summary>
    public const string StatsRoleGone =
        "نقش شما پیش از آماده شدن پاسخ این درخواست پس گرفته شد؛ از این رو چیزی فرستاده نشد.\nاگر فکر می‌کنید اشتباهی رخ داده است، با مدیر ربات تماس بگیرید.";
}
