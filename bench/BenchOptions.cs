using System.Globalization;

namespace Assembly.Bench;

/// <summary>The scenario and its parameters, as given on the command line.</summary>
internal sealed record BenchOptions(
    string Scenario, int Updates, int Users, int Runs, int Rate, int Seconds, bool Profile, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    public const string Usage =
        "Usage: pipeline [--updates N] [--users M] [--runs R] [--set Key=Value]... [--profile]\n" +
        "       latency  [--rate U] [--seconds S] [--users M] [--runs R] [--set Key=Value]... [--profile]";

    /// <summary>The command that repeats this measurement, every parameter spelled out.</summary>
    public string Command
    {
        get
        {
            var scenario = Scenario == "pipeline"
                ? $"pipeline --updates {Updates} --users {Users} --runs {Runs}"
                : $"latency --rate {Rate} --seconds {Seconds} --users {Users} --runs {Runs}";
            var settings = string.Concat(Settings.Select(s => $" --set {s.Key}={s.Value}"));
            return "dotnet run -c Release --project bench -- " + scenario + settings + (Profile ? " --profile" : "");
        }
    }

    public static bool TryParse(string[] args, out BenchOptions options, out string error)
    {
        options = new BenchOptions("", Updates: 20_000, Users: 500, Runs: 5, Rate: 300, Seconds: 10, Profile: false, Settings: []);
        error = "";
        if (args.Length == 0 || args[0] is not ("pipeline" or "latency"))
        {
            error = "Name a scenario: pipeline or latency.";
            return false;
        }

        options = options with { Scenario = args[0] };
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--profile")
            {
                options = options with { Profile = true };
                continue;
            }

            if (name is not ("--set" or "--updates" or "--users" or "--runs" or "--rate" or "--seconds"))
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
            }
        }

        options = options with { Settings = settings };
        return true;
    }
}

/// <summary>The bot answered wrongly (a reply missing, doubled or misaddressed) or not in time.</summary>
internal sealed class BenchFailure(string message) : Exception(message);
