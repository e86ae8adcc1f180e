using System.Globalization;

namespace Assembly.Bench;

/// <summary>The scenario and its parameters, as given on the command line.</summary>
internal sealed record BenchOptions(
    string Scenario, int Updates, int Users, int Runs, int Rate, int Seconds, bool Profile, IReadOnlyList<KeyValuePair<string, string>> Settings,
    int Members = 10_000, bool Restart = false, int Reports = 4, bool Peer = false, int Conversations = 10_000, int Conversing = 0, int Settle = 20, int Minutes = 10)
{
    public const string Usage =
        "Usage: pipeline  [--updates N] [--users M] [--runs R] [--set Key=Value]... [--profile]\n" +
        "       latency   [--rate U] [--seconds S] [--users M] [--runs R] [--set Key=Value]... [--profile]\n" +
        "       broadcast [--members N] [--runs R] [--restart] [--conversing M [--rate U] [--reports K]] [--set Key=Value]... [--profile]\n" +
        "       conversation [--users M] [--reports K] [--rate U] [--runs R] [--peer] [--set Key=Value]... [--profile]\n" +
        "       start [--runs R] [--set Key=Value]...\n" +
        "       memory [--members N] [--conversations C] [--runs R]\n" +
        "       idle [--settle S] [--seconds S] [--runs R] [--restart] [--set Key=Value]...\n" +
        "       export [--reports K] [--rate U] [--seconds S] [--users M] [--runs R] [--set Key=Value]... [--profile]\n" +
        "       soak [--minutes N] [--set Key=Value]...";

    /// <summary>Runs when --runs is not given; a broadcast of 10,000 at 30/s takes nearly six minutes a run.</summary>
    private const int DefaultRuns = 5, DefaultBroadcastRuns = 3;

    /// <summary>The command that repeats this measurement, every parameter spelled out.</summary>
    public string Command
    {
        get
        {
            var scenario = Scenario switch
            {
                "pipeline" => $"pipeline --updates {Updates} --users {Users} --runs {Runs}",
                "broadcast" => $"broadcast --members {Members} --runs {Runs}" + (Restart ? " --restart" : "")
                    + (Conversing > 0 ? $" --conversing {Conversing} --rate {Rate} --reports {Reports}" : ""),
                "conversation" => $"conversation --users {Users} --reports {Reports}" + (Rate > 0 ? $" --rate {Rate}" : "") + $" --runs {Runs}"
                    + (Peer ? " --peer" : ""),
                "start" => $"start --runs {Runs}",
                "memory" => $"memory --members {Members} --conversations {Conversations} --runs {Runs}",
                "idle" => $"idle --settle {Settle} --seconds {Seconds} --runs {Runs}" + (Restart ? " --restart" : ""),
                "export" => $"export --reports {Reports} --rate {Rate} --seconds {Seconds} --users {Users} --runs {Runs}",
                "soak" => $"soak --minutes {Minutes}",
                _ => $"latency --rate {Rate} --seconds {Seconds} --users {Users} --runs {Runs}",
            };
            var settings = string.Concat(Settings.Select(s => $" --set {s.Key}={s.Value}"));
            return "dotnet run -c Release --project bench -- " + scenario + settings + (Profile ? " --profile" : "");
        }
    }

    public static bool TryParse(string[] args, out BenchOptions options, out string error)
    {
        options = new BenchOptions("", Updates: 20_000, Users: 500, Runs: DefaultRuns, Rate: 300, Seconds: 10, Profile: false, Settings: []);
        error = "";
        if (args.Length == 0 || args[0] is not ("pipeline" or "latency" or "broadcast" or "conversation" or "start" or "memory" or "idle" or "export" or "soak"))
        {
            error = "Name a scenario: pipeline, latency, broadcast, conversation, start, memory, idle, export or soak.";
            return false;
        }

        var broadcast = args[0] == "broadcast";
        var conversation = args[0] == "conversation";
        var memory = args[0] == "memory";
        var idle = args[0] == "idle";
        var export = args[0] == "export";
        var soak = args[0] == "soak";
        // The conversation runs as fast as it is answered unless --rate paces it.
        options = options with { Scenario = args[0], Runs = broadcast || memory || idle ? DefaultBroadcastRuns : DefaultRuns, Seconds = idle ? 60 : options.Seconds, Members = memory ? 100_000 : options.Members, Rate = conversation ? 0 : broadcast ? 10 : options.Rate, Reports = broadcast ? 2 : export ? 5_000 : options.Reports };
        // A busy bot, not a flooded one: the members' replies are measured beside the export, not the pipeline's limit.
        if (export) options = options with { Rate = 50, Seconds = 40, Users = 200 };
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--profile")
            {
                options = options with { Profile = true };
                continue;
            }

            if (soak && name is not ("--minutes" or "--set"))
            {
                error = $"{name} does not apply to the soak scenario (it has --minutes and --set).";
                return false;
            }

            if (name is "--minutes" && !soak)
            {
                error = "--minutes applies to the soak scenario only.";
                return false;
            }

            if (name is "--settle" && !idle)
            {
                error = "--settle applies to the idle scenario only.";
                return false;
            }

            if (name is "--conversations" && !memory)
            {
                error = "--conversations applies to the memory scenario only.";
                return false;
            }

            if (name is "--members" && !(broadcast || memory) || name is "--restart" && !(broadcast || idle))
            {
                error = name == "--restart" ? "--restart applies to the broadcast and idle scenarios only." : $"{name} applies to the broadcast scenario only.";
                return false;
            }

            if (name is "--updates" or "--users" or "--seconds" && broadcast)
            {
                error = $"{name} does not apply to the broadcast scenario (it has --members, --runs, --restart, --conversing, --rate, --reports).";
                return false;
            }

            if (name is "--peer" && !conversation || name is "--reports" && !(conversation || broadcast || export))
            {
                error = $"{name} applies to the conversation scenario only (and --reports to a mixed broadcast and an export).";
                return false;
            }

            if (name == "--peer")
            {
                options = options with { Peer = true };
                continue;
            }

            if (name == "--restart")
            {
                options = options with { Restart = true };
                continue;
            }

            if (name is not ("--set" or "--updates" or "--users" or "--runs" or "--rate" or "--seconds" or "--members" or "--reports" or "--conversations" or "--conversing" or "--settle" or "--minutes"))
            {
                error = $"Unknown option '{name}'.";
                return false;
            }

            // Every other option takes the next argument as its value.
            var value = ++i < args.Length ? args[i] : null;
            if (value is null)
            {
                error = $"{name} needs a value.";
                return false;
            }

            if (name == "--set")
            {
                var eq = value.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    error = $"--set wants Key=Value, not '{value}'.";
                    return false;
                }

                settings.Add(new(value[..eq], value[(eq + 1)..]));
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                error = $"{name} wants a whole number of at least 1, not '{value}'.";
                return false;
            }

            switch (name)
            {
                case "--updates": options = options with { Updates = number }; break;
                case "--users": options = options with { Users = number }; break;
                case "--runs": options = options with { Runs = number }; break;
                case "--rate": options = options with { Rate = number }; break;
                case "--seconds": options = options with { Seconds = number }; break;
                case "--members": options = options with { Members = number }; break;
                case "--reports": options = options with { Reports = number }; break;
                case "--conversations": options = options with { Conversations = number }; break;
                case "--conversing": options = options with { Conversing = number }; break;
                case "--settle": options = options with { Settle = number }; break;
                case "--minutes": options = options with { Minutes = number }; break;
            }
        }

        options = options with { Settings = settings };
        return true;
    }
}

/// <summary>The bot answered wrongly (a reply missing, doubled or misaddressed; a broadcast copy lost or doubled) or not in time.</summary>
internal sealed class BenchFailure(string message) : Exception(message);
