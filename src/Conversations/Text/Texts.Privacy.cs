namespace Assembly.Conversations.Text;

/// <summary>Forgetting a member: what goes, what stays, and the admin's side of it.</summary>
public static partial class Texts
{
    public const string ForgetAdminUsage = "/forget شماره_همراه یا /forget telegram:شناسه";

    public const string ForgetAsk =
        "پاک شدن عضویت شما\n\n" +
        "با تأیید شما این‌ها پاک می‌شود:\n" +
        "• نام، شماره همراه، شهرستان و کارگروه شما\n" +
        "• پیوند حساب‌های شما در تلگرام و بله با عضویتتان\n" +
        "• کار نیمه‌تمام و پیش‌نویس‌های شما\n" +
        "• دنبال کردن مسئله‌ها و پاسخ‌های شما به جلسه‌ها\n" +
        "• پیام‌هایی که هنوز برای شما فرستاده نشده، و نسخه‌ای که ما از پیام‌های فرستاده‌شده به شما نگه داشته‌ایم\n\n" +
        "این‌ها می‌ماند:\n" +
        "• مسئله‌هایی که ثبت کرده‌اید، با متن و پیوست‌ها و پیام‌هایتان درباره آن‌ها، برای کار دبیرخانه و آمار؛ اما بی‌نام و «ناشناس»\n\n" +
        "پس از آن ربات شما را نمی‌شناسد و خبری از آن مسئله‌ها برایتان نمی‌فرستد. اگر دوباره /start را بفرستید، عضو تازه‌ای می‌شوید " +
        "و مسئله‌های قبلی به عضویت تازه وصل نمی‌شود. این کار برگشت‌پذیر نیست.";

    public const string ForgetMeButton = "بله، عضویتم پاک شود";
    public const string ForgetMemberButton = "بله، عضویت او پاک شود";
    public const string ForgetKeepButton = "انصراف";

    public const string Forgotten =
        "عضویت شما پاک شد: نام، شماره و پیوند حساب‌هایتان دیگر نزد ما نیست و مسئله‌هایتان به‌صورت ناشناس باقی ماند. " +
        "اگر روزی خواستید دوباره عضو شوید، /start را بفرستید.";

    public const string ForgetKept = "درخواست لغو شد و چیزی پاک نشد.";

    public const string ForgetAlready = "این عضویت پیش‌تر پاک شده است و کار دیگری لازم نیست.";

    /// <summary>A member as an admin reads them: «name» (number، accounts).</summary>
    public static string MemberDescribed(string name, string? phone, IReadOnlyList<string> accounts) =>
        $"«{name}» ({string.Join("، ", (phone is null ? accounts : accounts.Prepend(phone)).DefaultIfEmpty("—"))})";

    public static string ForgetAskAdmin(string member) =>
        $"فراموش کردن عضو {member}\n\n" +
        "با تأیید شما نام، شماره همراه، شهرستان و کارگروه او، پیوند حساب‌هایش، کار نیمه‌تمامش، دنبال کردن‌ها و پاسخ‌هایش به جلسه‌ها " +
        "و پیام‌هایی که هنوز برایش فرستاده نشده پاک می‌شود. مسئله‌هایی که ثبت کرده برای کار دبیرخانه و آمار می‌ماند، اما «ناشناس». " +
        "پس از آن ربات حساب‌های او را نمی‌شناسد و با /start عضو تازه‌ای می‌شود. این کار برگشت‌پذیر نیست.";

    public static string MemberForgotten(string member) => $"عضویت {member} پاک شد و مسئله‌هایش به‌صورت ناشناس باقی ماند.";

    public static string ForgetNoNumber(string phone) => $"عضوی با شماره {phone} پیدا نشد.";

    public static string ForgetNoAccount(string account) => $"عضوی با حساب {account} پیدا نشد.";

    public static string ForgetSeveral(string phone, IReadOnlyList<string> members) =>
        $"شماره {phone} را {PersianText.ToPersianDigits(members.Count)} عضو دارند:\n" +
        string.Join('\n', members.Select(m => "• " + m)) +
        "\nعضو مورد نظر را با حساب او مشخص کنید، مثل /forget telegram:شناسه";
}
