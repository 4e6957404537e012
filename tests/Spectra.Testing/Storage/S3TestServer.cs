using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.S3;
using Amazon.S3.Model;
using Spectra.Storage;

namespace Spectra.Testing.Storage;

/// <summary>
/// A real S3-compatible server (the npm package s3rver, installed in tests/tools/s3 by
/// scripts/install-test-deps.sh) on 127.0.0.1 and a free port, its data in a temporary directory. One is
/// shared per test process (<see cref="GetAsync"/>) and stopped by its process id when the process exits;
/// <see cref="StartAsync"/> starts one of a test's own. A small sh watchdog stops the server if the test
/// process dies without running its exit handlers. Each test makes its own bucket.
/// </summary>
public sealed class S3TestServer : IAsyncDisposable
{
    /// <summary>The credentials s3rver accepts.</summary>
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private static readonly Lazy<Task<S3TestServer>> Shared = new(StartShared);
    private readonly Process _watchdog;
    private readonly int _serverProcessId;
    private readonly string _directory;
    private int _stopped;

    private S3TestServer(Process watchdog, int serverProcessId, string directory, int port)
    {
        _watchdog = watchdog;
        _serverProcessId = serverProcessId;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Where the server keeps its buckets: {DataDirectory}/{bucket}/...</summary>
    public string DataDirectory => _directory;

    public string ServiceUrl => "http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The process's shared server, started on first use.</summary>
    public static Task<S3TestServer> GetAsync() => Shared.Value;

    /// <summary>Store settings for <paramref name="bucket"/> on this server: path-style, short timeouts, few retries.</summary>
    public S3StoreOptions StoreOptions(string bucket, string? prefix = null) => new()
    {
        Bucket = bucket,
        Prefix = prefix,
        ServiceUrl = ServiceUrl,
        ForcePathStyle = true,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 1,
    };

    /// <summary>Configuration that puts a Spectra host's object store in <paramref name="bucket"/> on this server.</summary>
    public Dictionary<string, string?> HostSettings(string bucket) => new()
    {
        ["Storage:Provider"] = "S3",
        ["Storage:S3:Bucket"] = bucket,
        ["Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Storage:S3:ForcePathStyle"] = "true",
        ["Storage:S3:AccessKey"] = AccessKey,
        ["Storage:S3:SecretKey"] = SecretKey,
    };

    /// <summary>Creates an empty bucket of a new name and returns the name.</summary>
    public async Task<string> CreateBucketAsync()
    {
        var bucket = "t-" + Guid.NewGuid().ToString("N");
        using var client = new AmazonS3Client(AccessKey, SecretKey, new AmazonS3Config { ServiceURL = ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1", Timeout = TimeSpan.FromSeconds(10) });
        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        return bucket;
    }

    /// <summary>Starts a server of the caller's own, to stop when it likes.</summary>
    public static async Task<S3TestServer> StartAsync()
    {
        var script = Path.Combine(SourceTree.Root, "tests", "tools", "s3", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"s3rver is not installed ({script} is missing): run scripts/install-test-deps.sh.");
        }

        RemoveOrphans();
        var directory = Path.Combine(Path.GetTempPath(), $"spectra-s3-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var port = LoopbackPort.Free();
        var owner = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        // The watchdog prints the server's process id first, then waits for either process to end.
        var info = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"\"$0\" \"$@\" & s=$!; echo $s; while kill -0 {owner} 2>/dev/null && kill -0 $s 2>/dev/null; do sleep 0.5; done; kill $s 2>/dev/null; wait $s");
        foreach (var argument in new[] { "node", script, "-d", directory, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--silent", "--no-vhost-buckets" })
        {
            info.ArgumentList.Add(argument);
        }

        var watchdog = Process.Start(info) ?? throw new InvalidOperationException("Could not start s3rver.");
        var errors = new System.Text.StringBuilder();
        watchdog.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        watchdog.BeginErrorReadLine();
        using var firstLine = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var pidLine = await watchdog.StandardOutput.ReadLineAsync(firstLine.Token);
        if (!int.TryParse(pidLine, CultureInfo.InvariantCulture, out var serverProcessId))
        {
            throw new InvalidOperationException("s3rver's watchdog did not report the server's process id.");
        }

        var server = new S3TestServer(watchdog, serverProcessId, directory, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !watchdog.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                server.Stop();
                lock (errors)
                {
                    throw new InvalidOperationException($"s3rver did not start listening on port {port} within 30 s: {errors}");
                }
            }
        }
    }

    /// <summary>Stops the server by its process id (waiting up to 10 s) and removes its data.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            using (var server = Process.GetProcessById(_serverProcessId))
            {
                server.Kill();
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }

        if (!_watchdog.WaitForExit(10_000))
        {
            _watchdog.Kill();
        }

        _watchdog.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort.
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Removes the data of servers whose test process is gone (a test host ended before its exit handler
    /// finished; its watchdog has stopped the server by then). Directories of running processes stay.
    /// </summary>
    private static void RemoveOrphans()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "spectra-s3-*"))
        {
            var parts = Path.GetFileName(directory).Split('-');
            if (parts.Length != 4 || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var owner) || Directory.Exists($"/proc/{owner}"))
            {
                continue;
            }

            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: another process may be removing it right now.
            }
        }
    }

    private static async Task<S3TestServer> StartShared()
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }
}
