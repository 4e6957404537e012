using System.Globalization;

namespace Spectra.Bench.Chat;

/// <param name="HubReaders">Readers on the .NET SignalR client (<c>--readers hub</c>) instead of the lean <see cref="LoadClient"/> (<c>--readers lean</c>, the default).</param>
internal sealed record BenchOptions(int Clients, int Senders, double Rate, TimeSpan Warmup, TimeSpan Duration, int BatchMilliseconds, bool HubReaders, string ServerDll)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Get(string name)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var server = Get("server") ?? FindServerDll();
        return new BenchOptions(
            Int("clients", 2000),
            Int("senders", 25),
            Get("rate") is { } r ? double.Parse(r, CultureInfo.InvariantCulture) : 50,
            TimeSpan.FromSeconds(Int("warmup", 5)),
            TimeSpan.FromSeconds(Int("duration", 30)),
            Int("batch-ms", 40),
            (Get("readers") ?? "lean") switch
            {
                "lean" => false,
                "hub" => true,
                var other => throw new ArgumentException($"--readers {other}: expected lean or hub."),
            },
            server);
    }

    /// <summary>The Release build of the server next to this repository's bench folder.</summary>
    private static string FindServerDll()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Spectra.slnx")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("Repository root not found; pass --server path/to/Spectra.Server.dll.");
        }

        var dll = Path.Combine(directory.FullName, "src", "Spectra.Server", "bin", "Release", "net10.0", "Spectra.Server.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not found; run 'dotnet build -c Release src/Spectra.Server' first.");
    }
}
