namespace Assembly.Conversations.Text;

/// <summary>What a member is told when they reach the limits that keep a flood from the secretariats.</summary>
public static partial class Texts
{
    public static string AdditionsLimit(int perHour, string when) =>
        $"در هر ساعت بیش از {PersianText.ToPersianDigits(perHour)} پیام یا فایل به مسئله‌ها افزوده نمی‌شود؛ این پیام ثبت نشد.\n" +
        $"آنچه پیش‌تر فرستاده‌اید به دبیرخانه رسیده است. از {when} می‌توانید دوباره بفرستید.";

    public static string AttachmentsFull(int max) =>
        $"این مسئله به سقف {PersianText.ToPersianDigits(max)} پیوست رسیده است و فایل تازه‌ای نمی‌پذیرد؛ این فایل ثبت نشد.\n" +
        "توضیح خود را می‌توانید به‌صورت متن بفرستید.";

    public static string ReportsLimit(int perDay, string when) =>
        $"در هر شبانه‌روز بیش از {PersianText.ToPersianDigits(perDay)} مسئله از یک عضو ثبت نمی‌شود.\n" +
        $"پیش‌نویس مسئله شما نگه داشته شده است. از {when} دکمه «{Submit}» را دوباره بزنید.";
}
