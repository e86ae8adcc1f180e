using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>
/// The organizers' desk of sessions: the list with its buttons, changes shown before they go out, who answered,
/// the member's own answer confirmed, and muting announcements with a button.
/// </summary>
public static partial class Texts
{
    public const string MeetingsUpcoming = "جلسه‌های پیش‌رو:";
    public const string MeetingsPast = "جلسه‌های برگزارشده (ده جلسه آخر):";
    public const string MeetingsNoneForOrganizer = "هنوز جلسه‌ای اعلام نشده است.\nبرای اعلام جلسه /meeting را بفرستید.";
    public const string MeetingsButtonsHint = "عدد روی هر دکمه، شماره جلسه است.\nبا دکمه‌ها زمان یا محل را تغییر دهید، جلسه را لغو کنید، پاسخ‌دهندگان را ببینید یا اطلاعیه نتایج بفرستید.";

    public static string PastMeetingLine(int id, string title, string when, int yes) =>
        $"جلسه {PersianText.ToPersianDigits(id)}: {title}\n  {when}\n  پاسخ «{RsvpYes}»: {PersianText.ToPersianDigits(yes)} نفر";

    public static string MeetingRescheduleButton(int id) => $"تغییر زمان {PersianText.ToPersianDigits(id)}";
    public static string MeetingPlaceButton(int id) => $"تغییر محل {PersianText.ToPersianDigits(id)}";
    public static string MeetingCancelButton(int id) => $"لغو جلسه {PersianText.ToPersianDigits(id)}";
    public static string MeetingNamesButton(int id) => $"پاسخ‌دهندگان {PersianText.ToPersianDigits(id)}";
    public static string MeetingOutcomeButton(int id) => $"اطلاعیه نتایج {PersianText.ToPersianDigits(id)}";

    public static string AskNewMeetingTime(string title, string when) =>
        $"زمان تازه «{title}» را بنویسید.\nزمان کنونی: {when}\nمثلاً «۱۵ آذر ساعت ۱۷:۳۰» یا «فردا ساعت ۱۷».";

    public static string AskNewMeetingPlace(string title, string place) => $"محل تازه «{title}» را بنویسید.\nمحل کنونی: {place}";

    /// <summary>Before a change reaches anyone: the very message they will get, and how many people.</summary>
    public static string MeetingChangePreview(string notice, int people) =>
        $"پیش‌نمایش پیامی که فرستاده می‌شود:\n\n{notice}\n\nگیرندگان: {PersianText.ToPersianDigits(people)} نفر\n" +
        "تا با دکمه زیر تأیید نکنید، به کسی خبر داده نمی‌شود.";

    public static string ConfirmMeetingCancel(int people) => $"بله، جلسه لغو شود و به {PersianText.ToPersianDigits(people)} نفر خبر دهیم";
    public const string KeepMeeting = "نه، جلسه لغو نشود";
    public static string ConfirmMeetingChange(int people) => $"تأیید و خبر به {PersianText.ToPersianDigits(people)} نفر";

    public static string RsvpMarked(string label) => $"✓ {label}";

    /// <summary>The member's answer, confirmed in the chat (a toast is gone in a second).</summary>
    public static string RsvpConfirmed(string title, string when, RsvpAnswer answer) =>
        $"پاسخ شما ثبت شد: «{RsvpLabel(answer)}»\nجلسه: {title}\nزمان: {when}\n" +
        (answer == RsvpAnswer.No ? "یادآوری‌های این جلسه برای شما فرستاده نمی‌شود.\n" : "") +
        "تا شروع جلسه می‌توانید پاسخ را با همان دکمه‌ها تغییر دهید.";

    public static string MeetingNamesHeader(string title, string when) => $"پاسخ‌دهندگان «{title}»\n{when}";
    public static string MeetingNamesGroup(string answer, int people) => $"{answer} ({PersianText.ToPersianDigits(people)} نفر):";
    public static string MeetingNamesLine(int index, string name, string county) => $"{PersianText.ToPersianDigits(index)}. {name} — {county}";
    public const string MeetingNamesFile = "همین فهرست در فایل پیوست است.";
    public const string MeetingNamesNone = $"هنوز کسی پاسخ «{RsvpYes}» یا «{RsvpMaybe}» نداده است.";
    public static string MeetingNamesCaption(string title, int people) => $"پاسخ‌دهندگان «{title}»، {PersianText.ToPersianDigits(people)} نفر";
    public static readonly string[] MeetingNamesColumns = ["نام", "شهرستان", "کارگروه", "پاسخ", "زمان پاسخ"];

    public const string MuteButton = "عدم دریافت اطلاعیه‌ها";
}
