using System.Globalization;

namespace Spectra.Bench.Community;

/// <summary>Command line: --db sqlite|postgres --channels N --followers N --connected N --queries N --home-requests N --scenarios search,home,fanout [--plans]</summary>
public sealed record BenchOptions(string Database, int Channels, int Followers, int Connected, int Queries, int HomeRequests, IReadOnlySet<string> Scenarios, bool Plans)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new BenchOptions(
            Value("db", "sqlite"),
            Number("channels", 100_000),
            Number("followers", 100_000),
            Number("connected", 200),
            Number("queries", 1000),
            Number("home-requests", 200),
            Value("scenarios", "search,home,fanout").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase),
            args.Contains("--plans"));
    }
}
