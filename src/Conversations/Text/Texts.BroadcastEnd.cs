namespace Assembly.Conversations.Text;

// What an organizer hears once a broadcast is over, when some copies did not arrive.
public static partial class Texts
{
    /// <param name="refused">Copies the messenger refused (a 400): sending them again would be refused again.</param>
    /// <param name="failed">Copies given up after the messenger could not be reached for too long.</param>
    /// <param name="kind">What made it: the advice to send it again names the command that does.</param>
    public static string BroadcastMissed(int id, string audience, int sent, int refused, int failed, int unreachable,
        Announcements.BroadcastKind kind = Announcements.BroadcastKind.Announcement) =>
        $"ارسال اطلاعیه شماره {PersianText.ToPersianDigits(id)} برای «{audience}» تمام شد، اما به همه نرسید:\n" +
        $"• رسید: {PersianText.ToPersianDigits(sent)}\n" +
        $"• پیام‌رسان نپذیرفت: {PersianText.ToPersianDigits(refused)}\n" +
        $"• پس از تلاش‌های مکرر نرسید: {PersianText.ToPersianDigits(failed)}\n" +
        $"• ربات را مسدود کرده‌اند: {PersianText.ToPersianDigits(unreachable)}\n\n" +
        "آنچه نرسید دوباره فرستاده نمی‌شود." +
        (refused > 0 ? " اگر پیام‌رسان بیشتر نسخه‌ها را نپذیرفته است، " + ResendAdvice(kind) : "") +
        "\nوضعیت همه اطلاعیه‌ها را با /broadcasts ببینید.";

    private static string ResendAdvice(Announcements.BroadcastKind kind) => kind switch
    {
        Announcements.BroadcastKind.SessionInvitation => "متن دعوت (عنوان، محل و دستور جلسه) را بررسی کنید و اگر لازم است، با /announce اطلاعیه‌ای درباره همین جلسه بفرستید؛ جلسه تازه‌ای نسازید.",
        Announcements.BroadcastKind.SessionOutcome => "متن نتایج را بررسی کنید و اطلاعیه نتایج را دوباره با /outcome و شماره جلسه بفرستید (شماره‌ها در /meetings).",
        _ => "متن یا فایل اطلاعیه را بررسی کنید و آن را دوباره با /announce بفرستید.",
    };
}
