namespace Assembly.Bot.Tests.Support;

/// <summary>
/// A test that needs several instances on one database, which only PostgreSQL supports (SQLite is one process per
/// database): skipped, saying why, when <see cref="TestDatabase"/> would give it SQLite.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.PostgresConfigured)
            Skip = "needs PostgreSQL: set BOT_TEST_POSTGRES (.ci/run does)";
    }
}
