using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>Sessions: what organizers are asked, what members receive, RSVPs and reminders.</summary>
public static partial class Texts
{
    public const string AskMeetingTitle = "عنوان جلسه را بنویسید (مثلاً نهمین اجلاسیه مجمع).";
    public const string AskMeetingTime = "تاریخ و ساعت جلسه را به وقت تهران بنویسید،\nمثلاً «۱۵ آذر ساعت ۱۷:۳۰» یا «فردا ساعت ۱۷».";
    public const string MeetingTimeInvalid = "این تاریخ و ساعت را نتوانستیم بخوانیم، یا چنین روزی در تقویم نیست.\n" +
        "به یکی از این شکل‌ها بنویسید:\n• ۱۵ آذر ۱۴۰۵ ساعت ۱۷:۳۰\n• یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰\n• فردا ساعت ۱۷\n• با عدد: ۱۴۰۵/۰۹/۱۵ ۱۷:۳۰";
    public const string MeetingTimePast = "این زمان گذشته است؛ زمانی در آینده بنویسید.";
    public const string AskMeetingPlace = "محل برگزاری جلسه را بنویسید.";
    public const string AskMeetingAgenda = "دستور جلسه را بنویسید.";
    public const string AskMeetingAudience = "جلسه برای چه کسانی اعلام شود؟";
    public const string MeetingTooShort = "لطفاً کمی کامل‌تر بنویسید.";

    public const string Publish = "انتشار";
    public const string EditTime = "ویرایش زمان";

    public static string MeetingPreview(string announcement, string audience, int recipients) =>
        $"پیش‌نمایش اعلام جلسه:\n\n{announcement}\n\nمخاطبان: {audience} — {PersianText.ToPersianDigits(recipients)} نفر\n" +
        "اگر درست است «انتشار» را بزنید.";

    public static string MeetingAnnouncement(string title, string when, string place, string agenda) =>
        $"{title}\n\nزمان: {when}\nمکان: {place}\nدستور جلسه: {agenda}\n\nلطفاً با دکمه‌های زیر بگویید می‌آیید یا نه.";

    public static string MeetingPublished(int id, int recipients) =>
        $"جلسه شماره {PersianText.ToPersianDigits(id)} برای {PersianText.ToPersianDigits(recipients)} نفر اعلام شد.\nپاسخ‌ها را با /meetings ببینید.";

    public const string RsvpYes = "می‌آیم";
    public const string RsvpMaybe = "شاید";
    public const string RsvpNo = "نمی‌آیم";

    public static string RsvpLabel(RsvpAnswer answer) => answer switch { RsvpAnswer.Yes => RsvpYes, RsvpAnswer.Maybe => RsvpMaybe, _ => RsvpNo };

    public static string RsvpRecorded(RsvpAnswer answer) => $"پاسخ شما ثبت شد: {RsvpLabel(answer)}. تا شروع جلسه می‌توانید آن را تغییر دهید.";
    public const string RsvpClosed = "این جلسه لغو شده یا زمانش گذشته است؛ پاسخ ثبت نشد.";
    public const string RsvpNotInvited = "این جلسه برای شما اعلام نشده است.";

    public static string MeetingReminder(string title, string when, string place, string left) =>
        $"یادآوری: «{title}» {left} دیگر برگزار می‌شود.\nزمان: {when}\nمکان: {place}";

    public static string MeetingCancelled(string title, string when) => $"«{title}» که برای {when} اعلام شده بود لغو شد.";
    public static string MeetingRescheduled(string title, string before, string after, string place) =>
        $"زمان «{title}» تغییر کرد: از {before} به {after}.\nمکان: {place}\nاگر پاسخ شما تغییر کرده، دوباره دکمه مناسب را بزنید.";

    public static string MeetingMoved(string title, string when, string place) =>
        $"محل «{title}» ({when}) تغییر کرد. محل تازه: {place}";
    public static string MeetingMoveDone(int id, int people) =>
        $"محل جلسه شماره {PersianText.ToPersianDigits(id)} تغییر کرد و به {PersianText.ToPersianDigits(people)} نفر خبر داده شد.";

    public const string NoMeetings = "جلسه پیش‌رویی اعلام نشده است.";
    public static string MeetingLineForOrganizer(int id, string title, string when, int yes, int maybe, int no, int invited) =>
        $"جلسه {PersianText.ToPersianDigits(id)}: {title}\n  {when}\n  دعوت‌شدگان: {PersianText.ToPersianDigits(invited)} نفر\n" +
        $"  می‌آیم {PersianText.ToPersianDigits(yes)}، شاید {PersianText.ToPersianDigits(maybe)}، نمی‌آیم {PersianText.ToPersianDigits(no)}";

    public const string UnknownMeeting = "جلسه‌ای با این شماره نیست. شماره‌ها را با /meetings ببینید.";
    public const string MeetingAlreadyCancelled = "این جلسه پیش‌تر لغو شده است.";
    public static string MeetingCancelDone(int id, int people) =>
        $"جلسه شماره {PersianText.ToPersianDigits(id)} لغو شد و به {PersianText.ToPersianDigits(people)} نفر خبر داده شد.";
    public static string MeetingRescheduleDone(int id, string when, int people) =>
        $"زمان جلسه شماره {PersianText.ToPersianDigits(id)} تغییر کرد:\n{when}\nبه {PersianText.ToPersianDigits(people)} نفر خبر داده شد.";
}

/// <summary>The outcome notice after a session.</summary>
public static partial class Texts
{
    public const string MeetingNotHeld = "این جلسه هنوز برگزار نشده است؛ اطلاعیه نتایج پس از برگزاری فرستاده می‌شود.";
    public const string AskOutcomeText = "نتیجه جلسه را در چند جمله بنویسید.";
    public const string AskAchievements = "دستاوردهای جلسه را بنویسید، هر کدام در یک سطر (یا «رد کردن» را بزنید).";
    public const string AskOutcomeRecipients = "اطلاعیه نتایج برای چه کسانی فرستاده شود؟";
    public const string OutcomeToAudience = "همه مخاطبان جلسه";
    public const string OutcomeToAttendees = "فقط کسانی که گفتند می‌آیند";
    public const string SendOutcome = "ارسال اطلاعیه نتایج";

    public static string OutcomeNotice(string title, string outcome, IReadOnlyList<string> achievements) =>
        $"اطلاعیه نتایج «{title}»\n\n{outcome}" +
        (achievements.Count == 0 ? "" : "\n\nدستاوردها:\n" + string.Join('\n', achievements.Select((a, i) => $"{PersianText.ToPersianDigits(i + 1)}. {a}")));

    public static string OutcomePreview(string notice, int recipients) =>
        $"پیش‌نمایش:\n\n{notice}\n\nگیرندگان: {PersianText.ToPersianDigits(recipients)} نفر\nاگر درست است، «{SendOutcome}» را بزنید.";

    public static string OutcomeQueued(int recipients) => $"اطلاعیه نتایج برای {PersianText.ToPersianDigits(recipients)} نفر در صف ارسال است.";
}
