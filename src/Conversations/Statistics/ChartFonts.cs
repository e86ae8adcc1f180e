using ScottPlot;
using SkiaSharp;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// The Persian font of every chart (Vazirmatn, embedded in this assembly, OFL-licensed; see Fonts/), so a
/// chart looks the same on any machine, fonts installed or not. ScottPlot keeps its fonts and its
/// right-to-left switch in static state: both are set once, here, before the first chart is drawn.
/// </summary>
public static class ChartFonts
{
    public const string Family = "Vazirmatn";

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new EmbeddedResolver());
        // Labels are shaped by HarfBuzz and laid out right to left: Persian letters join and words run in order.
        LabelStyle.RTLSupport = true;
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Ensure() => _ = Registered.Value;

    /// <summary>Serves the embedded Vazirmatn (regular or bold) and nothing else.</summary>
    private sealed class EmbeddedResolver : IFontResolver
    {
        private static readonly Lazy<SKTypeface> Regular = new(() => Load("Fonts.Vazirmatn-Regular.ttf"));
        private static readonly Lazy<SKTypeface> Bold = new(() => Load("Fonts.Vazirmatn-Bold.ttf"));

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? Bold.Value : Regular.Value) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

        private static SKTypeface Load(string resource)
        {
            using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The chart font {resource} is not embedded.");
            return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The chart font {resource} could not be read.");
        }
    }
}
