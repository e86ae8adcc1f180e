using System.Globalization;
using Assembly.Bot.Configuration;
using Assembly.Storage;
using Microsoft.Data.Sqlite;

namespace Assembly.Bot.Cli;

/// <summary>
/// <c>backup FILE</c>: an online copy of the SQLite database into a new file, safe while the bot runs. It uses
/// SQLite's online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): the copy is one
/// consistent snapshot of what was committed when it began, and in WAL mode the bot goes on reading and writing
/// meanwhile (a backup only reads). The copy is written beside FILE under a temporary name, checked
/// (<c>PRAGMA integrity_check</c>), turned into one self-contained file (<c>journal_mode=DELETE</c>; the bot
/// turns WAL on again when it starts on it) and only then given its name, so a file named FILE is a whole backup.
/// The copy is its owner's alone (<see cref="PrivateFile"/>).
/// </summary>
public static class BackupCommand
{
    /// <summary>The tables whose rows are counted in what the command prints.</summary>
    private static readonly (string Table, string Label)[] KeyTables =
        [("Members", "members"), ("Reports", "reports"), ("Meetings", "meetings"), ("Outbox", "outbox messages")];

    public const string UsageText = "Usage: backup FILE, where FILE is a new file for the copy, e.g. backup backups/bot-1405-09-07.db.";

    public static Task<int> RunAsync(string[] args, CliConsole console, IDictionary<string, string?>? overrides = null) =>
        CliCommands.RunAsync(console, async () =>
        {
            var parsed = CliArguments.Parse(args);
            if (parsed.Positional.Count != 1) throw new CliError(UsageText, ExitCodes.Usage);
            await using var settings = BotOptions.Read(BotConfiguration.Read(parsed.Configuration, overrides));
            var written = await BackupAsync(settings.Get<StorageOptions>(), parsed.Positional[0], CancellationToken.None);
            await console.Out.WriteLineAsync(written);
            return ExitCodes.Ok;
        });

    /// <summary>Copies the database into <paramref name="file"/>, which must not exist; returns the sentence to print.</summary>
    public static async Task<string> BackupAsync(StorageOptions storage, string file, CancellationToken ct)
    {
        if (storage.Provider != StorageOptions.Sqlite)
            throw new CliError($"backup copies a SQLite database, and Storage:Provider is '{storage.Provider}'; back that database up with its own tools.");
        var source = StorageServiceCollectionExtensions.SqliteFile(storage.ConnectionString)
            ?? throw new CliError("ConnectionStrings:Bot names an in-memory database; there is no file to back up.");
        if (!File.Exists(source))
            throw new CliError($"There is no database at {source}; nothing was backed up.");

        var target = Path.GetFullPath(file);
        if (File.Exists(target) || Directory.Exists(target))
            throw new CliError($"{file} already exists; a backup never overwrites a file, so give a new name.");
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
            throw new CliError($"The folder {folder} does not exist; create it first.");

        // Reserve a temporary name beside the target (CreateNew: never someone else's file), renamed when complete.
        // It is created empty with the owner-only mode before SQLite opens it, rather than chmod-ed after the copy:
        // SQLite keeps the mode of a file it opens, gives its journal and WAL files the mode of the database, and the
        // rename keeps it too, so no byte of the copy is ever in a file another user may open (a handle opened in a
        // moment before a chmod would stay good after it).
        var partial = $"{target}.partial-{Environment.ProcessId}";
        try
        {
            await using (PrivateFile.CreateNew(partial)) { }
        }
        catch (IOException e)
        {
            throw new CliError($"Cannot write in {folder}: {e.Message}");
        }

        try
        {
            string summary;
            await using (var from = Open(source, SqliteOpenMode.ReadWrite))
            await using (var to = Open(partial, SqliteOpenMode.ReadWrite))
            {
                await from.OpenAsync(ct);
                // The bot may hold the write lock; a backup only reads, and waits for a busy file rather than failing.
                await ExecuteAsync(from, "PRAGMA busy_timeout=30000;", ct);
                await to.OpenAsync(ct);
                from.BackupDatabase(to);
                await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;", ct);
                var check = (string?)await ScalarAsync(to, "PRAGMA integrity_check;", ct);
                if (check != "ok") throw new CliError($"The copy failed SQLite's integrity check ({check}); {file} was not written.");
                summary = await DescribeAsync(to, ct);
            }

            File.Move(partial, target, overwrite: false);
            return $"Backed up {source} to {file}: {CliCommands.Size(new FileInfo(target).Length)}, {summary}.";
        }
        catch (SqliteException e)
        {
            throw new CliError($"The backup failed: {e.Message}");
        }
        catch (IOException e)
        {
            throw new CliError($"The backup could not be written to {file}: {e.Message}");
        }
        finally
        {
            File.Delete(partial);
            File.Delete(partial + "-journal");
        }
    }

    /// <summary>«17 tables; 40 members, 312 reports, 5 meetings, 1,204 outbox messages», read from the copy itself.</summary>
    private static async Task<string> DescribeAsync(SqliteConnection copy, CancellationToken ct)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = copy.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory';";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        }

        var counts = new List<string>();
        foreach (var (table, label) in KeyTables.Where(t => tables.Contains(t.Table)))
        {
            var count = Convert.ToInt64(await ScalarAsync(copy, $"SELECT count(*) FROM \"{table}\";", ct), CultureInfo.InvariantCulture);
            counts.Add(string.Create(CultureInfo.InvariantCulture, $"{count:N0} {label}"));
        }

        return $"{tables.Count} tables" + (counts.Count > 0 ? "; " + string.Join(", ", counts) : "");
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        // No pooling: the files are let go as soon as the command is done with them.
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
