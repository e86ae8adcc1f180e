using Assembly.Bench;
using Assembly.Bot.Configuration;

// Measures the update pipeline of the real host against the in-process fake Bot API, SQLite on disk:
//
//   dotnet run -c Release --project bench -- pipeline [--updates N] [--users M] [--runs R] [--set Key=Value]...
//   dotnet run -c Release --project bench -- latency  [--rate U] [--seconds S] [--users M] [--runs R] [--set Key=Value]...
//   dotnet run -c Release --project bench -- broadcast [--members N] [--runs R] [--restart] [--set Key=Value]...
//
// broadcast measures the paced sending of an announcement against a fake that enforces Telegram's flood
// limits (30 sends per second, 1 per chat, 429 beyond); see BroadcastScenario.
//
//   dotnet run -c Release --project bench -- conversation [--users M] [--reports K] [--rate U] [--runs R] [--peer] [--set Key=Value]...
//
// conversation drives the real report conversation (ReportScript): M members each file K reports, each step
// waiting for the answer to the one before. --rate paces the steps (latency); without it they go as fast as
// answered (throughput). --peer runs the grammY peer (bench/peer-grammy) in every round too and prints the ratio.
// The bot runs as its own executable there (BotProcess), as the peer runs in its own node process, with its own
// runtime settings and heap; with --profile it runs inside the bench's process instead, where the profiler listens.
//
//   dotnet run -c Release --project bench -- start [--runs R]
//   dotnet run -c Release --project bench -- memory [--members N] [--conversations C] [--runs R]
//
// start and memory run the bot's own executable as a separate process (BotProcess): the time to its first
// getUpdates, and its resident memory with N members and C open conversations. pipeline, latency and broadcast run
// the bot's host inside the bench's process, under the bench's garbage collector (server GC, see Bench.csproj).
//
//   dotnet run -c Release --project bench -- idle [--settle S] [--seconds S] [--runs R] [--set Key=Value]...
//
// idle runs the bot's executable and the grammY peer side by side with nothing to do, long-polling with
// production's timeout, and reports the CPU each uses (% of one core) and its resident memory; see IdleScenario.
//
//   dotnet run -c Release --project bench -- export [--reports K] [--rate U] [--seconds S] [--users M] [--runs R] [--set Key=Value]...
//
// export measures members' replies while an admin exports a year of K reports (5,000 by default) again and again:
// the export is read and drawn outside the writer's transaction, so the members' p99 should stay near the latency
// scenario's; see ExportScenario.
//
//   dotnet run -c Release --project bench -- soak [--minutes N]
//
// soak runs the bot's executable for N minutes (10 by default) under faults: 429s, bursts of 5xx, dropped connections,
// sends that hang, a two-minute outage and a kill -9 every minute, while members file reports, staff answer them and an
// announcement goes out; then it prints a ledger proving nothing was lost or doubled, and how many second copies
// there were; see Soak.
//
// BENCH_LOG=1 in the environment keeps the bot's logs (they are off so as not to cost time), to see why a run fails.
//
// --set overrides one setting of the bot (e.g. --set Pipeline:Lanes=1), to compare configurations.
// --profile adds a table of where the time goes (SQL, transactions, HTTP calls); it slows the bot a little.
// Every scenario first makes one warm-up run that is not counted (JIT, tiered compilation, EF model).

if (!BenchOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

#if DEBUG
Console.Error.WriteLine("Warning: a Debug build; run with -c Release for figures worth keeping.");
#endif

try
{
    using var profiler = options.Profile ? new Profiler() : null;
    var measures = options.Scenario switch
    {
        "pipeline" => await PipelineScenario.RunAsync(options, profiler),
        "broadcast" => await BroadcastScenario.RunAsync(options, profiler),
        "conversation" => await ConversationScenario.RunAsync(options, profiler),
        "start" => await StartScenario.RunAsync(options),
        "memory" => await MemoryScenario.RunAsync(options),
        "idle" => await IdleScenario.RunAsync(options),
        "export" => await ExportScenario.RunAsync(options, profiler),
        "soak" => await SoakScenario.RunAsync(options),
        _ => await LatencyScenario.RunAsync(options, profiler),
    };
    Report.Print(options, measures);
    profiler?.Print();
    return 0;
}
catch (BenchFailure e)
{
    // A run that answered wrongly has no speed worth reporting.
    Console.Error.WriteLine("FAILED: " + e.Message);
    return 1;
}
catch (ConfigurationError e)
{
    // A --set the bot refuses: its own one-sentence message names the key.
    Console.Error.WriteLine("Configuration error: " + e.Message);
    return 2;
}
