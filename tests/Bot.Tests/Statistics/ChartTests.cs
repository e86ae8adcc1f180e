using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Statistics;
using SkiaSharp;

namespace Assembly.Bot.Tests.Statistics;

/// <summary>The charts checked as images: size, something drawn, and the text really rendered in the Persian font.</summary>
public sealed class ChartTests : IAsyncLifetime
{
    private readonly ChatHarness _chat = new();
    private ReportStatistics _stats = null!;

    public async Task InitializeAsync()
    {
        await using var db = _chat.Db();
        await KnownReports.SeedAsync(db, _chat.Context.Zone, _chat.Now);
        var period = StatsPeriod.OfMonths(KnownReports.Mehr, KnownReports.Azar, _chat.Context.Zone);
        _stats = await ReportStatistics.ComputeAsync(db, period, new StatsScope(_chat.Context.Assembly.Secretariats, true), _chat.Now, _chat.Context.Zone, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not an image");

    /// <summary>Pixels in a rectangle that are clearly not the white background.</summary>
    private static int Ink(SKBitmap image, int left, int top, int right, int bottom)
    {
        var count = 0;
        for (var y = top; y < bottom; y++)
            for (var x = left; x < right; x++)
            {
                var c = image.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 600) count++;
            }

        return count;
    }

    public static TheoryData<string> Charts => ["per-month", "outcomes"];

    private byte[] Draw(string chart, bool withTitle) => chart == "per-month"
        ? ReportCharts.PerMonth(_stats, _chat.Context.Zone, withTitle)
        : ReportCharts.Outcomes(_stats, withTitle);

    [Theory]
    [MemberData(nameof(Charts))]
    public void A_chart_is_a_png_of_the_promised_size_with_bars_drawn(string chart)
    {
        using var image = Decode(Draw(chart, withTitle: true));
        Assert.Equal(ReportCharts.Width, image.Width);
        Assert.Equal(ReportCharts.Height, image.Height);
        var inked = Ink(image, 0, 0, image.Width, image.Height) / (double)(image.Width * image.Height);
        Assert.InRange(inked, 0.03, 0.6);
        // Bars are colour, not only black text and grey lines.
        var coloured = 0;
        for (var y = 0; y < image.Height; y += 2)
            for (var x = 0; x < image.Width; x += 2)
            {
                var c = image.GetPixel(x, y);
                if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 80) coloured++;
            }

        Assert.True(coloured > 2000, $"only {coloured} coloured pixels");
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void The_title_is_rendered_text(string chart)
    {
        using var titled = Decode(Draw(chart, withTitle: true));
        using var bare = Decode(Draw(chart, withTitle: false));
        var withTitle = Ink(titled, 0, 0, titled.Width, 45);
        var without = Ink(bare, 0, 0, bare.Width, 45);
        // Without a title the plot moves up into the band (its frame line, a few value labels); the title adds
        // the ink of a line of text on top of that.
        Assert.True(withTitle - without > 1000, $"the title added only {withTitle - without} ink pixels ({without} → {withTitle})");
        // Centred, as a line of text is: ink on both halves of the band.
        Assert.True(Ink(titled, 0, 0, titled.Width / 2, 45) > 300 && Ink(titled, titled.Width / 2, 0, titled.Width, 45) > 300);
    }

    [Fact]
    public void The_axis_labels_and_legend_are_drawn_under_the_plot()
    {
        using var image = Decode(Draw("per-month", withTitle: true));
        // The month names under the bars and the legend at the bottom.
        Assert.True(Ink(image, 0, image.Height - 110, image.Width, image.Height) > 3000);
    }

    [Fact]
    public void The_font_is_the_embedded_Vazirmatn_with_Persian_letters_and_digits()
    {
        ChartFonts.Ensure();
        var typeface = ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: false, italic: false);
        Assert.Equal("Vazirmatn", typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs("مسئله‌های رسیده پژوهش گچ ۰۱۲۳۴۵۶۷۸۹"));
        Assert.Equal("Vazirmatn", ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false).FamilyName);
        Assert.True(ScottPlot.LabelStyle.RTLSupport);
    }
}
