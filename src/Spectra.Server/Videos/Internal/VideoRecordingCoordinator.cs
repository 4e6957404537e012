using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Videos;
using Spectra.Media.Live;
using Spectra.Media.Recording;
using Spectra.Server.Events;

namespace Spectra.Server.Videos.Internal;

/// <summary>
/// Turns broadcasts into past broadcasts: when a channel goes live on this node (and the site and the
/// channel record), a <see cref="Video"/> row in state Recording and a <see cref="LiveRecorder"/> on the
/// session's stream; when it goes offline, the recorder flushes and the video becomes Ready with its
/// duration and size. At start-up, videos still Recording were cut short by a crash: they are closed
/// from what their journals list (or removed when nothing was stored).
/// </summary>
internal sealed partial class VideoRecordingCoordinator(
    IEventBus events,
    LiveStreamManager streams,
    LiveRecorderFactory recorders,
    IServiceScopeFactory scopes,
    VodCatalog catalog,
    Microsoft.Extensions.Options.IOptionsMonitor<Spectra.Media.Transcoding.LadderOptions> ladder,
    TimeProvider time,
    ILogger<VideoRecordingCoordinator> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Guid, LiveRecorder> _recording = new();
    private readonly ConcurrentDictionary<Guid, Task> _closing = new();
    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>The recorder of a session being recorded on this node, for the dashboard's status.</summary>
    public LiveRecorder? FindRecorder(Guid sessionId) => _recording.GetValueOrDefault(sessionId);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(events.Subscribe<StreamOnline>(OnOnlineAsync));
        _subscriptions.Add(events.Subscribe<StreamOffline>(OnOfflineAsync));
        await CloseInterruptedAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        // Sessions still recording when the host stops (the live manager ends them first): close them now.
        foreach (var (id, _) in _recording)
        {
            StartClosing(id);
        }

        await Task.WhenAll(_closing.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes when the video of <paramref name="sessionId"/> is closed, if it is being closed.</summary>
    public Task WaitClosedAsync(Guid sessionId) => _closing.GetValueOrDefault(sessionId) ?? Task.CompletedTask;

    private async ValueTask OnOnlineAsync(StreamOnline evt, CancellationToken cancellationToken)
    {
        if (evt.StreamSessionId is not { } sessionId || !recorders.Enabled || !streams.TryGet(evt.ChannelName, out var stream))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var channel = await db.Set<Channel>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == evt.ChannelId, cancellationToken);
        if (channel is null || !channel.RecordingEnabled)
        {
            return;
        }

        db.Videos.Add(new Video
        {
            Id = sessionId,
            ChannelId = channel.Id,
            Title = string.IsNullOrWhiteSpace(channel.Title) ? $"Broadcast of {evt.At:yyyy-MM-dd}" : channel.Title,
            CategoryId = channel.CategoryId,
            Status = VideoStatus.Recording,
            Visibility = VideoVisibility.Public,
            StartedAt = evt.At,
        });
        await db.SaveChangesAsync(cancellationToken);
        _recording[sessionId] = recorders.Start(stream, sessionId);
    }

    private ValueTask OnOfflineAsync(StreamOffline evt, CancellationToken cancellationToken)
    {
        if (evt.StreamSessionId is { } sessionId)
        {
            StartClosing(sessionId);
        }

        return ValueTask.CompletedTask;
    }

    private void StartClosing(Guid sessionId)
    {
        if (_recording.TryRemove(sessionId, out var recorder))
        {
            _closing[sessionId] = Task.Run(async () =>
            {
                try
                {
                    await recorder.CompleteAsync();
                    await CloseAsync(sessionId, recorder.Status.SegmentsLost, CancellationToken.None);
                }
                finally
                {
                    _closing.TryRemove(sessionId, out _);
                }
            });
        }
    }

    private async Task CloseInterruptedAsync(CancellationToken cancellationToken)
    {
        List<Guid> open;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            open = await db.Videos.Where(v => v.Status == VideoStatus.Recording).Select(v => v.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in open)
        {
            if (!_recording.ContainsKey(id))
            {
                LogInterrupted(logger, id);
                await CloseAsync(id, null, cancellationToken);
            }
        }
    }

    /// <summary>Marks the video Ready with what storage holds, or removes it when nothing playable was stored. Never throws.</summary>
    private async Task CloseAsync(Guid videoId, long? segmentsLost, CancellationToken cancellationToken)
    {
        try
        {
            var recorded = await RecordingReader.LoadAsync(recorders.Store, videoId, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            var video = await db.Videos.SingleOrDefaultAsync(v => v.Id == videoId, cancellationToken);
            if (video is null)
            {
                return;
            }

            if (recorded is null || !recorded.IsPlayable)
            {
                db.Videos.Remove(video);
                await db.SaveChangesAsync(cancellationToken);
                await recorders.Store.DeleteByPrefixAsync(RecordingKeys.Prefix(videoId), cancellationToken);
                LogEmpty(logger, videoId);
                return;
            }

            video.Status = VideoStatus.Ready;
            video.EndedAt = time.GetUtcNow().UtcDateTime;
            video.DurationMs = (long)recorded.Duration.TotalMilliseconds;
            video.StorageBytes = recorded.Bytes;
            video.SegmentsLost = segmentsLost ?? video.SegmentsLost;
            await db.SaveChangesAsync(cancellationToken);
            catalog.Remember(recorded);
            LogReady(logger, videoId, recorded.Duration.TotalSeconds, recorded.Bytes);
            await CreatePosterAsync(recorded, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCloseFailed(logger, videoId, ex);
        }
    }

    private async Task CreatePosterAsync(RecordedVideo recorded, CancellationToken cancellationToken)
    {
        try
        {
            await RecordingPoster.CreateAsync(recorders.Store, recorded, ladder.CurrentValue.FfmpegPath, TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Storage.ObjectStoreException or IOException or System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            LogPosterFailed(logger, recorded.Id, ex);
        }
    }

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Video {VideoId}: no poster could be made; pages show a placeholder")]
    private static partial void LogPosterFailed(ILogger logger, Guid videoId, Exception exception);

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Video {VideoId} was still recording when the server stopped last; closing it from its stored journals")]
    private static partial void LogInterrupted(ILogger logger, Guid videoId);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Video {VideoId} had nothing playable stored; removed")]
    private static partial void LogEmpty(ILogger logger, Guid videoId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Video {VideoId} is ready: {Seconds:0.0} s, {Bytes} bytes")]
    private static partial void LogReady(ILogger logger, Guid videoId, double seconds, long bytes);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "Video {VideoId} could not be closed; it stays in state Recording and is retried at the next start")]
    private static partial void LogCloseFailed(ILogger logger, Guid videoId, Exception exception);
}
