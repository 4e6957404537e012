using Microsoft.Extensions.Options;
using Spectra.Media.Recording;
using Spectra.Media.Transcoding;
using Spectra.Storage;

namespace Spectra.Server.Videos.Internal;

/// <summary>
/// MP4 downloads of a video's renditions: remuxed once (<see cref="RecordingMp4Export"/>, copy only) into the
/// object store beside the recording, then served from there. One export at a time on this node.
/// </summary>
internal sealed partial class VideoDownloads(IObjectStore store, VodCatalog catalog, IOptionsMonitor<LadderOptions> ladder, ILogger<VideoDownloads> logger) : IDisposable
{
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(30);
    private readonly SemaphoreSlim _exporting = new(1, 1);

    /// <summary>The MP4 of <paramref name="rendition"/>, or null when the video or rendition has no stored media.</summary>
    public async Task<StoredObject?> OpenAsync(Guid videoId, string rendition, CancellationToken cancellationToken)
    {
        var entry = await catalog.GetAsync(videoId, cancellationToken);
        if (entry is null || !entry.Renditions.TryGetValue(rendition, out var found))
        {
            return null;
        }

        var key = RecordingKeys.Download(videoId, found.Rendition.Name);
        var existing = await store.OpenReadAsync(key, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        await _exporting.WaitAsync(cancellationToken);
        try
        {
            existing = await store.OpenReadAsync(key, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }

            var output = Path.Combine(Path.GetTempPath(), $"spectra-download-{Guid.NewGuid():N}.mp4");
            try
            {
                var started = DateTime.UtcNow;
                await RecordingMp4Export.ExportAsync(store, videoId, found.Rendition, ladder.CurrentValue.FfmpegPath, output, ExportTimeout, cancellationToken);
                await using (var file = File.OpenRead(output))
                {
                    await store.WriteAsync(key, file, cancellationToken);
                }

                LogExported(logger, videoId, found.Rendition.Name, new FileInfo(output).Length, (DateTime.UtcNow - started).TotalSeconds);
            }
            finally
            {
                File.Delete(output);
            }

            return await store.OpenReadAsync(key, cancellationToken);
        }
        finally
        {
            _exporting.Release();
        }
    }

    public void Dispose() => _exporting.Dispose();

    [LoggerMessage(EventId = 5120, Level = LogLevel.Information, Message = "Video {VideoId}: MP4 of {Rendition} made ({Bytes} bytes in {Seconds:0.0} s)")]
    private static partial void LogExported(ILogger logger, Guid videoId, string rendition, long bytes, double seconds);
}
