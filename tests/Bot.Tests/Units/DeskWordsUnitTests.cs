using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.Units;

/// <summary>How <see cref="DeskWords"/> reads a word at the start of a longer text.</summary>
public sealed class DeskWordsUnitTests
{
    private static DeskWords Of(params string[] names) => new(new AssemblyOptions
    {
        Secretariats = names.Select((n, i) => new SecretariatOptions { Key = "s" + i, Name = n }).ToList(),
    });

    [Fact]
    public void The_longest_run_of_leading_words_that_names_a_secretariat_wins()
    {
        var words = Of("دبیرخانه آب", "دبیرخانه آب و برق");

        Assert.True(words.TrySecretariat("آب و برق  فوری است", out var secretariat, out var rest));
        Assert.Equal(("s1", "فوری است"), (secretariat.Key, rest));
        Assert.True(words.TrySecretariat("آب فوری", out secretariat, out rest));
        Assert.Equal(("s0", "فوری"), (secretariat.Key, rest));
    }

    [Fact]
    public void A_name_ending_two_secretariats_share_names_neither_and_the_shortest_own_ending_is_listed()
    {
        var words = Of("دبیرخانه شهید مدرس", "دبیرخانه شهید رجایی");

        Assert.Null(words.Secretariat("دبیرخانه"));
        Assert.Equal("s1", words.Secretariat("شهید رجایی")?.Key);
        Assert.Equal(["مدرس", "رجایی"], words.SecretariatNames);
    }

    [Theory]
    [InlineData("حل شد دلیل آن", ReportOutcome.Resolved, "دلیل آن")]
    [InlineData("حل نشد", ReportOutcome.Unresolved, "")]
    [InlineData("حل‌نشده\nاداره پاسخ نداد", ReportOutcome.Unresolved, "اداره پاسخ نداد")]
    [InlineData("ردشد", ReportOutcome.Rejected, "")]
    [InlineData("DUPLICATE RJ-1001", ReportOutcome.Duplicate, "RJ-1001")]
    public void An_outcome_is_read_off_the_start_and_the_rest_kept_as_typed(string text, ReportOutcome outcome, string rest)
    {
        Assert.True(DeskWords.TryOutcome(text, out var read, out var after));
        Assert.Equal((outcome, rest), (read, after));
    }

    [Fact]
    public void Nothing_is_read_from_a_word_that_only_begins_like_one()
    {
        Assert.False(DeskWords.TryOutcome("حل", out _, out var rest));
        Assert.Equal("حل", rest);
        Assert.Null(DeskWords.Stage("مسئله"));
        Assert.False(DeskWords.TryRole("کارشناسی", out _, out _));
    }
}
