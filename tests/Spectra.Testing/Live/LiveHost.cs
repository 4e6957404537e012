using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Server.Accounts;
using Spectra.Server.Channels;
using Xunit;

namespace Spectra.Testing.Live;

/// <summary>
/// A <see cref="SpectraHost"/> set up for live video: RTMP on a free loopback port, a small test ladder
/// (source passthrough plus 240p at 300 kbit/s, x264 ultrafast), thumbnails every 5 s and a 3 s grace.
/// Disposing throws if the server logged an unexpected error, or logged any stream key or token this host handed out
/// or built an RTMP URL with.
/// </summary>
public sealed class LiveHost : IAsyncDisposable
{
    private readonly SpectraHost _host;
    private readonly ConcurrentBag<string> _secrets = [];

    private LiveHost(SpectraHost host, int rtmpPort, int srtPort)
    {
        _host = host;
        RtmpPort = rtmpPort;
        SrtPort = srtPort;
    }

    public Uri BaseAddress => _host.BaseAddress;

    public int RtmpPort { get; }

    /// <summary>UDP port of SRT ingest; 0 unless started with <c>srt: true</c>.</summary>
    public int SrtPort { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The host's data directory (SQLite database, local object store).</summary>
    public string DataDirectory => _host.DataDirectory;

    /// <summary>Errors a test provoked on purpose; any other logged error fails the test on dispose.</summary>
    public Func<TestLogSink.LogEntry, bool> ExpectedError
    {
        get => _host.ExpectedError;
        set => _host.ExpectedError = value;
    }

    /// <summary>Everything the server logged at Information or above so far.</summary>
    public TestLogSink Logs => _host.Logs;

    /// <summary>Log entries at Error or above so far.</summary>
    public IReadOnlyList<TestLogSink.LogEntry> Errors => [.. _host.Logs.Errors];

    /// <param name="settings">Overrides of any configuration key.</param>
    /// <param name="srt">Also listen for SRT publishers on a free loopback UDP port.</param>
    /// <param name="configure">Changes to the host's services before it is built (for example a storage that fails on demand).</param>
    public static async Task<LiveHost> StartAsync(IDictionary<string, string?>? settings = null, DatabaseKind database = DatabaseKind.Sqlite, bool srt = false,
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var rtmpPort = LoopbackPort.Free();
        var srtPort = srt ? LoopbackPort.FreeUdp() : 0;
        var config = new Dictionary<string, string?>
        {
            ["Ingest:RtmpPort"] = rtmpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ingest:SrtPort"] = srtPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Live:OfflineGrace"] = "00:00:03",
            ["Transcoding:Preset"] = "ultrafast",
            ["Transcoding:ThumbnailIntervalSeconds"] = "5",
            ["Transcoding:ThumbnailHeight"] = "180",
            ["Transcoding:Renditions:0:Name"] = "240p",
            ["Transcoding:Renditions:0:Height"] = "240",
            ["Transcoding:Renditions:0:VideoBitrateKbps"] = "300",
            ["Transcoding:Renditions:0:AudioBitrateKbps"] = "64",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var host = await SpectraHost.StartAsync(database, config, configure);
        return new LiveHost(host, rtmpPort, srtPort);
    }

    public string RtmpUrl(string streamKey)
    {
        _secrets.Add(streamKey);
        return $"rtmp://127.0.0.1:{RtmpPort}/live/{streamKey}";
    }

    /// <summary>
    /// An ffmpeg SRT URL publishing with <paramref name="streamId"/> (the access-control form <c>#!::r=live/KEY,m=publish</c>
    /// or the plain key), with a passphrase when given (10–79 characters, no spaces or '&').
    /// </summary>
    public string SrtUrl(string streamId, string? passphrase = null, string? streamKey = null)
    {
        if (streamKey is not null)
        {
            _secrets.Add(streamKey);
        }

        // ffmpeg 5.1 takes the query values as they are (no percent-decoding): neither may contain '&'.
        var url = $"srt://127.0.0.1:{SrtPort}?mode=caller&streamid={streamId}";
        return passphrase is null ? url : url + $"&passphrase={passphrase}&pbkeylen=16";
    }

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
        _secrets.Add(key);
        _secrets.Add(token.Value!);
        return new Streamer(userName, channel.Id, key, token.Value!);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.DisposeAsync();
        }
        finally
        {
            var leaks = _host.Logs.Containing(_secrets);
            if (leaks.Count > 0)
            {
                throw new InvalidOperationException("The server logged a stream key or token:" + Environment.NewLine + string.Join(Environment.NewLine, leaks));
            }
        }
    }
}
