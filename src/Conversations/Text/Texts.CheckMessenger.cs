namespace Assembly.Conversations.Text;

/// <summary>
/// What the operator's <c>check-messenger</c> command sends to the chat it is given, to see what the messenger accepts:
/// read on a phone, so in Persian like everything else the bot sends.
/// </summary>
public static partial class Texts
{
    public const string CheckTestMessage = "پیام آزمایشی ربات: لطفاً یکی از دکمه‌های زیر را بزنید.";
    public const string CheckTestMessageEdited = "پیام آزمایشی ربات، ویرایش‌شده: لطفاً یکی از دکمه‌های زیر را بزنید.";

    public static string CheckButton(int number) => "دکمه " + PersianText.ToPersianDigits(number);

    public const string CheckShareNumber = "برای آزمودن ارسال شماره، دکمه «" + ShareMyNumber + "» را در پایین صفحه بزنید.";
    public const string CheckPhotoCaption = "تصویر آزمایشی ربات";
    public const string CheckLongTextHeading = "متن بلند آزمایشی ربات، به اندازه بیشترین طول یک پیام:";
    public const string CheckLongTextFiller = "آزمون ";
    public const string CheckPressReceived = "دکمه دریافت شد.";
    public const string CheckDone = "آزمایش پیام‌رسان تمام شد؛ می‌توانید این پیام‌ها را پاک کنید.";
}
