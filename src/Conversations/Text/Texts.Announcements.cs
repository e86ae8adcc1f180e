namespace Assembly.Conversations.Text;

/// <summary>Announcements: what organizers are asked, what members receive, and muting.</summary>
public static partial class Texts
{
    public const string AskAnnouncement = "متن اطلاعیه را بنویسید؛ می‌توانید یک عکس یا سند هم با توضیح (کپشن) بفرستید.";
    public const string AnnouncementEmpty = "اطلاعیه بی‌متن فرستاده نمی‌شود. لطفاً متن اطلاعیه را بنویسید (یا عکس را با توضیح بفرستید).";
    public static string AnnouncementTooLong(int max) => $"متن اطلاعیه همراه عکس یا سند حداکثر {PersianText.ToPersianDigits(max)} نویسه می‌تواند باشد.";

    public const string AskAudience = "اطلاعیه برای چه کسانی فرستاده شود؟";
    public const string AudienceAll = "همه اعضا";
    public const string AudienceCounty = "اعضای یک شهرستان";
    public const string AudienceGroup = "اعضای یک کارگروه";
    public const string AudienceStaff = "کارشناسان یک دبیرخانه";
    public const string AskAudienceCounty = "کدام شهرستان؟";
    public const string AskAudienceGroup = "کدام کارگروه؟";
    public const string AskAudienceSecretariat = "کارشناسان کدام دبیرخانه؟";

    public static string AudienceOfCounty(string county) => $"اعضای شهرستان {county}";
    public static string AudienceOfGroup(string group) => $"اعضای کارگروه {group}";
    public static string AudienceOfStaff(string secretariat) => $"کارشناسان {secretariat}";

    public static string AnnouncementPreview(string text, string audience, int recipients, bool withFile) =>
        $"پیش‌نمایش اطلاعیه{(withFile ? " (همراه با فایل)" : "")}:\n\n{text}\n\n" +
        $"مخاطبان: {audience} — {PersianText.ToPersianDigits(recipients)} نفر\n" +
        "اگر درست است دکمه ارسال را بزنید؛ پس از ارسال پس گرفتنی نیست.";

    public const string AudienceReachesNobody = "این مخاطبان هیچ‌کس را در بر نمی‌گیرند (یا همه اطلاعیه‌ها را خاموش کرده‌اند). مخاطبان دیگری انتخاب کنید.";

    public static string SendTo(int recipients) => $"ارسال به {PersianText.ToPersianDigits(recipients)} نفر";
    public const string EditText = "ویرایش متن";
    public const string EditAudience = "ویرایش مخاطبان";
    public const string AddAudience = "افزودن مخاطبان دیگر";

    public static string AnnouncementQueued(int recipients) =>
        $"اطلاعیه برای {PersianText.ToPersianDigits(recipients)} نفر در صف ارسال است و با سرعت مجاز پیام‌رسان‌ها فرستاده می‌شود.\nوضعیت رسیدن را با /broadcasts ببینید.";

    public static string AnnouncementForMembers(string assembly, string text) =>
        $"اطلاعیه {assembly}\n\n{text}\n\nبرای نگرفتن اطلاعیه‌ها /mute را بفرستید.";

    public static string AnnouncementForStaff(string assembly, string text) => $"اطلاعیه {assembly}\n\n{text}";

    public const string Muted = "از این پس اطلاعیه‌ها و دعوت به جلسه‌های تازه برای شما فرستاده نمی‌شود.\n" +
        "این پیام‌ها همچنان به شما می‌رسد:\n• خبر مسئله‌های خودتان\n" +
        $"• یادآوری، تغییر و نتایج جلسه‌هایی که پاسخ «{RsvpYes}» یا «{RsvpMaybe}» داده‌اید\n" +
        "برای دریافت دوباره /unmute را بفرستید.";
    public const string Unmuted = "اطلاعیه‌ها و دعوت به جلسه‌ها دوباره برای شما فرستاده می‌شود.\nبرای نگرفتن آن‌ها /mute را بفرستید.";

    public const string NoBroadcasts = "هنوز اطلاعیه‌ای فرستاده نشده است.";

    /// <param name="refused">Copies the messenger refused (a 400), counted apart from those given up after errors.</param>
    public static string BroadcastLine(int id, string when, string audience, int total, int queued, int sent, int failed, int refused, int unreachable, string? took) =>
        $"#{PersianText.ToPersianDigits(id)} — {when} — {audience}\n" +
        $"  {PersianText.ToPersianDigits(total)} گیرنده: رسید {PersianText.ToPersianDigits(sent)}، در صف {PersianText.ToPersianDigits(queued)}، " +
        $"ناموفق {PersianText.ToPersianDigits(failed)}، نپذیرفته {PersianText.ToPersianDigits(refused)}، مسدودکرده {PersianText.ToPersianDigits(unreachable)}" +
        (took is null ? "" : $"\n  مدت ارسال: {took}");
}
