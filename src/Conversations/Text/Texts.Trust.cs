namespace Assembly.Conversations.Text;

/// <summary>Proving a number, grants that wait for that proof, and where team work may be done.</summary>
public static partial class Texts
{
    public const string AskVerify =
        "برای تأیید شماره همراه خود، دکمه «ارسال شماره من» را در پایین صفحه بزنید. نوشتن شماره برای تأیید کافی نیست.";

    public const string ContactNotYours =
        "این شماره مربوط به حساب شما نیست و تأیید نشد. برای تأیید شماره خودتان، /verify را دوباره بفرستید و دکمه «ارسال شماره من» را بزنید.";

    public const string ContactUnproved =
        "پیام‌رسان صاحب این شماره را مشخص نکرد، پس شماره تأیید نشد. اگر نقشی در مجمع دارید، /whoami را بفرستید و پاسخ آن را برای مدیر ربات بفرستید.";

    public const string NumberVerifiedElsewhere =
        "این شماره پیش‌تر برای عضو دیگری تأیید شده است و برای این حساب تأیید نشد. " +
        "اگر آن عضویت از خود شماست (مثلاً در پیام‌رسان دیگر)، از همان حساب استفاده کنید یا با مدیر ربات تماس بگیرید.";

    public static string NumberVerified(string phone) => $"شماره {phone} تأیید شد.";

    public static string NumberVerifiedWithRoles(string phone, IReadOnlyList<string> roles) => roles.Count == 1
        ? $"شماره {phone} تأیید شد و نقش «{roles[0]}» برای شما فعال شد. دستورهای خود را با /help ببینید."
        : $"شماره {phone} تأیید شد و این نقش‌ها برای شما فعال شد: {string.Join("، ", roles)}. دستورهای خود را با /help ببینید.";

    public static string NumberTakenOver(string phone, IReadOnlyList<string> typedBy) => typedBy.Count == 1
        ? $"شماره {phone} را صاحب آن با دکمه «ارسال شماره من» تأیید کرد. عضو دیگری ({typedBy[0]}) همین شماره را فقط نوشته بود؛ " +
          "شماره از عضویت او برداشته شد و مسئله‌هایش بی‌تغییر ماند. در صورت لزوم از او بخواهید شماره درست خود را با /verify تأیید کند."
        : $"شماره {phone} را صاحب آن با دکمه «ارسال شماره من» تأیید کرد. اعضای دیگری ({string.Join("، ", typedBy)}) همین شماره را فقط نوشته بودند؛ " +
          "شماره از عضویت آن‌ها برداشته شد و مسئله‌هایشان بی‌تغییر ماند. در صورت لزوم از آن‌ها بخواهید شماره درست خود را با /verify تأیید کنند.";

    public static string GrantPending(string phone) =>
        $"این نقش هنوز فعال نیست: صاحب شماره {phone} باید شماره خود را با دکمه «ارسال شماره من» تأیید کند؛ اگر عضو است با /verify، وگرنه هنگام ثبت‌نام با /start.";

    public const string PendingGrantsHeader = "در انتظار تأیید شماره:";

    public static string PendingGrantLine(string phone, string role, bool typed) =>
        $"• {phone} — {role}{(typed ? " (عضوی این شماره را نوشته اما تأیید نکرده است)" : "")}";

    public const string PendingGrantsHint =
        "نقش هر شماره وقتی فعال می‌شود که صاحب آن، شماره را با دکمه «ارسال شماره من» تأیید کند؛ اگر عضو است با /verify، وگرنه هنگام ثبت‌نام با /start.";

    public const string StatsSentPrivately = "نتیجه به گفتگوی خصوصی شما با ربات فرستاده شد.";

    public const string StatsNeedPrivateChat =
        "نتیجه فقط در گفتگوی خصوصی فرستاده می‌شود و شما هنوز گفتگو با ربات را شروع نکرده‌اید. ابتدا در گفتگوی خصوصی با ربات /start را بفرستید، سپس دستور را دوباره بفرستید.";

    public const string RoleGone = "نقش شما برای این کار دیگر فعال نیست؛ کار نیمه‌تمام لغو شد و چیزی فرستاده نشد.";

    /// <summary>One line a form, each begun in Persian so a phone lays it out right to left.</summary>
    public const string GrantUsage =
        "دادن نقش کارشناس: /grant شخص کارشناس دبیرخانه\n" +
        "دادن نقش برگزارکننده: /grant شخص برگزارکننده\n" +
        "پس گرفتن نقش: /revoke شخص نقش (کارشناس دبیرخانه، برگزارکننده یا مدیر)\n" +
        "شخص: شماره همراه، یا شناسه‌ای که /whoami به خود او نشان می‌دهد";

    public const string NoAdminGrant = "نقش مدیر با /grant داده نمی‌شود؛ مدیر تازه با کد یک‌بارمصرف و دستور /claim اضافه می‌شود.";

    public const string VerifyPhoneInvalid =
        "شماره‌ای که پیام‌رسان فرستاد شماره همراه ایران نیست و تأیید نشد. اگر نقشی در مجمع دارید، /whoami را بفرستید و پاسخ آن را برای مدیر ربات بفرستید.";

    public const string ForgetSelfOnly = "برای پاک شدن عضویت خودتان، فقط /forget را بفرستید، بدون شماره یا شناسه.";

    public const string ChooseOneOfTwo = "لطفاً یکی از دو دکمه پیام زیر را بزنید.";
}
