namespace Assembly.Storage;

/// <summary>Which database the bot keeps its state in (<c>Storage:Provider</c>, <c>ConnectionStrings:Bot</c>).</summary>
public sealed class StorageOptions
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public string Provider { get; set; } = "";
    public string ConnectionString { get; set; } = "";
}
