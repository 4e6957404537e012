using Microsoft.Extensions.Logging;
using Spectra.Media.Hls;
using Spectra.Media.Live;
using Spectra.Media.Packaging;
using Spectra.Media.Tests.TestSupport;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Tests.Live;

/// <summary>A live stream over real ffmpeg with collected logs and its own registry.</summary>
internal sealed class LiveStreamFixture : IAsyncDisposable
{
    public LiveStreamFixture(string channel, LadderOptions? ladder = null, LiveStreamOptions? options = null)
    {
        Logs = new CollectingLoggerProvider();
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        Registry = new HlsStreamRegistry();
        Ladder = ladder ?? new LadderOptions { InitialRestartDelay = TimeSpan.FromMilliseconds(200) };
        Stream = new LiveStream(channel, Ladder, options ?? new LiveStreamOptions { HealthInterval = TimeSpan.FromSeconds(1) },
            new PackagerOptions(), Registry, LoggerFactory, TimeProvider.System);
    }

    public CollectingLoggerProvider Logs { get; }

    public ILoggerFactory LoggerFactory { get; }

    public HlsStreamRegistry Registry { get; }

    public LadderOptions Ladder { get; }

    public LiveStream Stream { get; }

    public IReadOnlyList<string> ErrorMessages => Logs.Errors.Select(e => $"{e.Category} {e.EventId}: {e.Message} {e.Exception}").ToList();

    public async ValueTask DisposeAsync()
    {
        await Stream.StopAsync();
        LoggerFactory.Dispose();
    }
}
