using Assembly.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Support;

/// <summary>A real SQLite file in a temporary folder, deleted afterwards. Two hosts opened on it share it, as after a restart.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assembly-bot-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase() => Directory.CreateDirectory(_folder);

    public string File => Path.Combine(_folder, "bot.db");

    public string ConnectionString => $"Data Source={File}";

    /// <summary>Opens the file directly, for looking at what a host left behind after it stopped.</summary>
    public BotDbContext Open() => new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pool in another test: the temp folder is cleaned by the OS later.
        }
    }
}
