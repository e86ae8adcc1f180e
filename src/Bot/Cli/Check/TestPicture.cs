using SkiaSharp;

namespace Assembly.Bot.Cli.Check;

/// <summary>The photo the check sends: a small PNG drawn here (SkiaSharp, already in the bot for its charts), no file needed.</summary>
public static class TestPicture
{
    public const string FileName = "check-messenger.png";

    public static byte[] Png()
    {
        using var bitmap = new SKBitmap(160, 90);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x1B, 0x5E, 0x20));
            using var paint = new SKPaint { Color = new SKColor(0xF9, 0xA8, 0x25), IsAntialias = true };
            canvas.DrawCircle(80, 45, 30, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
