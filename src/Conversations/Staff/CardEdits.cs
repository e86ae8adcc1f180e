using Assembly.Conversations.Messages;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Staff;

/// <summary>
/// One edit per card copy in a batch of updates: the rows of a batch are written together at its end, so each update
/// that changed the report (a reporter writing several messages in a row) could not find the edit an earlier one
/// queued and queued its own. Only the last, which shows the latest state, is kept, at the most urgent priority of
/// those it replaces. Across batches <see cref="ReportPosts"/> rewrites the edit still waiting instead of adding one.
/// </summary>
public static class CardEdits
{
    public static IReadOnlyList<(OutgoingMessage Message, DateTime At)> OnePerBatch(IReadOnlyList<(OutgoingMessage Message, DateTime At)> messages)
    {
        Dictionary<(ChatAddress, long), (int At, OutboxPriority Priority)>? last = null;
        var repeated = false;
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].Message is not TextEdit { SubjectAction: ReportCard.Action } edit) continue;
            last ??= [];
            var key = (edit.To, edit.MessageId);
            if (last.TryGetValue(key, out var seen))
            {
                repeated = true;
                last[key] = (i, (OutboxPriority)Math.Min((int)seen.Priority, (int)edit.Priority));
            }
            else
            {
                last[key] = (i, edit.Priority);
            }
        }

        if (!repeated || last is null) return messages;
        var kept = new List<(OutgoingMessage Message, DateTime At)>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].Message is not TextEdit { SubjectAction: ReportCard.Action } edit) { kept.Add(messages[i]); continue; }
            var (at, priority) = last[(edit.To, edit.MessageId)];
            if (at == i) kept.Add((edit with { Priority = priority }, messages[i].At));
        }

        return kept;
    }
}
