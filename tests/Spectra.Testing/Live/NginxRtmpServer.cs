using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Xunit;

namespace Spectra.Testing.Live;

/// <summary>
/// nginx with libnginx-mod-rtmp on 127.0.0.1, as a restream destination: application "app" relays what is
/// published to players (<see cref="PlayUrl"/>). With TLS, nginx's stream module terminates TLS on
/// <see cref="TlsPort"/> with a <see cref="TestCertificate"/> and forwards to the RTMP port (RTMPS). Its own
/// configuration, pid and logs live in a temporary directory; it runs in the foreground and is stopped by its pid.
/// </summary>
public sealed class NginxRtmpServer : IAsyncDisposable
{
    private readonly string _directory;
    private ExternalProcess? _process;

    private NginxRtmpServer(string directory, int port, int? tlsPort)
    {
        _directory = directory;
        Port = port;
        TlsPort = tlsPort;
    }

    public int Port { get; }

    /// <summary>The RTMPS port, when started with TLS.</summary>
    public int? TlsPort { get; }

    /// <summary>The server URL a publisher uses (rtmps:// when started with TLS), without the key.</summary>
    public string ServerUrl => TlsPort is { } tls ? $"rtmps://127.0.0.1:{tls}/app" : $"rtmp://127.0.0.1:{Port}/app";

    /// <summary>Whether the nginx process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>nginx's error log (publish and play events at "info").</summary>
    public string ErrorLog => File.Exists(Path.Combine(_directory, "logs", "error.log"))
        ? File.ReadAllText(Path.Combine(_directory, "logs", "error.log"))
        : string.Empty;

    public string PlayUrl(string key) => $"rtmp://127.0.0.1:{Port}/app/{key}";

    public static async Task<NginxRtmpServer> StartAsync(bool tls = false)
    {
        var directory = Directory.CreateTempSubdirectory("spectra-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "logs"));
        var server = new NginxRtmpServer(directory, LoopbackPort.Free(), tls ? LoopbackPort.Free() : null);
        server.WriteConfiguration();
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Stops nginx (by its pid) as if the destination went away.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Starts nginx again on the same ports.</summary>
    public Task RestartAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void WriteConfiguration()
    {
        var stream = string.Empty;
        var modules = "load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;\n";
        if (TlsPort is { } tlsPort)
        {
            using var certificate = TestCertificate.Create("127.0.0.1");
            TestCertificate.WritePem(certificate, Path.Combine(_directory, "cert.pem"), Path.Combine(_directory, "key.pem"));
            modules += "load_module /usr/lib/nginx/modules/ngx_stream_module.so;\n";
            stream = string.Create(CultureInfo.InvariantCulture, $$"""
                stream {
                  server {
                    listen 127.0.0.1:{{tlsPort}} ssl;
                    ssl_certificate {{_directory}}/cert.pem;
                    ssl_certificate_key {{_directory}}/key.pem;
                    proxy_pass 127.0.0.1:{{Port}};
                  }
                }
                """);
        }

        File.WriteAllText(Path.Combine(_directory, "nginx.conf"), string.Create(CultureInfo.InvariantCulture, $$"""
            {{modules}}
            worker_processes 1;
            pid {{_directory}}/nginx.pid;
            error_log {{_directory}}/logs/error.log info;
            events { worker_connections 256; }
            rtmp {
              server {
                listen 127.0.0.1:{{Port}};
                chunk_size 4096;
                application app { live on; record off; wait_key on; wait_video on; }
              }
            }
            {{stream}}
            """));
    }

    private async Task StartProcessAsync()
    {
        _process = ExternalProcess.Start("nginx", ["-p", _directory, "-c", Path.Combine(_directory, "nginx.conf"), "-g", "daemon off;"]);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_process.HasExited, $"nginx exited: {_process.StandardError}\n{ErrorLog}");
            if (await IsListeningAsync(Port) && (TlsPort is not { } tls || await IsListeningAsync(tls)))
            {
                return;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), $"nginx did not listen within 10 s: {_process.StandardError}\n{ErrorLog}");
            await Task.Delay(50);
        }
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
