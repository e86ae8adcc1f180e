using System.Globalization;
using System.Text.Json;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Telegram.Bot;
using Telegram.Bot.Types;

// What the bot's stack alone holds when idle: "host" (the generic host), "ef" (and EF Core with the bot's compiled model:
// the schema brought up to date and two queries), "telegram" (and Telegram.Bot reading one update, no EF) or "all".
// Then it waits, so the runtime settles as the idle bot's does, and prints its resident memory.
if (args.Length != 3 || args[0] is not ("host" or "ef" or "telegram" or "all")
    || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
{
    await Console.Error.WriteLineAsync("Usage: host|ef|telegram|all DATABASE_FILE SECONDS");
    return 2;
}

var (stage, database) = (args[0], args[1]);
var builder = Host.CreateApplicationBuilder();
if (stage is "ef" or "all")
    builder.Services.AddStorage(new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = "Data Source=" + database });
using var host = builder.Build();
await host.StartAsync();

if (stage is "ef" or "all")
{
    await host.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
    await using var db = await host.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
    Console.WriteLine($"members {await db.Members.CountAsync()}, reports due {await db.Reports.CountAsync(r => r.DueAt != null)}");
}

if (stage is "telegram" or "all")
{
    const string Answer = """{"ok":true,"result":[{"update_id":5,"message":{"message_id":7,"date":1700000000,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"A"},"text":"/start"}}]}""";
    var updates = JsonSerializer.Deserialize<ApiResponse<Update[]>>(Answer, JsonBotAPI.Options);
    Console.WriteLine($"update text {updates?.Result?[0].Message?.Text}");
}

await Task.Delay(TimeSpan.FromSeconds(seconds), TimeProvider.System);
Console.WriteLine(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS", StringComparison.Ordinal)));
await host.StopAsync();
return 0;
