using Assembly.Conversations.Flows;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Commands;

/// <summary>
/// One use of a command or a button, as its handler sees it: the turn, what was typed or pressed, who and where.
/// </summary>
/// <param name="arguments">What followed the command's name; for a button, its whole data.</param>
public sealed class CommandCall(Turn turn, string name, string arguments, CallPlace place, FlowContext context, StaffDesk staff)
{
    private readonly Conversation? conversation = place.Conversation;
    private readonly IReadOnlyList<string>? staffChatOf = place.StaffChatOf;
    private readonly PrivateChat? chat = place.Chat;

    private Actor? _actor;

    public Turn Turn => turn;

    public string Name => name;

    public string Arguments => arguments;

    /// <summary>The registered member who wrote or pressed, if they are one.</summary>
    public Member? Member => turn.Sender;

    public Conversation? Conversation => conversation;

    public IReadOnlyList<string>? StaffChatOf => staffChatOf;

    public bool InStaffChat => staffChatOf is not null;

    public FlowContext Context => context;

    public StaffDesk Staff => staff;

    public PrivateChat Chat => chat ?? throw new InvalidOperationException($"/{name} holds a conversation, which only a private chat has.");

    /// <summary>Who is acting, read once per turn; in a staff chat, as that chat's staff only (<see cref="Actor.Within"/>).</summary>
    public async Task<Actor> ActorAsync(CancellationToken ct)
    {
        if (_actor is null)
        {
            var actor = await staff.ActorAsync(turn, turn.Sender, ct);
            _actor = staffChatOf is null ? actor : actor.Within(staffChatOf);
        }

        return _actor;
    }
}

/// <summary>Where a command was used.</summary>
/// <param name="Conversation">The private chat's conversation, if any.</param>
/// <param name="StaffChatOf">In a secretariat's staff chat, the secretariats it serves; null in a private chat.</param>
/// <param name="Chat">The private chat's conversations (null in a staff chat, where none are held).</param>
public sealed record CallPlace(Conversation? Conversation, IReadOnlyList<string>? StaffChatOf, PrivateChat? Chat);
