using Assembly.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// The bot starts on a compiled model (src/Storage/CompiledModels, made by <c>dotnet ef dbcontext optimize</c>),
/// which EF uses instead of running the entity configurations. A change to an entity or its configuration that
/// is not followed by a new `optimize` would leave the bot on the old shape; this test notices.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_compiled_model_is_the_model_the_entity_configurations_describe()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var db = new BotDbContext(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(connection).Options);
        var compiled = db.Model;
        var fromCode = db.GetService<IDesignTimeModel>().Model;

        Assert.Equal("BotDbContextModel", compiled.GetType().Name);
        Assert.Equal(Describe(fromCode), Describe(compiled));
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
