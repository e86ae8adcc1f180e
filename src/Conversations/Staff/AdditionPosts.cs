using System.Text.Json;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>What one addition post holds, kept in its outbox row (the message's memo, never sent) to be extended.</summary>
public sealed class AdditionDigest
{
    public string Head { get; set; } = "";
    public List<string> Items { get; set; } = [];
    public ReportOutcome? ClosedAs { get; set; }

    /// <summary>Earlier items were dropped to keep the post one message.</summary>
    public bool Earlier { get; set; }
}

/// <summary>
/// A reporter who writes ten messages in a row must not bury a staff chat under ten posts: what they add to a report
/// reaches each staff chat as one post per report per <see cref="Window"/>, which grows as more comes. While that post
/// waits in the outbox its text is rewritten there; once sent, it is edited on the phone (paced like any bulk message). All of it goes after other bulk
/// (<see cref="OutboxPriority.Additions"/>): a new report's post is not kept waiting behind a busy reporter.
/// A post on its way out at that moment (claimed, not yet recorded) has no message id to edit yet, so the addition
/// starts a new post. Files go as they come, beside the post, which says one came.
/// </summary>
public static class AdditionPosts
{
    /// <summary>Marks an addition post's row; a reply to it is read as a reply to any post about the report.</summary>
    public const string Action = "added";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>A post longer than this drops its earliest items (they stay in the report's events): it stays one message.</summary>
    private const int MaxText = 3500;

    public static async Task AddAsync(Turn turn, Report report, ChatAddress chat, ChatKind kind, string item, ReportOutcome? closedAs, CancellationToken ct)
    {
        var since = turn.Now - Window;
        var previous = await turn.Db.Outbox.AsNoTracking()
            .Where(o => o.Messenger == chat.Messenger && o.ChatId == chat.ChatId && o.Subject == report.Code && o.SubjectAction == Action && o.CreatedAt > since)
            .OrderByDescending(o => o.Id)
            .Select(o => new { o.Id, o.Status, o.SentMessageId, o.Payload })
            .FirstOrDefaultAsync(ct);
        if (previous is not null && ReadPayload(previous.Payload) is { } digest)
        {
            (digest.Head, digest.ClosedAs) = (NoticeHead.Of(report), closedAs);
            digest.Items.Add(item);
            var grown = Message(report.Code, digest);
            var payload = OutgoingJson.Write(grown);
            if (previous.Status == OutboxStatus.Pending
                && await turn.Db.Outbox.Where(o => o.Id == previous.Id && o.Status == OutboxStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Payload, payload), ct) == 1)
                return;

            if (previous is { Status: OutboxStatus.Sent, SentMessageId: { } sent })
            {
                // The sent row keeps what the post now shows, so the next addition extends all of it.
                await turn.Db.Outbox.Where(o => o.Id == previous.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Payload, payload), ct);
                turn.Send(chat, kind, new TextEdit(sent, grown.Text, NoticeHead.Buttons(report.Code)) { Subject = report.Code, SubjectAction = StaffNotices.PostAction },
                    OutboxPriority.Additions);
                return;
            }
        }

        turn.Send(chat, kind, Message(report.Code, new AdditionDigest { Head = NoticeHead.Of(report), Items = [item], ClosedAs = closedAs }), OutboxPriority.Additions);
    }

    /// <summary>
    /// One addition's post on its own, as a chat without the report's topic gets it: what goes into the topic when the
    /// member's message itself cannot be copied there (<see cref="CopyMessage.Otherwise"/>).
    /// </summary>
    public static TextMessage Alone(Report report, string item, ReportOutcome? closedAs) =>
        Message(report.Code, new AdditionDigest { Head = NoticeHead.Of(report), Items = [item], ClosedAs = closedAs });

    /// <summary>
    /// The addition posts of one batch of updates, one per chat and report: rows of a batch are written together at its
    /// end, so a later update of the batch could not find an earlier one's post. The first keeps its place (before the
    /// files that followed it) and takes the items of the others.
    /// </summary>
    public static IReadOnlyList<(OutgoingMessage Message, DateTime At)> OnePerBatch(IReadOnlyList<(OutgoingMessage Message, DateTime At)> messages)
    {
        Dictionary<(ChatAddress, string), int>? first = null;
        List<(OutgoingMessage Message, DateTime At)>? merged = null;
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].Message is not TextMessage { SubjectAction: Action, Subject: { } code, Memo: { } memo } post) continue;
            first ??= [];
            merged ??= [.. messages];
            if (!first.TryGetValue((post.To, code), out var at))
            {
                first[(post.To, code)] = i;
                continue;
            }

            if (Read(merged[at].Message) is { } earlier && ReadMemo(memo) is { } later)
            {
                earlier.Items.AddRange(later.Items);
                (earlier.Head, earlier.ClosedAs, earlier.Earlier) = (later.Head, later.ClosedAs, earlier.Earlier || later.Earlier);
                merged[at] = (Message(code, earlier) with { To = post.To, ToKind = post.ToKind, Priority = post.Priority, CausedBy = post.CausedBy }, merged[at].At);
                merged[i] = (null!, default);
            }
        }

        return merged is null ? messages : merged.Where(m => m.Message is not null).ToList();
    }

    private static TextMessage Message(string code, AdditionDigest digest)
    {
        var text = Render(digest);
        while (text.Length > MaxText && digest.Items.Count > 1)
        {
            digest.Items.RemoveAt(0);
            digest.Earlier = true;
            text = Render(digest);
        }

        return new TextMessage(MessageLimits.Cut(text, MaxText), NoticeHead.Buttons(code), Monospace: [code])
            { Subject = code, SubjectAction = Action, Memo = JsonSerializer.Serialize(digest) };
    }

    private static string Render(AdditionDigest digest) =>
        Texts.ToStaffReporterAdded(digest.Head, digest.Earlier ? [Texts.AddedEarlierItems, .. digest.Items] : digest.Items, digest.ClosedAs);

    private static AdditionDigest? Read(OutgoingMessage message) => message is TextMessage { Memo: { } memo } ? ReadMemo(memo) : null;

    private static AdditionDigest? ReadPayload(string payload) => OutgoingJson.Read(payload) is TextMessage { Memo: { } memo } ? ReadMemo(memo) : null;

    private static AdditionDigest? ReadMemo(string memo)
    {
        try
        {
            return JsonSerializer.Deserialize<AdditionDigest>(memo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
