namespace Assembly.Conversations.Text;

/// <summary>The admin role taken with a one-time code (<c>/claim</c>), an account's own id (<c>/whoami</c>), the last admin.</summary>
public static partial class Texts
{
    public static string WhoAmI(string account) =>
        $"شناسه حساب شما: {account}\n" +
        "برای گرفتن نقشی در مجمع، مانند کارشناس دبیرخانه یا برگزارکننده، این شناسه را برای مدیر ربات بفرستید.";

    public const string ClaimUsage =
        "کد را پس از دستور بنویسید، مثلاً: /claim کد\nاین کد یک‌بارمصرف را مسئول فنی ربات می‌سازد و تا ۲۴ ساعت اعتبار دارد.";

    public const string AlreadyAdmin = "شما هم‌اکنون مدیر ربات هستید و به کد نیازی ندارید.";

    public static string Claimed(string assembly) =>
        $"از این پس شما مدیر ربات «{assembly}» هستید. دستورهای مدیر را با /help ببینید.";

    /// <summary>The same for every code that matches none, whether or not any code exists.</summary>
    public static string ClaimWrong(string? tryAgainFrom) =>
        "این کد پذیرفته نشد. کد را همان‌گونه که به شما داده شده است بفرستید." +
        (tryAgainFrom is null ? "" : $"\nبه دلیل چند تلاش نادرست پیاپی، از {tryAgainFrom} می‌توانید دوباره امتحان کنید.");

    public static string ClaimBlocked(string tryAgainFrom) =>
        $"به دلیل چند تلاش نادرست پیاپی، این کد بررسی نشد. از {tryAgainFrom} می‌توانید دوباره امتحان کنید.";

    public const string ClaimCodeUsed =
        "این کد پیش‌تر به کار رفته است و دیگر کسی را مدیر نمی‌کند. برای کد تازه با مسئول فنی ربات تماس بگیرید.";

    public const string ClaimCodeExpired =
        "اعتبار این کد تمام شده است؛ هر کد تا ۲۴ ساعت اعتبار دارد. برای کد تازه با مسئول فنی ربات تماس بگیرید.";

    public const string LastAdmin =
        "نقش مدیر گرفته نشد، چون ربات بی‌مدیر می‌ماند. نخست مدیر دیگری اضافه کنید: مسئول فنی ربات کد یک‌بارمصرفی می‌سازد و آن شخص با /claim مدیر می‌شود.";

    public const string RoleAdmin = "مدیر";
    public const string AdminsLabel = "مدیران";
}
