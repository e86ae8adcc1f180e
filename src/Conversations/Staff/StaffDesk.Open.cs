using Assembly.Conversations.Reports;
using Assembly.Conversations.Turns;

namespace Assembly.Conversations.Staff;

public sealed partial class StaffDesk
{
    /// <summary>«نمایش مسئله» under a notice: the report as <c>/show</c> prints it, with its action buttons.</summary>
    private Task OpenAsync(Turn turn, ReportAggregate report, CancellationToken ct) => ShowAsync(turn, report.Report, ct);
}
