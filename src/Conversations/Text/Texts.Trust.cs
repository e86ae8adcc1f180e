namespace Assembly.Conversations.Text;

/// <summary>Proving a number, grants that wait for that proof, and where team work may be done.</summary>
public static partial class Texts
{
    public const string VerifyCommandHelp = "/verify — تأیید شماره همراه با دکمه «ارسال شماره من»";

    public const string AskVerify =
        "برای تأیید شماره همراه خود، دکمه «ارسال شماره من» را در پایین صفحه بزنید. شماره‌ای که نوشته شود تأیید به حساب نمی‌آید.";

    public const string ContactNotYours = "این شماره مربوط به حساب شما نیست. برای تأیید، دکمه «ارسال شماره من» را بزنید.";

    public const string ContactUnproved =
        "پیام‌رسان صاحب این شماره را مشخص نکرد، پس شماره تأیید نشد. اگر نقشی در مجمع دارید، /whoami را بفرستید و پاسخ آن را به مدیر ربات بدهید.";

    public const string NumberVerifiedElsewhere =
        "این شماره پیش‌تر با عضویت دیگری تأیید شده است. اگر آن عضویت مربوط به خود شماست، از حساب دیگرتان وارد شوید یا با مدیر ربات تماس بگیرید.";

    public static string NumberVerified(string phone) => $"شماره {phone} تأیید شد.";

    public static string NumberVerifiedWithRoles(string phone, IEnumerable<string> roles) =>
        $"شماره {phone} تأیید شد و این نقش‌ها برای شما فعال شد: {string.Join("، ", roles)}.";

    public static string NumberTakenOver(string phone, IReadOnlyList<string> typedBy) =>
        $"صاحب شماره {phone} آن را با «ارسال شماره من» تأیید کرد. " +
        $"{(typedBy.Count == 1 ? "عضو دیگری" : "عضوهای دیگری")} ({string.Join("، ", typedBy)}) این شماره را فقط نوشته بود؛ " +
        "شماره از عضویت او برداشته شد و مسئله‌هایش سر جایش ماند.";

    public static string GrantPending(string phone) =>
        $"این نقش وقتی فعال می‌شود که صاحب شماره {phone} آن را تأیید کند: از او بخواهید در ربات /verify را بفرستد و دکمه «ارسال شماره من» را بزند.";

    public const string PendingGrantsHeader = "در انتظار تأیید شماره:";

    public static string PendingGrantLine(string phone, string role, bool typed) =>
        $"• {phone} — {role}{(typed ? " (شماره را نوشته اما تأیید نکرده است)" : "")}";

    public const string PendingGrantsHint = "نقشِ یک شماره وقتی فعال می‌شود که صاحب آن در ربات /verify را بفرستد و دکمه «ارسال شماره من» را بزند.";

    public const string StatsSentPrivately = "نتیجه به گفتگوی خصوصی شما با ربات فرستاده شد.";

    public const string StatsNeedPrivateChat =
        "نتیجه فقط در گفتگوی خصوصی فرستاده می‌شود و شما هنوز گفتگو با ربات را شروع نکرده‌اید. ابتدا در گفتگوی خصوصی با ربات /start را بفرستید، سپس دستور را دوباره بفرستید.";

    public const string RoleGone = "دسترسی شما به این کار دیگر برقرار نیست؛ چیزی فرستاده نشد و کار نیمه‌تمام کنار گذاشته شد.";
}
