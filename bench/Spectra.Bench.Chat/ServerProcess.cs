using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Spectra.Bench.Chat;

/// <summary>
/// The Spectra server under test, started as its own process on 127.0.0.1 so its CPU time
/// and memory can be read from /proc apart from the load generator's.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private ServerProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<ServerProcess> StartAsync(string serverDll, IDictionary<string, string> environment)
    {
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "spectra-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var info = new ProcessStartInfo("dotnet", [serverDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server's project folder (bin/Release/net10.0 → ../../..): content root with wwwroot.
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(serverDll)!, "..", "..", "..")),
        };
        info.Environment["Http__Address"] = "127.0.0.1";
        info.Environment["Http__Port"] = port.ToString(CultureInfo.InvariantCulture);
        info.Environment["Ingest__RtmpPort"] = "0";
        info.Environment["Ingest__SrtPort"] = "0";
        info.Environment["Storage__DataDirectory"] = data;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value.Replace("{data}", data, StringComparison.Ordinal);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[server] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[server] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"), data);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync("/healthz");
                return server;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException("The server did not answer within 60 s.");
    }

    /// <summary>User plus system CPU time of the server so far (from /proc/{pid}/stat).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of proc(5) (utime, stime), in clock ticks (USER_HZ = 100).
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Resident memory now and at its peak, in MiB (VmRSS, VmHWM of /proc/{pid}/status).</summary>
    public (double Rss, double Peak) Memory()
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = ParseKb(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = ParseKb(line) / 1024.0;
            }
        }

        return (rss, peak);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    private static long ParseKb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
