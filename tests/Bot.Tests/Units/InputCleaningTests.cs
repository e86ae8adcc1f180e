using Assembly.Conversations.Text;

namespace Assembly.Bot.Tests.Units;

/// <summary>Control characters and line breaks in what members type, single-line fields, and letters one can see.</summary>
public sealed class InputCleaningTests
{
    [Theory]
    [InlineData("سلام\u0000\u0007\u001B\u007F\u0085دنیا", "سلام\nدنیا")]       // C0, DEL; NEL is a line break
    [InlineData("الف\u0080\u009Fب", "الفب")]                                    // C1 controls
    [InlineData("الف\uFFFE\uFFFFب", "الفب")]                                    // noncharacters
    [InlineData("گل 🌷", "گل 🌷")]                                              // a whole pair stays
    [InlineData("یک\r\nدو\rسه\u2028چهار\u2029پنج\vشش\fهفت", "یک\nدو\nسه\nچهار\nپنج\nشش\nهفت")]
    [InlineData("الف\tب", "الف\tب")]
    [InlineData("\u2061\u2062\u206Aمتن\u206F\u180E", "متن")]                  // invisible operators, deprecated format controls
    public void Control_characters_are_removed_and_every_line_break_becomes_a_line_feed(string input, string expected) =>
        Assert.Equal(expected, PersianText.CleanInput(input));

    [Fact]
    public void Half_of_a_surrogate_pair_alone_is_removed_and_a_whole_pair_kept() =>
        // Not as InlineData: an attribute's string is stored as UTF-8, where a lone half cannot be written.
        Assert.Equal("الفب🌷", PersianText.CleanInput("الف\uD800ب\uDC00🌷\uD83C"));

    [Theory]
    [InlineData("زهرا\nاحمدی", "زهرا احمدی")]
    [InlineData("زهرا  \r\n \n\t احمدی", "زهرا احمدی")]
    [InlineData("زهرا\u2028احمدی\u2029", "زهرا احمدی")]
    [InlineData("خیابان\u0085امیرکبیر\v\fکوچه ۱۲", "خیابان امیرکبیر کوچه ۱۲")]
    [InlineData("زهرا احمدی", "زهرا احمدی")]
    [InlineData("\nزهرا\n", "زهرا")]
    public void A_single_line_field_has_its_line_breaks_collapsed_to_one_space(string input, string expected) =>
        Assert.Equal(expected, PersianText.SingleLine(input));

    [Theory]
    [InlineData('ز', true)]
    [InlineData('A', true)]
    [InlineData('ک', true)]
    [InlineData('\u3164', false)] // Hangul filler
    [InlineData('\u115F', false)]
    [InlineData('\u1160', false)]
    [InlineData('\uFFA0', false)]
    [InlineData('\u0640', false)] // tatweel
    [InlineData('\u200C', false)]
    [InlineData('\u200B', false)]
    [InlineData('۱', false)]
    public void Fillers_and_invisible_characters_are_not_visible_letters(char c, bool visible)
    {
        Assert.Equal(visible, PersianText.IsVisibleLetter(c));
        Assert.Equal(visible || char.IsDigit(c), PersianText.IsVisibleLetterOrDigit(c));
    }
}
