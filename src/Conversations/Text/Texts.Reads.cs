namespace Assembly.Conversations.Text;

/// <summary>What a team member hears about a statistic or export being prepared.</summary>
public static partial class Texts
{
    public const string StatsStillPreparing =
        "هنوز پاسخ درخواست پیشین شما را آماده می‌کنیم.\nوقتی رسید، این درخواست را دوباره بفرستید.";

    public const string StatsPeriodTooLong =
        "دوره‌ای که نوشتید بیش از پنج سال است.\nدوره‌ای تا پنج سال بنویسید، مثلاً ۱۴۰۰ تا ۱۴۰۴.";
}
