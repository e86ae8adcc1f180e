using System.Text.Json;

namespace Assembly.Conversations.Messages;

/// <summary>The one way an outgoing message is written to and read from an outbox row.</summary>
public static class OutgoingJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(OutgoingMessage message) => JsonSerializer.Serialize(message, Options);

    /// <summary>
    /// What a payload becomes once its text is no longer kept (retention, a forgotten member): an empty text that
    /// <see cref="Read"/> still accepts, so nothing that reads an old row has to know it was emptied.
    /// </summary>
    public static readonly string Emptied = Write(new TextMessage(""));

    public static OutgoingMessage Read(string json) =>
        JsonSerializer.Deserialize<OutgoingMessage>(json, Options) ?? throw new JsonException("Empty outbox payload.");
}
