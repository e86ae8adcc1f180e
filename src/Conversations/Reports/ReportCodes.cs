using Assembly.Conversations.Text;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Reports;

/// <summary>
/// Hands out tracking codes: the secretariat's letters and the next number of that prefix, from 1001. Runs
/// inside the update's transaction. On SQLite there is one writer at a time; on PostgreSQL two transactions
/// (two lanes, two instances) filing reports of one secretariat at once would read the same last code, and the
/// second would fail on the unique index and its member get an apology, so the prefix is locked until commit
/// and the second reads the first's code. The unique index stays as the last word.
/// </summary>
public static class ReportCodes
{
    private const int First = 1001;

    /// <summary>Asked at every report filed, so compiled (<see cref="PerModel{TSet}"/>).</summary>
    private sealed class Queries
    {
        public readonly Func<BotDbContext, string, CancellationToken, Task<string?>> LastCode = EF.CompileAsyncQuery(
            (BotDbContext db, string head, CancellationToken ct) =>
                db.Reports.Where(r => r.Code.StartsWith(head)).OrderByDescending(r => r.Id).Select(r => r.Code).FirstOrDefault());
    }

    public static async Task<string> NextAsync(BotDbContext db, string prefix, CancellationToken ct)
    {
        var head = prefix + "-";
        await TransactionLocks.TakeAsync(db, "report-code:" + prefix, ct);
        var last = await PerModel<Queries>.For(db).LastCode(db, head, ct);
        var next = last is not null && int.TryParse(last.AsSpan(head.Length), out var n) ? n + 1 : First;
        return TrackingCode.Format(prefix, next);
    }
}
