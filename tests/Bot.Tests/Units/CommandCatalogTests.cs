using Assembly.Conversations.Commands;
using Assembly.Conversations.Staff;

namespace Assembly.Bot.Tests.Units;

/// <summary>The catalog's own rules: names the messengers accept, aliases that mean one thing, a menu per role.</summary>
public sealed class CommandCatalogTests
{
    private static Actor Person(bool admin = false, bool staff = false, bool organizer = false) =>
        new("telegram:9", null, admin, staff ? new HashSet<string> { "rajaei" } : [], organizer);

    public static TheoryData<string> Roles() => new(["member", "staff", "organizer", "admin"]);

    private static Actor? ActorOf(string role) => role switch
    {
        "staff" => Person(staff: true),
        "organizer" => Person(organizer: true),
        "admin" => Person(admin: true),
        _ => null,
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public void Menu_names_are_latin_and_unique_and_descriptions_are_persian_and_short(string role)
    {
        var menu = CommandMenu.For(ActorOf(role));

        Assert.NotEmpty(menu);
        Assert.All(menu, entry => Assert.Matches("^[a-z0-9_]{1,32}$", entry.Name));
        Assert.Equal(menu.Count, menu.Select(e => e.Name).Distinct().Count());
        Assert.All(menu, entry => Assert.InRange(entry.Description.Length, 3, 256));
        // Read by members and staff on their phones: no Latin letters in the menu's words.
        Assert.All(menu, entry => Assert.DoesNotMatch("[A-Za-z]", entry.Description));
    }

    [Fact]
    public void Each_role_s_menu_is_what_its_help_lists_and_the_default_is_the_members()
    {
        Assert.Equal(CommandMenu.For(null), CommandMenu.Members);
        Assert.Contains(CommandMenu.Members, e => e.Name == "report");
        Assert.DoesNotContain(CommandMenu.Members, e => e.Name is "inbox" or "announce" or "stats" or "grant" or "claim");
        Assert.Contains(CommandMenu.For(Person(staff: true)), e => e.Name == "inbox");
        Assert.DoesNotContain(CommandMenu.For(Person(staff: true)), e => e.Name is "announce" or "grant");
        Assert.Contains(CommandMenu.For(Person(organizer: true)), e => e.Name == "announce");
        var admin = CommandMenu.For(Person(admin: true)).Select(e => e.Name).ToList();
        Assert.Equal(CommandCatalog.Commands.Select(c => c.Name).Distinct(), admin); // an admin sees every command
    }

    [Fact]
    public void Names_are_latin_and_a_name_is_two_commands_only_when_their_arguments_tell_them_apart()
    {
        Assert.All(CommandCatalog.Commands, c => Assert.Matches("^[a-z0-9_]{1,32}$", c.Name));
        foreach (var same in CommandCatalog.Commands.GroupBy(c => c.Name).Where(g => g.Count() > 1))
        {
            Assert.Equal(2, same.Count());
            Assert.Equal([Arguments.None, Arguments.Required], same.Select(c => c.Takes).Order());
        }
    }

    [Fact]
    public void Every_alias_is_persian_and_means_one_command()
    {
        var aliases = CommandCatalog.Commands.SelectMany(c => c.Aliases.Select(a => (Alias: a, Command: c))).ToList();
        Assert.NotEmpty(aliases);
        Assert.Equal(aliases.Count, aliases.Select(a => a.Alias).Distinct().Count());
        Assert.All(aliases, a => Assert.DoesNotMatch("[A-Za-z/]", a.Alias));
        Assert.All(aliases, a => Assert.Same(a.Command, CommandCatalog.ByAlias(a.Alias)));
    }

    [Fact]
    public void Button_prefixes_are_declared_once_and_none_hides_another()
    {
        var prefixes = CommandCatalog.Buttons.Select(b => b.Prefix).ToList();
        Assert.Equal(prefixes.Count, prefixes.Distinct().Count());
        Assert.All(prefixes, p => Assert.DoesNotContain(prefixes, other => other != p && other.StartsWith(p, StringComparison.Ordinal)));
        Assert.Equal(Need.Staff, CommandCatalog.ButtonFor("st:stage:RJ-1001")!.Need);
        Assert.Null(CommandCatalog.ButtonFor("nothing:of:ours"));
    }

    [Fact]
    public void A_team_conversation_is_known_by_the_command_that_starts_it()
    {
        Assert.Equal("announce", CommandCatalog.StartingFlow(Conversations.Flows.AnnounceFlow.Name)?.Name);
        Assert.Equal(Need.Organizer, CommandCatalog.StartingFlow(Conversations.Flows.OutcomeFlow.Name)?.Need);
        Assert.Null(CommandCatalog.StartingFlow(Conversations.Flows.ReportFlow.Name));
    }
}
