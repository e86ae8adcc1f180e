namespace Assembly.Conversations.Text;

/// <summary>
/// The two-way thread between a reporter and the secretariat, where it is not about what the member sends: a staff
/// file that could not be carried to the reporter's messenger, held words that outlived their keeping, a draft kept
/// while another conversation runs.
/// </summary>
public static partial class Texts
{
    /// <summary>A staff member's file for a reporter on the other messenger, which its own messenger would not hand over.</summary>
    public static string FileNotCarried(string? code, string from, string to) =>
        $"فایل شما{(code is null ? "" : $" درباره مسئله {code}")} به گزارش‌دهنده نرسید: او در {MessengerLabel(to)} است و {MessengerLabel(from)} این فایل را به ما نداد، " +
        $"شاید چون بزرگ‌تر از {PersianText.ToPersianDigits(Messages.FileCarrying.MaxBytes / (1024 * 1024))} مگابایت است. فایل کوچک‌تری بفرستید یا پاسخ را بنویسید.";

    /// <summary>A press under a question about held words that retention has since emptied.</summary>
    public const string HeldGone =
        "متنی که این پرسش درباره آن بود دیگر نزد ما نیست، چون مدت نگه‌داری آن گذشته است. اگر هنوز لازم است، آن را دوباره بفرستید.";

    /// <summary>Under the notice that a conversation was given up, when a report's draft it carried is still kept.</summary>
    public const string DraftStillKept = "پیش‌نویس مسئله شما همچنان نگه داشته شده است؛ با «" + MenuReport + "» آن را ادامه دهید.";
}
