using Assembly.Conversations.Text;

namespace Assembly.Bot.Tests.Units;

public sealed class PersianTextTests
{
    [Theory]
    [InlineData("1404/09/15", "۱۴۰۴/۰۹/۱۵")]
    [InlineData("٠٩١٢", "۰۹۱۲")]
    [InlineData("MD-1042", "MD-۱۰۴۲")]
    public void Digits_are_shown_in_Persian(string input, string expected) =>
        Assert.Equal(expected, PersianText.ToPersianDigits(input));

    [Theory]
    [InlineData("۰۹۱۲۳۴۵۶۷۸۹", "09123456789")]
    [InlineData("٠٩١٢٣", "09123")]
    [InlineData("md-۱۰۴۲", "md-1042")]
    public void Persian_and_Arabic_digits_are_read_as_Latin(string input, string expected) =>
        Assert.Equal(expected, PersianText.ToLatinDigits(input));

    [Theory]
    [InlineData("\u200B\u200F\u202Eسلام\u202C", "سلام")]
    [InlineData("  می\u200Cآیم  ", "می\u200Cآیم")] // the non-joiner inside a word is Persian spelling
    [InlineData("\u200C\u200Cمی\u200Cآیم\u200C", "می\u200Cآیم")]
    [InlineData("\u2066/start\u2069", "/start")]
    [InlineData("\uFEFF\u061C", "")]
    [InlineData(null, "")]
    public void Invisible_controls_are_removed_and_text_trimmed(string? input, string expected) =>
        Assert.Equal(expected, PersianText.CleanInput(input));
}
