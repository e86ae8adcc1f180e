using Assembly.Conversations.Messages;
using Assembly.Storage.Entities;
using Assembly.Storage.Outbox;
using Microsoft.Extensions.Hosting;

namespace Assembly.Bot.ConsoleChat;

/// <summary>Reads what is typed in the terminal and plays it as the current user.</summary>
public sealed class ConsoleChatLoop(ConsoleMessenger messenger, ConsoleTerminal terminal, IOutbox outbox, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    private readonly TextReader _input = terminal.Input;
    private readonly TextWriter _output = terminal.Output;

    private const string Usage =
        """
        گفتگوی آزمایشی در ترمینال. هر خطی که بنویسید از طرف کاربر فعلی به ربات می‌رسد.
          :as NAME     کاربر دیگری شوید (مثلاً :as ali یا :as admin)
          NUMBER       دکمه شماره NUMBER از آخرین پیام ربات را بزنید
          :sticker     یک استیکر بفرستید      :voice   یک پیام صوتی
          :photo       یک عکس بفرستید         :edit TEXT  پیام قبلی را ویرایش کنید
          :contact 09121234567   شماره خودتان را با دکمه بفرستید
          :location    موقعیت مکانی بفرستید
          :reply TEXT  در پاسخ به آخرین پیام ربات بنویسید
          :help        همین راهنما            :quit    خروج
        """;

    /// <summary>How long the end of input waits for what is owed: a stuck send must not hold the terminal for ever.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(60);

    /// <summary>How long a line waits for the answers to the one before it.</summary>
    private static readonly TimeSpan LineLimit = TimeSpan.FromSeconds(15);

    private string _user = "ali";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _output.WriteLine(Usage);
        _output.WriteLine($"شما «{_user}» هستید. برای شروع /start را بفرستید.");
        var drain = new ConsoleDrain(messenger, outbox);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Each line is played after the answers to the one before, as a person reads before typing: piped input
            // then presses the buttons of the message it follows, not of one printed earlier.
            await drain.UntilAnsweredAsync(LineLimit, stoppingToken);
            var line = await Task.Run(_input.ReadLine, stoppingToken);
            if (line is null || line.Trim() == ":quit")
            {
                // Input piped from a file ends long before its answers are sent: they are printed first.
                await drain.UntilAnsweredAsync(DrainLimit, stoppingToken);
                lifetime.StopApplication();
                return;
            }

            Handle(line);
        }
    }

    private void Handle(string line)
    {
        var trimmed = line.Trim();
        var userId = ConsoleUsers.IdOf(_user);
        var from = new Sender(userId, _user, null, _user);
        var chat = new ChatAddress(ConsoleMessenger.MessengerName, userId);
        var message = new IncomingMessage(chat, ChatKind.Private, IncomingKind.Text, from, MessageId: messenger.NextMessageId(), Text: line);

        if (trimmed.StartsWith(":as ", StringComparison.Ordinal) && trimmed.Length > 4)
        {
            _user = trimmed[4..].Trim();
            ConsoleUsers.IdOf(_user);
            _output.WriteLine($"اکنون «{_user}» هستید.");
            return;
        }

        switch (trimmed)
        {
            case ":help":
                _output.WriteLine(Usage);
                return;
            case ":sticker":
                messenger.Type(message with { Kind = IncomingKind.Media, Text = null, Attachment = new Attachment(AttachmentKind.Sticker, "console-sticker") });
                return;
            case ":voice":
                messenger.Type(message with { Kind = IncomingKind.Media, Text = null, Attachment = new Attachment(AttachmentKind.Voice, "console-voice") });
                return;
            case ":photo":
                messenger.Type(message with { Kind = IncomingKind.Media, Text = null, Attachment = new Attachment(AttachmentKind.Photo, "console-photo") });
                return;
        }

        if (trimmed.StartsWith(":contact", StringComparison.Ordinal))
        {
            var phone = trimmed[":contact".Length..].Trim();
            messenger.Type(message with { Kind = IncomingKind.Contact, Text = null, Contact = new SharedContact(phone.Length > 0 ? phone : "+989120000000", userId, _user) });
            return;
        }

        if (trimmed == ":location")
        {
            messenger.Type(message with { Kind = IncomingKind.Location, Text = null, Location = new GeoPoint(33.9850, 51.4100) });
            return;
        }

        if (trimmed.StartsWith(":reply ", StringComparison.Ordinal))
        {
            messenger.Type(message with { Text = trimmed[7..], ReplyToMessageId = messenger.LastSentTo(userId) });
            return;
        }

        if (trimmed.StartsWith(":edit ", StringComparison.Ordinal))
        {
            messenger.Type(message with { Kind = IncomingKind.Edited, Text = trimmed[6..] });
            return;
        }

        if (int.TryParse(Conversations.Text.PersianText.ToLatinDigits(trimmed), out var number))
        {
            var buttons = messenger.ButtonsOf(userId);
            if (number >= 1 && number <= buttons.Count)
            {
                var button = buttons[number - 1];
                if (button.SharesContact)
                {
                    // The console has no phone book: the pretend number is made from the user's id.
                    var pretend = "+98912" + (userId % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
                    messenger.Type(message with { Kind = IncomingKind.Contact, Text = null, Contact = new SharedContact(pretend, userId, _user) });
                    return;
                }

                messenger.Type(button.Data is null
                    ? message with { Text = button.Label }
                    : message with { Kind = IncomingKind.ButtonPress, Text = null, ButtonData = button.Data, ButtonPressId = Guid.NewGuid().ToString("N") });
                return;
            }
        }

        messenger.Type(trimmed.StartsWith(':') ? message : message with { ReplyToMessageId = messenger.TakeForcedReply(userId) });
    }
}
