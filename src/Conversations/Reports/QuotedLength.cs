namespace Assembly.Conversations.Reports;

/// <summary>
/// How much of a member's field a summary quotes (the preview, the staff post): enough to read, short enough that the
/// whole summary, with its buttons, stays one message. Longer fields are cut with «…»; the full text stays reachable
/// (the «متن کامل» button under the staff post, <c>/show</c>).
/// </summary>
public static class QuotedLength
{
    public const int Description = 1500;
    public const int Solution = 800;
    public const int Place = 300;
}
