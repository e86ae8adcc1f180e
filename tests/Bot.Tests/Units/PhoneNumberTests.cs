using Assembly.Conversations.Text;

namespace Assembly.Bot.Tests.Units;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("۰۹۱۲ ۳۴۵ ۶۷۸۹")]
    [InlineData("٠٩١٢٣٤٥٦٧٨٩")]
    [InlineData("09123456789")]
    [InlineData("+98 912-345-6789")]
    [InlineData("+989123456789")]
    [InlineData("9123456789")]
    [InlineData("00989123456789")]
    [InlineData("989123456789")]
    [InlineData("(0912) 345.67.89")]
    [InlineData("+98 (0) 912 345 6789")]
    [InlineData("\u200F+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹\u200E ")]
    [InlineData("۰۹۱۲–۳۴۵–۶۷۸۹")] // en dashes
    public void Typed_Iranian_mobiles_are_normalised_to_E164(string input)
    {
        Assert.True(PhoneNumber.TryNormalizeTyped(input, out var normalized));
        Assert.Equal("+989123456789", normalized);
    }

    [Theory]
    [InlineData("0912345678")] // one digit short
    [InlineData("091234567890")] // one digit too many
    [InlineData("02133445566")] // Tehran landline
    [InlineData("+982133445566")]
    [InlineData("0912abc4567")]
    [InlineData("۰۹۱۲ شماره ۳۴۵۶۷۸۹")]
    [InlineData("+447700900123")] // another country
    [InlineData("+0989123456789")]
    [InlineData("0989123456789")]
    [InlineData("09123456789+")]
    [InlineData("0912/345/6789")]
    [InlineData("+")]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_typed_input_is_refused(string? input)
    {
        Assert.False(PhoneNumber.TryNormalizeTyped(input, out var normalized));
        Assert.Equal("", normalized);
    }

    [Theory]
    [InlineData("989123456789", "+989123456789")] // how Telegram sends it
    [InlineData("+989123456789", "+989123456789")]
    [InlineData("09123456789", "+989123456789")]
    [InlineData("+447700900123", "+447700900123")]
    [InlineData("447700900123", "+447700900123")]
    [InlineData("00447700900123", "+447700900123")]
    [InlineData("+1 (555) 010-9999", "+15550109999")]
    [InlineData("982133445566", "+982133445566")] // an Iranian landline is still a number
    [InlineData("۹۷۱۵۰۱۲۳۴۵۶۷", "+971501234567")]
    public void Shared_contacts_are_normalised_to_E164(string input, string expected)
    {
        Assert.True(PhoneNumber.TryNormalizeShared(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("123456")] // too short for any country
    [InlineData("1234567890123456")] // longer than E.164 allows
    [InlineData("02133445566")] // a local form, not international
    [InlineData("+44 7700 abc")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_shared_numbers_are_refused(string? input)
    {
        Assert.False(PhoneNumber.TryNormalizeShared(input, out var normalized));
        Assert.Equal("", normalized);
    }

    [Theory]
    [InlineData("+989123456789", "۰۹۱۲۳۴۵۶۷۸۹")]
    [InlineData("+982133445566", "۰۲۱۳۳۴۴۵۵۶۶")]
    [InlineData("+447700900123", "+۴۴۷۷۰۰۹۰۰۱۲۳")]
    public void Numbers_are_displayed_in_Persian_digits_and_local_form_for_Iran(string e164, string expected) =>
        Assert.Equal(expected, PhoneNumber.Display(e164));

    [Fact]
    public void Display_round_trips_through_typed_normalisation()
    {
        Assert.True(PhoneNumber.TryNormalizeTyped(PhoneNumber.Display("+989123456789"), out var again));
        Assert.Equal("+989123456789", again);
    }
}
