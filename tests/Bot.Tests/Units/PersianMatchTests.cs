using Assembly.Conversations.Text;

namespace Assembly.Bot.Tests.Units;

public sealed class PersianMatchTests
{
    [Theory]
    [InlineData("\u0639\u0644\u064A", "علی")] // Arabic yeh
    [InlineData("\u0645\u0648\u0633\u0649", "موسی")] // alef maksura
    [InlineData("\u0643\u062A\u0627\u0628", "کتاب")] // Arabic kaf
    [InlineData("\u0645\u062F\u0631\u0633\u0629", "مدرسه")] // teh marbuta
    [InlineData("\u062E\u0627\u0646\u06C0", "خانه")] // heh with hamza
    [InlineData("\u0645\u0633\u0623\u0644\u0647", "مساله")] // alef with hamza
    [InlineData("مُحَمَّد", "محمد")] // diacritics
    [InlineData("\u0631\u062D\u0645\u0670\u0646", "رحمن")] // superscript alef
    [InlineData("ســـلام", "سلام")] // tatweel
    [InlineData("شهرداری\u200Cها", "شهرداری ها")] // non-joiner becomes a space
    [InlineData("  Tehran   City\t\nتهران ", "tehran city تهران")]
    [InlineData("ÇAY ÜNË ΑΒΓ", "çay ünë αβγ")] // Latin beyond ASCII and Greek lower-cased too
    [InlineData("\u200F\u202Bآب\u202C", "آب")]
    [InlineData("پلاک ۱۲ و ٣٤", "پلاک 12 و 34")]
    [InlineData("\uFEB3\uFEFC\uFEE1", "سلام")] // Arabic presentation forms
    [InlineData("", "")]
    public void Fold_makes_equivalent_spellings_equal(string input, string expected) =>
        Assert.Equal(expected, PersianMatch.Fold(input));

    [Fact]
    public void Words_are_runs_of_letters_and_digits()
    {
        Assert.Equal(
            ["خیابان", "ولیعصر", "پلاک", "12", "شهرداری", "ها", "کجاست"],
            PersianMatch.Words("خیابان «ولیعصر»، پلاک ۱۲ - شهرداری\u200Cها کجاست؟"));
        Assert.Empty(PersianMatch.Words(" ؟! - "));
    }

    [Fact]
    public void Similarity_is_the_Jaccard_index_of_words_of_three_or_more_letters()
    {
        // Long words: {آسفالت, خیابان, امام, خراب} and {خیابان, امام, آسفالت, ندارد}: 3 shared of 5.
        var a = "آسفالت خیابان امام خراب شد";
        var b = "خیابان امام آسفالت ندارد و";
        Assert.Equal(3.0 / 5.0, PersianMatch.Similarity(a, b), 10);
        Assert.Equal(PersianMatch.Similarity(a, b), PersianMatch.Similarity(b, a), 10);
    }

    [Fact]
    public void Stored_words_are_the_long_words_once_each_and_compare_as_the_text_does()
    {
        const string text = "مدرسة مدرسه علي در خیابان خيابان";
        Assert.Equal(["مدرسه", "علی", "خیابان"], PersianMatch.StoredWords(text).Split(' '));
        var words = PersianMatch.LongWords("مدرسه خیابان آزادی");
        Assert.Equal(2.0 / 4.0, PersianMatch.Similarity(words, PersianMatch.StoredWords(text)), 10);
        Assert.Equal(0.0, PersianMatch.Similarity(words, ""));
    }

    [Fact]
    public void Similarity_ignores_spelling_variants_and_short_words()
    {
        Assert.Equal(1.0, PersianMatch.Similarity("مدرسة علي", "مدرسه علی"), 10);
        Assert.Equal(1.0, PersianMatch.Similarity("در به از مدرسه", "مدرسه و تا"), 10);
        Assert.Equal(0.0, PersianMatch.Similarity("آب برق", "گاز نفت"), 10);
    }

    [Theory]
    [InlineData("", "مدرسه")]
    [InlineData("و در به", "مدرسه")]
    [InlineData("مدرسه", "")]
    public void Similarity_is_zero_when_a_side_has_no_long_word(string a, string b) =>
        Assert.Equal(0.0, PersianMatch.Similarity(a, b));

    [Theory]
    [InlineData("مشکل شهرداری\u200Cها در جمع‌آوری زباله", "شهرداری")]
    [InlineData("مشکل شهرداریها", "شهرداری")] // suffix attached without a non-joiner
    [InlineData("یک مدرسه\u200Cای در روستا", "مدرسه")]
    [InlineData("مدرسهای", "مدرسه")]
    [InlineData("مدرسة روستا", "مدرسه")] // teh marbuta in the text
    [InlineData("قطعی آب", "آب")]
    [InlineData("حکم دادگاه", "دادگاه")]
    public void FindKeyword_matches_whole_words_and_word_starts(string text, string expected) =>
        Assert.Equal(expected, PersianMatch.FindKeyword(text, ["آب", "شهرداری", "مدرسه", "دادگاه"]));

    [Theory]
    [InlineData("خیابان اسلام‌آباد")] // «آب» inside «آباد»
    [InlineData("روستای آباد")] // a short keyword does not match a word start
    [InlineData("آبان ماه")]
    [InlineData("سراب")] // nor the end of a word
    [InlineData("")]
    public void FindKeyword_matches_a_short_keyword_only_as_a_whole_word(string text) =>
        Assert.Null(PersianMatch.FindKeyword(text, ["آب"]));

    [Fact]
    public void FindKeyword_does_not_match_inside_or_at_the_end_of_a_word() =>
        Assert.Null(PersianMatch.FindKeyword("بازمدرسه کتابخانه", ["مدرسه", "خانه"]));

    [Fact]
    public void FindKeyword_returns_the_first_keyword_in_list_order_as_given()
    {
        Assert.Equal("دادگاه", PersianMatch.FindKeyword("مدرسه و دادگاه", ["دادگاه", "مدرسه"]));
        Assert.Equal("\u0645\u062F\u0631\u0633\u0629", PersianMatch.FindKeyword("مدرسه‌ها", ["\u0645\u062F\u0631\u0633\u0629"]));
        Assert.Equal("Water", PersianMatch.FindKeyword("no WATER here", ["Water"]));
        Assert.Null(PersianMatch.FindKeyword("مدرسه", []));
        Assert.Null(PersianMatch.FindKeyword("مدرسه", ["", " - "]));
    }

    [Theory]
    [InlineData("پرونده در دستگاه قضایی مانده", true)]
    [InlineData("پرونده در دستگاه\u200Cهای قضایی", false)] // the first word must be whole
    [InlineData("دستگاه قضاییِ استان", true)]
    [InlineData("قضایی دستگاه", false)]
    public void FindKeyword_matches_several_words_in_a_row(string text, bool found) =>
        Assert.Equal(found ? "دستگاه قضایی" : null, PersianMatch.FindKeyword(text, ["دستگاه قضایی"]));
}
