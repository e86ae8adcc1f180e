using System.Text.RegularExpressions;
using Assembly.Conversations.Organisation;

namespace Assembly.Bot.Configuration.Validation;

/// <summary><c>Assembly</c>: the organisation's name, time zone, lists and secretariats.</summary>
public sealed partial class AssemblyValidator : SectionValidator<AssemblyOptions>
{
    protected override IEnumerable<string> Problems(AssemblyOptions assembly)
    {
        if (string.IsNullOrWhiteSpace(assembly.Name))
            yield return "Assembly:Name is empty; give the assembly's name as members should see it.";
        if (!KnownZone(assembly.TimeZone))
            yield return $"Assembly:TimeZone '{assembly.TimeZone}' is not a time zone this machine knows (use e.g. 'Asia/Tehran').";

        foreach (var problem in NameLists.Problems(assembly.Counties, "Assembly:Counties", required: true)) yield return problem;
        foreach (var problem in NameLists.Problems(assembly.WorkingGroups, "Assembly:WorkingGroups", required: false)) yield return problem;
        if (assembly.Secretariats.Count == 0)
            yield return "Assembly:Secretariats is empty; at least one secretariat must receive reports.";

        var keys = new HashSet<string>();
        var prefixes = new HashSet<string>();
        for (var i = 0; i < assembly.Secretariats.Count; i++)
        {
            var s = assembly.Secretariats[i];
            var key = $"Assembly:Secretariats:{i}";
            if (!SecretariatKey().IsMatch(s.Key))
                yield return $"{key}:Key must be lower-case Latin letters, digits or '-' (it is '{s.Key}').";
            if (!keys.Add(s.Key))
                yield return $"{key}:Key '{s.Key}' is used by two secretariats.";
            if (!CodePrefix().IsMatch(s.CodePrefix))
                yield return $"{key}:CodePrefix must be two or three Latin capital letters, like 'MD' (it is '{s.CodePrefix}').";
            if (!prefixes.Add(s.CodePrefix))
                yield return $"{key}:CodePrefix '{s.CodePrefix}' is used by two secretariats.";
            if (string.IsNullOrWhiteSpace(s.Name))
                yield return $"{key}:Name is empty.";
            foreach (var problem in NameLists.Problems(s.Topics, $"{key}:Topics", required: true)) yield return problem;
            if (s.FirstAnswerHours is < 1 or > 720)
                yield return $"{key}:FirstAnswerHours must be from 1 to 720 (it is {s.FirstAnswerHours}).";
            if (s.FollowUpDays is < 1 or > 90)
                yield return $"{key}:FollowUpDays must be from 1 to 90 (it is {s.FollowUpDays}).";
            foreach (var problem in NameLists.Problems(s.Keywords, $"{key}:Keywords", required: false)) yield return problem;
            foreach (var problem in Accounts.Problems(s.Staff, $"{key}:Staff")) yield return problem;
            foreach (var problem in Accounts.Problems(s.StaffChats, $"{key}:StaffChats")) yield return problem;
            if (s.ReadyReplies.Any(string.IsNullOrWhiteSpace))
                yield return $"{key}:ReadyReplies has an empty reply.";
            if (s.ReadyReplies.Any(r => r.Length > global::Assembly.Storage.Configuration.ReadyReplyConfiguration.MaxText))
                yield return $"{key}:ReadyReplies has a reply longer than {(global::Assembly.Storage.Configuration.ReadyReplyConfiguration.MaxText)} characters.";
        }
    }

    private static bool KnownZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex SecretariatKey();

    [GeneratedRegex(@"^[A-Z]{2,3}$")]
    private static partial Regex CodePrefix();
}
