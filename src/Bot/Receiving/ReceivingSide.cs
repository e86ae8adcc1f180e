using Assembly.Bot.Messengers;
using Assembly.Bot.Pipeline;
using Assembly.Bot.Sending;

namespace Assembly.Bot.Receiving;

/// <summary>
/// What every messenger's receiving shares: the pipeline updates go into, the stored poll offsets, the webhooks that
/// replace polling where configured, the answers to button presses (let finish when receiving stops), and the
/// redactor that keeps tokens out of its log lines.
/// </summary>
public sealed record ReceivingSide(
    UpdatePipeline Pipeline,
    PollCursorStore Cursors,
    IEnumerable<WebhookReceiver> Webhooks,
    ButtonAnswerer Answerer,
    SecretRedactor Redactor,
    CommandMenus Menus);
