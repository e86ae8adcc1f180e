using Assembly.Bot.Configuration;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Statistics;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Cli;

/// <summary>
/// <c>export [PERIOD] [--out FILE]</c>: the reports as CSV, the same file <c>/export</c> sends in chat
/// (<see cref="ExportRows"/>, <see cref="ReportCsv"/>: UTF-8 with a byte-order mark, Persian columns, Solar Hijri
/// dates, an anonymous reporter «ناشناس»). A period is read as in chat (<see cref="StatsPeriod.TryParse"/>:
/// <c>1404/08</c>, <c>1404</c>, <c>1404/01 تا 1404/06</c>); none means every report in the database, of every
/// secretariat, including one no longer configured (named by its key). With <c>--out</c> the file must be new;
/// without it the CSV goes to standard output and what was written to standard error. A period without reports
/// writes nothing, says so and exits with 1, as the chat answers with a message rather than an empty file. The file
/// is its owner's alone (<see cref="PrivateFile"/>): it holds members' names and numbers.
/// </summary>
public static class ExportCommand
{
    public const string OutOption = "out";

    public static Task<int> RunAsync(string[] args, CliConsole console, IDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null) =>
        CliCommands.RunAsync(console, async () =>
        {
            var parsed = CliArguments.Parse(args, OutOption);
            var periodText = string.Join(' ', parsed.Positional).Trim();
            var outFile = parsed.Options.GetValueOrDefault(OutOption);

            var configuration = BotConfiguration.Read(parsed.Configuration, overrides);
            await using var services = CliServices.Build(configuration, configureServices);
            var assembly = services.Get<AssemblyOptions>();
            var storage = services.Get<StorageOptions>();
            var zone = TimeZoneInfo.FindSystemTimeZoneById(assembly.TimeZone);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

            StatsPeriod? period = null;
            if (periodText.Length > 0 && !StatsPeriod.TryParse(periodText, now, zone, out period, out var error))
                throw new CliError($"Cannot read the period '{periodText}' (write a Solar month like 1404/08, a year like 1404, or nothing for every report): {error}",
                    ExitCodes.Usage);
            if (outFile is not null && (File.Exists(outFile) || Directory.Exists(outFile)))
                throw new CliError($"{outFile} already exists; an export never overwrites a file, so give a new name.");

            if (storage.Provider == StorageOptions.Sqlite
                && StorageServiceCollectionExtensions.SqliteFile(storage.ConnectionString) is { } dbFile && !File.Exists(dbFile))
                throw new CliError($"There is no database at {dbFile}; nothing was exported.");
            await using var db = await services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
                throw new CliError("The database is older than this version of the bot; run the migrate command first (with the bot stopped), then export.");

            var scope = await WholeScopeAsync(db, assembly);
            var what = period is null ? "every report" : $"the reports of {periodText} ({period.Label})";
            period ??= new StatsPeriod(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), "all");
            var stats = await ReportStatistics.ComputeAsync(db, period, scope, now, zone, CancellationToken.None, withPrevious: false);
            if (stats.Received == 0)
                throw new CliError(periodText.Length == 0
                    ? "The database has no reports yet; nothing was exported."
                    : $"No reports were received in {periodText} ({period.Label}); nothing was exported.");

            var csv = ReportCsv.Write(await ExportRows.BuildAsync(db, stats, zone, CancellationToken.None));
            var counted = $"{stats.Received} reports, {stats.Anonymous} of them with the reporter shown as «ناشناس» (anonymous)";
            if (outFile is null)
            {
                await using (var stdout = console.OpenStandardOutput())
                {
                    await stdout.WriteAsync(csv);
                    await stdout.FlushAsync();
                }

                await console.Error.WriteLineAsync($"Exported {what} as CSV: {counted}.");
            }
            else
            {
                try
                {
                    await using var file = PrivateFile.CreateNew(outFile);
                    await file.WriteAsync(csv);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliError($"Cannot write {outFile}: {e.Message}");
                }

                await console.Out.WriteLineAsync($"Exported {what} to {outFile} (CSV, UTF-8 with a byte-order mark, {CliCommands.Size(csv.Length)}): {counted}.");
            }

            return ExitCodes.Ok;
        });

    /// <summary>Every configured secretariat, and any other key the reports still hold (a secretariat removed from the settings).</summary>
    private static async Task<StatsScope> WholeScopeAsync(BotDbContext db, AssemblyOptions assembly)
    {
        var configured = assembly.Secretariats.Select(s => s.Key).ToList();
        var others = await db.Reports.Select(r => r.Secretariat).Distinct().Where(k => !configured.Contains(k)).ToListAsync();
        return new StatsScope([.. assembly.Secretariats, .. others.Order(StringComparer.Ordinal).Select(k => new SecretariatOptions { Key = k, Name = k })], Whole: true);
    }
}
