using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectra.Server;
using Spectra.Server.Accounts;
using Spectra.Server.Channels;
using Spectra.Server.Infrastructure;
using Xunit;

namespace Spectra.Testing.Live;

/// <summary>
/// A real Spectra server for live-video tests: Kestrel on 127.0.0.1 (HTTP on a free port, RTMP on another),
/// SQLite in a temporary data directory, a small test ladder, and every log line of level Error or above recorded.
/// </summary>
public sealed class LiveHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private LiveHost(WebApplication app, string dataDirectory, int rtmpPort, Uri baseAddress, ConcurrentQueue<string> errors)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        RtmpPort = rtmpPort;
        BaseAddress = baseAddress;
        Errors = errors;
    }

    public Uri BaseAddress { get; }

    public int RtmpPort { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Error and critical log lines, formatted; tests assert none unless they provoke one.</summary>
    public ConcurrentQueue<string> Errors { get; }

    /// <summary>
    /// Starts a server. The default test ladder is the source passthrough plus one 240p rendition at 300 kbit/s,
    /// grace 3 s; <paramref name="settings"/> overrides any configuration key.
    /// </summary>
    public static async Task<LiveHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "spectra-live-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var rtmpPort = FreeTcpPort();
        var config = new Dictionary<string, string?>
        {
            ["Http:Address"] = "127.0.0.1",
            ["Http:Port"] = "0",
            ["Ingest:RtmpPort"] = rtmpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:DataDirectory"] = dataDirectory,
            ["Live:OfflineGrace"] = "00:00:03",
            ["Transcoding:Preset"] = "ultrafast",
            ["Transcoding:ThumbnailIntervalSeconds"] = "5",
            ["Transcoding:ThumbnailHeight"] = "180",
            ["Transcoding:Renditions:0:Name"] = "240p",
            ["Transcoding:Renditions:0:Height"] = "240",
            ["Transcoding:Renditions:0:VideoBitrateKbps"] = "300",
            ["Transcoding:Renditions:0:AudioBitrateKbps"] = "64",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (settings is not null)
        {
            foreach (var (key, value) in settings)
            {
                config[key] = value;
            }
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SpectraApplication).Assembly.GetName().Name,
            ContentRootPath = ServerContentRoot(),
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(config);
        var errors = new ConcurrentQueue<string>();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ErrorCollectingLoggerProvider(errors));
        builder.AddSpectra();
        var app = builder.Build();
        app.UseSpectra();
        await app.Services.MigrateDatabaseAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .Single(u => u.Port != rtmpPort);
        return new LiveHost(app, dataDirectory, rtmpPort, new Uri($"http://127.0.0.1:{address.Port}/"), errors);
    }

    public string RtmpUrl(string streamKey) => $"rtmp://127.0.0.1:{RtmpPort}/live/{streamKey}";

    public HttpClient CreateClient(string? bearerToken = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    /// <summary>Creates a user (and so a channel) and returns its id, stream key and a personal access token.</summary>
    public async Task<Streamer> CreateStreamerAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var created = await accounts.CreateUserAsync(userName, "correct horse battery staple");
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.SelectMany(e => e.Value)));
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var channel = await channels.FindByOwnerNameAsync(userName) ?? throw new InvalidOperationException("The user has no channel.");
        var key = scope.ServiceProvider.GetRequiredService<StreamKeyService>().Reveal(channel);
        var token = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>().CreateAsync(created.Value!.Id, "tests");
        Assert.True(token.Succeeded);
        return new Streamer(userName, channel.Id, key, token.Value!);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>src/Spectra.Server, so static files (wwwroot/dist) and Razor pages resolve as in production.</summary>
    private static string ServerContentRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Spectra.slnx")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? AppContext.BaseDirectory
            : Path.Combine(directory.FullName, "src", "Spectra.Server");
    }

    private sealed class ErrorCollectingLoggerProvider(ConcurrentQueue<string> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ErrorLogger(categoryName, errors);

        public void Dispose()
        {
        }

        private sealed class ErrorLogger(string category, ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    errors.Enqueue($"{category}[{eventId.Id}]: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
