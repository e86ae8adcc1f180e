namespace Assembly.Conversations.Text;

/// <summary>
/// What staff and admins are told when a stage, an outcome, a secretariat or a role they typed is not one
/// (<see cref="DeskWords"/>): always the words that are accepted, as staff read them elsewhere.
/// </summary>
public static partial class Texts
{
    /// <summary>The staff role by itself, as an admin types it after <c>/grant</c>.</summary>
    public const string RoleStaffWord = "کارشناس";

    /// <summary>«الف»، «ب» یا «ج».</summary>
    public static string OneOf(IEnumerable<string> words)
    {
        var quoted = words.Select(w => $"«{w}»").ToList();
        return quoted.Count < 2 ? string.Concat(quoted) : string.Join("، ", quoted[..^1]) + " یا " + quoted[^1];
    }

    public static string UnknownStage(string given) => given.Length == 0
        ? $"مرحله را هم بنویسید: {OneOf(DeskWords.StageNames)}."
        : $"مرحله «{given}» را نمی‌شناسیم.\nیکی از این‌ها را بنویسید: {OneOf(DeskWords.StageNames)}.";

    public static string UnknownOutcome(string given) => given.Length == 0
        ? $"نتیجه را هم بنویسید: {OneOf(DeskWords.OutcomeNames)}."
        : $"نتیجه «{given}» را نمی‌شناسیم.\nیکی از این‌ها را بنویسید: {OneOf(DeskWords.OutcomeNames)}.";

    /// <param name="names">Each secretariat's short name (<see cref="DeskWords.SecretariatNames"/>).</param>
    public static string UnknownSecretariat(string given, IEnumerable<string> names) => given.Length == 0
        ? $"نام دبیرخانه را هم بنویسید: {OneOf(names)}."
        : $"دبیرخانه «{given}» را نمی‌شناسیم.\nنام یکی از این‌ها را بنویسید: {OneOf(names)}.";

    /// <summary>A role word that is none: admins are reminded that staff come with their secretariat's name.</summary>
    public static string UnknownRole(string given, bool granting) =>
        $"نقش «{given}» را نمی‌شناسیم.\nبنویسید «{RoleStaffWord}» و نام دبیرخانه، یا «{RoleOrganizer}»" +
        (granting ? "." : $"، یا «{RoleAdmin}».");

    /// <summary>Statistics asked for a secretariat the asker does not work for.</summary>
    public static string StatsNotYourSecretariat(string secretariat) =>
        $"آمار {secretariat} در دسترس شما نیست.\nبرای آمار دبیرخانه خودتان، همین دستور را بدون نام دبیرخانه بفرستید.";
}
