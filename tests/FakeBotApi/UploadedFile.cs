namespace Assembly.FakeBotApi;

/// <summary>A file the bot uploaded (multipart form data) with a send, as the server received it.</summary>
public sealed record UploadedFile(long MessageId, long ChatId, string Method, string FileName, byte[] Bytes);
