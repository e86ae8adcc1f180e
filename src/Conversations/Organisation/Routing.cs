using Assembly.Conversations.Text;

namespace Assembly.Conversations.Organisation;

/// <summary>Which secretariat a report goes to: by the topic chosen, or suggested by the keywords of its description.</summary>
public static class Routing
{
    /// <summary>Every topic with its secretariat, in the order the buttons show them.</summary>
    public static IReadOnlyList<(SecretariatOptions Secretariat, string Topic)> Topics(AssemblyOptions assembly) =>
        assembly.Secretariats.SelectMany(s => s.Topics.Select(t => (s, t))).ToList();

    public static SecretariatOptions? Find(AssemblyOptions assembly, string? key) =>
        assembly.Secretariats.FirstOrDefault(s => s.Key == key);

    /// <summary>The first secretariat one of whose keywords the description contains, with that keyword.</summary>
    public static (SecretariatOptions Secretariat, string Keyword)? Suggest(AssemblyOptions assembly, string description)
    {
        foreach (var secretariat in assembly.Secretariats)
            if (PersianMatch.FindKeyword(description, secretariat.Keywords) is { } keyword)
                return (secretariat, keyword);
        return null;
    }
}
