using Assembly.Conversations.Text;

namespace Assembly.Bot.Tests.Units;

public sealed class TrackingCodeTests
{
    [Theory]
    [InlineData("MD", 1042, "MD-1042")]
    [InlineData("RJ", 7, "RJ-007")]
    [InlineData("BHS", 123456, "BHS-123456")]
    [InlineData("MD", 0, "MD-000")]
    public void Codes_are_formatted_with_Latin_digits_and_at_least_three(string prefix, int number, string expected) =>
        Assert.Equal(expected, TrackingCode.Format(prefix, number));

    [Theory]
    [InlineData("md")]
    [InlineData("M")]
    [InlineData("MDRS")]
    [InlineData("مد")]
    [InlineData("M1")]
    public void Format_refuses_a_bad_prefix(string prefix) =>
        Assert.Throws<ArgumentException>(() => TrackingCode.Format(prefix, 1042));

    [Fact]
    public void Format_refuses_a_negative_number() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackingCode.Format("MD", -1));

    [Theory]
    [InlineData("MD-1042")]
    [InlineData("md-1042")]
    [InlineData("md۱۰۴۲")]
    [InlineData("Md – 1042")] // en dash with spaces
    [InlineData("MD—1042")] // em dash
    [InlineData("MD‐1042")] // U+2010 hyphen
    [InlineData("MDـ۱۰۴۲")] // tatweel
    [InlineData("MD_1042")]
    [InlineData("MD 1042")]
    [InlineData("MD1042")]
    [InlineData("  \u200FMD-١٠٤٢\u200E  ")] // Arabic digits, bidi marks, spaces
    [InlineData("\u2066md-1042\u2069")]
    public void Codes_are_read_in_many_spellings(string input)
    {
        Assert.True(TrackingCode.TryParse(input, out var code));
        Assert.Equal("MD-1042", code);
    }

    [Theory]
    [InlineData("RJA-007", "RJA-007")]
    [InlineData("rj-0042", "RJ-0042")] // digits kept as written
    public void Canonical_codes_keep_their_digits(string input, string expected)
    {
        Assert.True(TrackingCode.TryParse(input, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("MD-12")] // too few digits
    [InlineData("M-1042")]
    [InlineData("MDRS-1042")]
    [InlineData("MD--1042")]
    [InlineData("MD - - 1042")]
    [InlineData("1042")]
    [InlineData("MD-1042a")]
    [InlineData("مد-1042")]
    [InlineData("کد من MD-1042 است")]
    [InlineData("MD-10 42")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_shapes_are_refused(string? input)
    {
        Assert.False(TrackingCode.TryParse(input, out var code));
        Assert.Equal("", code);
    }

    [Fact]
    public void Formatted_codes_parse_back_to_themselves()
    {
        var code = TrackingCode.Format("BHS", 5);
        Assert.True(TrackingCode.TryParse(PersianText.ToPersianDigits(code), out var parsed));
        Assert.Equal(code, parsed);
    }

    [Theory]
    [InlineData("MD", true)]
    [InlineData("BHS", true)]
    [InlineData("md", false)]
    [InlineData("M", false)]
    [InlineData("MDRS", false)]
    [InlineData("MÉ", false)]
    [InlineData("", false)]
    public void Prefixes_are_two_or_three_capital_Latin_letters(string prefix, bool valid) =>
        Assert.Equal(valid, TrackingCode.IsValidPrefix(prefix));
}
