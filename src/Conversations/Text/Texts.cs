using Assembly.Conversations.Text;

namespace Assembly.Conversations.Text;

/// <summary>
/// Every sentence the bot says, in Persian, in one place. Flows call these; they never build user-facing
/// strings themselves. Numbers go through <see cref="PersianText.ToPersianDigits(long)"/>.
/// </summary>
public static partial class Texts
{
    public const string HelpButton = "راهنما";

    public static string UnknownCommand(string command) =>
        $"دستور «{command}» در این ربات وجود ندارد. فهرست دستورها را با /help ببینید.";

    public const string EmptyText = "پیام شما خالی بود. لطفاً متن پیامتان را بنویسید.";

    public static string TooLong(int length, int max) =>
        $"پیام شما {PersianText.ToPersianDigits(length)} نویسه دارد و از حد {PersianText.ToPersianDigits(max)} نویسه بیشتر است. " +
        "لطفاً کوتاه‌ترش کنید یا در چند پیام بفرستید.";

    public const string TextExpected =
        "اینجا فقط پیام متنی پذیرفته می‌شود. لطفاً پیامتان را به صورت متن بنویسید یا /help را بفرستید.";

    public const string EditIgnored =
        "ویرایش پیام‌های فرستاده‌شده به ربات نمی‌رسد. اگر می‌خواهید چیزی را تغییر دهید، آن را در پیام تازه‌ای بفرستید.";

    public const string StaleButton = "این دکمه دیگر فعال نیست. لطفاً از آخرین پیام ربات استفاده کنید.";

    public static string GroupIntro(string assembly) =>
        $"سلام! این ربات «{assembly}» است.\nاعضا مسئله‌هایشان را در گفتگوی خصوصی با ربات ثبت می‌کنند، نه در این گروه.";

    public const string UsePrivateChat = "این دستور در گروه اجرا نمی‌شود. لطفاً آن را همین‌جا، در گفتگوی خصوصی با ربات، بفرستید.";

    public const string SorryFailed =
        "متأسفیم، در پردازش پیام شما خطایی پیش آمد و این پیام ثبت نشد. لطفاً دوباره بفرستید یا /help را بزنید.";
}
