using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using ScottPlot;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// The charts of a period, as PNG bytes: reports per month by secretariat, and outcomes per secretariat.
/// Read right to left like the rest of the bot: the first month (or secretariat) stands on the right, the
/// count axis is on the right, every label is Persian (Vazirmatn, shaped by HarfBuzz) with Persian digits.
/// </summary>
public static class ReportCharts
{
    public const int Width = 1000, Height = 600;

    private static readonly Color[] SecretariatColors = [Color.FromHex("#1f77b4"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#ff7f0e"), Color.FromHex("#8c564b")];

    private static readonly (string Label, Color Color)[] OutcomeStyles =
    [
        (Texts.OutcomeLabel(ReportOutcome.Resolved), Color.FromHex("#2ca02c")),
        (Texts.OutcomeLabel(ReportOutcome.Unresolved), Color.FromHex("#ff7f0e")),
        (Texts.OutcomeLabel(ReportOutcome.Rejected), Color.FromHex("#d62728")),
        (Texts.OutcomeLabel(ReportOutcome.Duplicate), Color.FromHex("#7f7f7f")),
        (Texts.StatsOpen, Color.FromHex("#9ecae1")),
    ];

    /// <summary>Grouped bars: for each month of the period, one bar per secretariat of the scope.</summary>
    public static byte[] PerMonth(ReportStatistics stats, TimeZoneInfo zone, bool withTitle = true)
    {
        var plot = NewPlot(withTitle ? Texts.ChartPerMonthTitle(stats.Period.Label) : null);
        var months = stats.PerMonth(zone);
        var secretariats = stats.Scope.Secretariats;
        var crossesYears = months.Select(m => m.Month.Year).Distinct().Count() > 1;
        var groupWidth = 0.8;
        var barWidth = groupWidth / Math.Max(1, secretariats.Count);
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < months.Count; i++)
        {
            var center = RightToLeft(i, months.Count);
            // The year beside the first month and beside Farvardin, the other months by name only.
            var label = i == 0 || (crossesYears && months[i].Month.Month == 1) ? months[i].Month.Label : months[i].Month.ShortLabel;
            ticks.Add(new Tick(center, ChartText.Visual(label)));
            for (var k = 0; k < secretariats.Count; k++)
            {
                var value = months[i].PerSecretariat[k];
                // The first secretariat on the right of its group, as the legend reads.
                var position = center + groupWidth / 2 - barWidth * (k + 0.5);
                bars.Add(new Bar
                {
                    Position = position, Value = value, Size = barWidth * 0.92, FillColor = SecretariatColors[k % SecretariatColors.Length],
                    LineWidth = 0, Label = value > 0 && months.Count * secretariats.Count <= 40 ? ChartText.Visual(PersianText.ToPersianDigits(value)) : "",
                });
            }
        }

        Finish(plot, bars, ticks, secretariats.Select((s, k) => (s.Name, SecretariatColors[k % SecretariatColors.Length])).ToList());
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Stacked bars: for each secretariat, its reports by outcome (and those still open).</summary>
    public static byte[] Outcomes(ReportStatistics stats, bool withTitle = true)
    {
        var plot = NewPlot(withTitle ? Texts.ChartOutcomesTitle(stats.Period.Label) : null);
        var secretariats = stats.Scope.Secretariats;
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < secretariats.Count; i++)
        {
            var x = RightToLeft(i, secretariats.Count);
            ticks.Add(new Tick(x, ChartText.Visual(secretariats[i].Name)));
            var mine = stats.Reports.Where(r => r.Secretariat == secretariats[i].Key).ToList();
            var values = ReportStatistics.Outcomes.Select(o => mine.Count(r => r.Stage == ReportStage.Closed && r.Outcome == o))
                .Append(mine.Count(r => r.Stage != ReportStage.Closed)).ToList();
            double bottom = 0;
            for (var k = 0; k < values.Count; k++)
            {
                if (values[k] == 0) continue;
                bars.Add(new Bar
                {
                    Position = x, ValueBase = bottom, Value = bottom + values[k], Size = 0.6, FillColor = OutcomeStyles[k].Color, LineWidth = 0,
                    Label = ChartText.Visual(PersianText.ToPersianDigits(values[k])), CenterLabel = true,
                });
                bottom += values[k];
            }
        }

        Finish(plot, bars, ticks, OutcomeStyles.ToList());
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Item <paramref name="i"/> of <paramref name="count"/>, placed so the first stands on the right.</summary>
    private static double RightToLeft(int i, int count) => count - 1 - i;

    private static Plot NewPlot(string? title)
    {
        ChartFonts.Ensure();
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        if (title is not null)
        {
            plot.Title(ChartText.Visual(title));
            plot.Axes.Title.Label.FontName = ChartFonts.Family;
            plot.Axes.Title.Label.FontSize = 22;
            plot.Axes.Title.Label.Bold = true;
        }

        return plot;
    }

    private static void Finish(Plot plot, List<Bar> bars, List<Tick> ticks, IReadOnlyList<(string Label, Color Color)> legend)
    {
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontName = ChartFonts.Family;
        barPlot.ValueLabelStyle.FontSize = 13;
        // The count axis on the right, where a right-to-left reader starts.
        barPlot.Axes.YAxis = plot.Axes.Right;
        plot.Grid.YAxis = plot.Axes.Right;
        plot.Axes.Left.IsVisible = false;
        plot.Axes.Left.MinimumSize = 30;
        plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = v => ChartText.Visual(PersianText.ToPersianDigits(((long)Math.Round(v)).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
        plot.Axes.Right.TickLabelStyle.FontName = ChartFonts.Family;
        plot.Axes.Right.TickLabelStyle.FontSize = 14;
        plot.Axes.Right.Label.Text = ChartText.Visual(Texts.StatsCount);
        plot.Axes.Right.Label.FontName = ChartFonts.Family;
        plot.Axes.Right.Label.FontSize = 16;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontName = ChartFonts.Family;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Axes.SetLimitsX(-0.6, Math.Max(1, ticks.Count) - 0.4);

        // Laid out left to right by the library: added last to first, so the first stands on the right.
        foreach (var (label, color) in legend.Reverse())
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = ChartText.Visual(label), FillColor = color });
        plot.Legend.FontName = ChartFonts.Family;
        plot.Legend.FontSize = 14;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
    }
}
