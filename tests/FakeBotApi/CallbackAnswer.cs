namespace Assembly.FakeBotApi;

/// <summary>One answerCallbackQuery that took effect.</summary>
public sealed record CallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert, DateTimeOffset At);
