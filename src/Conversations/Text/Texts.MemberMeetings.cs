namespace Assembly.Conversations.Text;

/// <summary>A member's <c>/meetings</c>: a head, then each session ahead with its RSVP buttons.</summary>
public static partial class Texts
{
    public static string MemberMeetingsHead(int count) =>
        $"{PersianText.ToPersianDigits(count)} جلسه پیش‌رو برای شما اعلام شده است." +
        "\nپاسخ خود را با دکمه‌های زیر هر جلسه بدهید؛ پاسخ فعلی شما با ✓ مشخص است و تا شروع جلسه می‌توانید آن را تغییر دهید.";

    public static string MeetingForMember(string title, string when, string place) => $"«{title}»\nزمان: {when}\nمکان: {place}";
}
