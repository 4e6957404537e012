using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Spectra.Testing;

/// <summary>
/// One real PostgreSQL server per test process, started on 127.0.0.1 in a temporary directory on
/// first use and stopped (by its process id) when the process exits; a watchdog stops it if the test process
/// dies without running its exit handlers, and a server left even so is stopped by the next test process that
/// starts one. Each test gets its own database.
/// As root, the server runs as the "postgres" system user (PostgreSQL refuses to run as root).
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Instance = new(StartAsync);
    private readonly Process _process;
    private readonly string _directory;

    private PostgresServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=spectra;Database=postgres;Pooling=false;Timeout=15";

    public static Task<PostgresServer> GetAsync() => Instance.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return $"Host=127.0.0.1;Port={Port};Username=spectra;Database={name};Maximum Pool Size=20;Timeout=15";
    }

    public static async Task<string> CreateDatabaseConnectionStringAsync() => await (await GetAsync()).CreateDatabaseAsync();

    private static async Task<PostgresServer> StartAsync()
    {
        StopOrphans();
        var bin = FindBinDirectory();
        var directory = Path.Combine(Path.GetTempPath(), $"spectra-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", directory]);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "spectra", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"], asRoot);
        var port = LoopbackPort.Free();
        var start = Watched(Command(Path.Combine(bin, "postgres"),
        [
            "-D", data, "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", directory,
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=300", "-c", "shared_buffers=128MB",
        ], asRoot));
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start postgres.");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new PostgresServer(process, directory, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server.AdminConnectionString);
                await connection.OpenAsync();
                return server;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private void Stop()
    {
        try
        {
            StopPostmaster(_directory);
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill(entireProcessTree: true);
            }

            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Best effort at process exit.
        }
    }

    /// <summary>
    /// Runs the server under a small sh watchdog: the moment this test process is gone (a test host killed
    /// before its exit handlers ran), the watchdog gives the server a fast shutdown. The loop ends when either
    /// process ends; setpriv execs postgres, so $pg is the postmaster.
    /// </summary>
    private static ProcessStartInfo Watched(ProcessStartInfo server)
    {
        var owner = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo("sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"\"$0\" \"$@\" & pg=$!; while kill -0 {owner} 2>/dev/null && kill -0 $pg 2>/dev/null; do sleep 0.5; done; kill -INT $pg 2>/dev/null; wait $pg");
        info.ArgumentList.Add(server.FileName);
        foreach (var argument in server.ArgumentList)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>
    /// Fast shutdown (SIGINT) of the postmaster recorded in {directory}/data/postmaster.pid, if it is still that
    /// directory's server; waits up to 10 s for it to go.
    /// </summary>
    private static void StopPostmaster(string directory)
    {
        var pidFile = Path.Combine(directory, "data", "postmaster.pid");
        if (!File.Exists(pidFile)
            || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster)
            || !IsRunning(postmaster)
            || !File.ReadAllText($"/proc/{postmaster}/cmdline").Contains(directory, StringComparison.Ordinal))
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-INT", postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill?.WaitForExit(5_000);
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (IsRunning(postmaster) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100); // Not necessarily our child: /proc is the way to see it go.
        }
    }

    /// <summary>
    /// Stops servers left by test processes that died without running their exit handler (killed by a
    /// timeout, for example). Each server's directory is named after the process that started it; when that
    /// process is gone, the postmaster recorded in data/postmaster.pid, if it is still this directory's server,
    /// gets a fast shutdown and the directory is removed. Servers of running test processes are left alone.
    /// </summary>
    private static void StopOrphans()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "spectra-pg-*"))
        {
            var parts = Path.GetFileName(directory).Split('-');
            if (parts.Length != 4 || !int.TryParse(parts[2], out var owner) || IsRunning(owner))
            {
                continue;
            }

            try
            {
                StopPostmaster(directory);
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Best effort: a directory another process is removing right now, or one we may not touch.
            }
        }
    }

    private static bool IsRunning(int processId) => Directory.Exists($"/proc/{processId}");

    private static string FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "postgres"))).Order().ToList()
            : [];
        return candidates.Count > 0
            ? candidates[^1]
            : throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql: run scripts/install-test-deps.sh.");
    }

    private static ProcessStartInfo Command(string file, IEnumerable<string> args, bool asPostgresUser)
    {
        var info = new ProcessStartInfo(asPostgresUser ? "setpriv" : file) { UseShellExecute = false };
        if (asPostgresUser)
        {
            foreach (var a in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", "--", file })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }

    private static async Task RunAsync(string file, IEnumerable<string> args, bool asPostgresUser = false)
    {
        var info = Command(file, args, asPostgresUser);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
