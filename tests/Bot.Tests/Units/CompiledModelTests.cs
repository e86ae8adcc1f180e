using Assembly.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// On SQLite the bot starts on a compiled model (src/Storage/CompiledModels, made by <c>dotnet ef dbcontext optimize</c>),
/// which EF uses instead of running the entity configurations. A change to an entity or its configuration that
/// is not followed by a new `optimize` would leave the bot on the old shape; this test notices. The compiled
/// model is SQLite's: it is chosen in <see cref="StorageServiceCollectionExtensions.Configure"/> for SQLite only,
/// and PostgreSQL builds its own from the configurations.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_compiled_model_is_the_model_the_entity_configurations_describe()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        var builder = new DbContextOptionsBuilder<BotDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = "Data Source=:memory:" });
        using var db = new BotDbContext(builder.Options);
        var compiled = db.Model;
        var fromCode = db.GetService<IDesignTimeModel>().Model;

        Assert.Equal("BotDbContextModel", compiled.GetType().Name);
        Assert.Equal(Describe(fromCode), Describe(compiled));
    }

    [Fact]
    public void PostgreSQL_never_gets_the_SQLite_compiled_model()
    {
        var builder = new DbContextOptionsBuilder<PostgresBotDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = "Host=localhost;Database=unused" });
        using var db = new PostgresBotDbContext(builder.Options);

        Assert.NotEqual("BotDbContextModel", db.Model.GetType().Name);
        var createdAt = db.Model.FindEntityType(typeof(Assembly.Storage.Entities.Report))!.FindProperty("CreatedAt")!;
        Assert.Equal("timestamp with time zone", createdAt.GetColumnType());
        // `dotnet ef dbcontext optimize` writes an assembly attribute that would hand the SQLite model to every
        // BotDbContext, whatever its provider; it is deleted after each optimize (see the README).
        Assert.Empty(typeof(BotDbContext).Assembly.GetCustomAttributes(typeof(DbContextModelAttribute), false));
    }

    /// <summary>Every table, column, key, index and relationship, one line each, in a stable order.</summary>
    private static List<string> Describe(IModel model) =>
        model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(entity =>
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            return new[] { $"{entity.Name} → {entity.GetTableName()}" }
                .Concat(entity.GetProperties().Select(p =>
                    $"  {p.Name} {p.ClrType.Name} column {p.GetColumnName(table)} {(p.IsNullable ? "null" : "not null")} "
                    + $"max {p.GetMaxLength()} converter {p.GetValueConverter()?.GetType().Name} concurrency {p.IsConcurrencyToken}"))
                .Concat(entity.GetKeys().Select(k => $"  key ({string.Join(", ", k.Properties.Select(p => p.Name))}) primary {k.IsPrimaryKey()}"))
                .Concat(entity.GetIndexes().Select(i => $"  index ({string.Join(", ", i.Properties.Select(p => p.Name))}) unique {i.IsUnique} filter {i.GetFilter()}"))
                .Concat(entity.GetForeignKeys().Select(f => $"  fk ({string.Join(", ", f.Properties.Select(p => p.Name))}) → {f.PrincipalEntityType.Name} delete {f.DeleteBehavior}"))
                .OrderBy(line => line, StringComparer.Ordinal);
        }).ToList();
}
