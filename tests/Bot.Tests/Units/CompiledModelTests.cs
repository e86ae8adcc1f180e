using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// The bot starts on a compiled model per provider (made by <c>dotnet ef dbcontext optimize</c>: SQLite's in
/// src/Storage/CompiledModels, PostgreSQL's in src/Storage/CompiledModels/Postgres), which EF uses instead of
/// running the entity configurations. A change to an entity or its configuration that is not followed by a new
/// `optimize` would leave the bot on the old shape; these tests notice, for each provider. No server is needed:
/// building a model connects to nothing.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_SQLite_compiled_model_is_the_model_the_entity_configurations_describe()
    {
        var builder = new DbContextOptionsBuilder<BotDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = "Data Source=:memory:" });
        using var db = new BotDbContext(builder.Options);

        Assert.Equal("Assembly.Storage.CompiledModels.BotDbContextModel", db.Model.GetType().FullName);
        Assert.Equal("TEXT", db.Model.FindEntityType(typeof(Report))!.FindProperty(nameof(Report.CreatedAt))!.GetColumnType());
        Assert.Equal(Describe(db.GetService<IDesignTimeModel>().Model), Describe(db.Model));
    }

    [Fact]
    public void The_PostgreSQL_compiled_model_is_the_model_the_entity_configurations_describe()
    {
        var builder = new DbContextOptionsBuilder<PostgresBotDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = "Host=localhost;Database=unused" });
        using var db = new PostgresBotDbContext(builder.Options);

        Assert.Equal("Assembly.Storage.CompiledModels.Postgres.PostgresBotDbContextModel", db.Model.GetType().FullName);
        Assert.Equal("timestamp with time zone", db.Model.FindEntityType(typeof(Report))!.FindProperty(nameof(Report.CreatedAt))!.GetColumnType());
        Assert.Equal(Describe(db.GetService<IDesignTimeModel>().Model), Describe(db.Model));
    }

    [Fact]
    public void Every_model_change_has_its_migration_for_both_providers()
    {
        // The bot skips EF's own check at Migrate (it costs half a second of a first start), so this is the check:
        // a changed entity or configuration without `dotnet ef migrations add` for each context fails here.
        var sqlite = new DbContextOptionsBuilder<BotDbContext>();
        StorageServiceCollectionExtensions.Configure(sqlite, new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = "Data Source=:memory:" }, compiledModel: false);
        using (var db = new BotDbContext(sqlite.Options))
            Assert.False(db.Database.HasPendingModelChanges(), "the SQLite model has changes no migration in Migrations/Sqlite makes");

        var postgres = new DbContextOptionsBuilder<PostgresBotDbContext>();
        StorageServiceCollectionExtensions.Configure(postgres, new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = "Host=localhost;Database=unused" }, compiledModel: false);
        using (var db = new PostgresBotDbContext(postgres.Options))
            Assert.False(db.Database.HasPendingModelChanges(), "the PostgreSQL model has changes no migration in Migrations/Postgres makes");
    }

    [Fact]
    public void No_compiled_model_is_found_by_an_assembly_attribute()
    {
        // `dotnet ef dbcontext optimize` writes an attribute that hands its model to every context of that type,
        // whatever the provider it is configured with; the models are chosen in Configure instead, and the
        // attribute file is deleted after each optimize (see docs/architecture.md).
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
