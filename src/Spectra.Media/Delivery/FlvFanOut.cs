using Microsoft.Extensions.Logging;
using Spectra.Media.Delivery.Internal;
using Spectra.Media.Flv;
using Spectra.Media.Live;

namespace Spectra.Media.Delivery;

/// <summary>
/// The FLV output of one live stream, shared by HTTP-FLV, WebSocket-FLV and RTMP play viewers. Keeps the
/// current metadata, the video and audio sequence headers and the group of pictures since the latest
/// keyframe, so a joining viewer starts decoding at once: it gets metadata, sequence headers and the cached
/// GOP, then live tags. Each source tag is copied once into a pooled, reference-counted buffer that every
/// viewer's queue shares.
/// </summary>
/// <remarks>
/// Fed by one thread at a time (the publisher's); viewers subscribe and leave from any thread. The
/// publisher never waits for a viewer (see <see cref="FlvViewer"/>).
/// </remarks>
public sealed partial class FlvFanOut : ILiveMediaOutput
{
    private readonly FlvFanOutOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly Lock _lock = new();
    private readonly List<FlvSharedTag> _gop = [];
    private FlvViewer[] _viewers = [];
    private FlvSharedTag? _metadata;
    private FlvSharedTag? _videoConfiguration;
    private FlvSharedTag? _audioConfiguration;
    private long _gopBytes;
    private bool _gopOpen;
    private bool _hasVideo;
    private bool _hasAudio;
    private bool _completed;

    internal FlvFanOut(string name, FlvFanOutOptions options, TimeProvider time, ILogger logger)
    {
        _name = name;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Viewers subscribed now.</summary>
    internal int ViewerCount => Volatile.Read(ref _viewers).Length;

    /// <summary>The viewers subscribed now (a snapshot).</summary>
    internal IReadOnlyList<FlvViewer> Viewers => Volatile.Read(ref _viewers);

    /// <summary>Bytes of the cached GOP.</summary>
    internal long GopCacheBytes
    {
        get
        {
            lock (_lock)
            {
                return _gopBytes;
            }
        }
    }

    internal bool IsCompleted
    {
        get
        {
            lock (_lock)
            {
                return _completed;
            }
        }
    }

    /// <summary>
    /// A new viewer, its queue already holding metadata, sequence headers and the cached GOP (timestamps
    /// from 0). Null once the stream has ended.
    /// </summary>
    public FlvViewer? Subscribe()
    {
        lock (_lock)
        {
            if (_completed)
            {
                return null;
            }

            bool anyMedia = _hasAudio || _hasVideo;
            var viewer = new FlvViewer(this, _options, _time, hasAudio: _hasAudio || !anyMedia, hasVideo: _hasVideo || !anyMedia);
            foreach (var configuration in (ReadOnlySpan<FlvSharedTag?>)[_metadata, _videoConfiguration, _audioConfiguration])
            {
                if (configuration is not null)
                {
                    viewer.Enqueue(configuration, null, null, _hasVideo);
                }
            }

            if (_gopOpen)
            {
                foreach (var tag in _gop)
                {
                    viewer.Enqueue(tag, _videoConfiguration, _audioConfiguration, _hasVideo);
                }
            }
            else if (_hasVideo || !anyMedia)
            {
                viewer.WaitForKeyframe();
            }

            _viewers = [.. _viewers, viewer];
            Log.ViewerJoined(_logger, _name, _gop.Count, _gopBytes, _viewers.Length);
            return viewer;
        }
    }

    /// <summary>
    /// Copies of the current metadata (a SCRIPTDATA body) and the video and audio sequence headers (tag bodies),
    /// for an output that joins mid-stream; null where the stream has none (yet).
    /// </summary>
    internal (byte[]? Metadata, byte[]? VideoConfiguration, byte[]? AudioConfiguration) CopyConfiguration()
    {
        lock (_lock)
        {
            return (_metadata?.Body.ToArray(), _videoConfiguration?.Body.ToArray(), _audioConfiguration?.Body.ToArray());
        }
    }

    /// <summary>The publisher's onMetaData; replaces the cached metadata and is sent to every viewer.</summary>
    internal void OnMetadata(IReadOnlyDictionary<string, object?> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        byte[] body = FlvScriptDataWriter.WriteOnMetaData(metadata);
        var tag = FlvSharedTag.Create(FlvTagType.ScriptData, 0, body, isKeyframe: false, isConfiguration: true);
        lock (_lock)
        {
            if (_completed)
            {
                tag.Release();
                return;
            }

            _metadata?.Release();
            _metadata = tag.AddReference();
            Broadcast(tag);
        }

        tag.Release();
    }

    /// <summary>One AUDIODATA (8) or VIDEODATA (9) tag body with its source timestamp in ms. Copied once.</summary>
    internal void OnMediaTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body)
    {
        bool keyframe = false;
        bool configuration = false;
        if (type == FlvTagType.Video && FlvVideoTagHeader.TryParse(body, out var video))
        {
            configuration = video.IsSequenceHeader;
            keyframe = !configuration && video.FrameType == FlvVideoFrameType.Keyframe;
        }
        else if (type == FlvTagType.Audio && FlvAudioTagHeader.TryParse(body, out var audio))
        {
            configuration = audio.IsSequenceHeader;
        }
        else
        {
            return;
        }

        var tag = FlvSharedTag.Create(type, timestampMs, body, keyframe, configuration);
        lock (_lock)
        {
            if (_completed)
            {
                tag.Release();
                return;
            }

            if (type == FlvTagType.Video)
            {
                _hasVideo = true;
            }
            else
            {
                _hasAudio = true;
            }

            if (configuration)
            {
                ref var slot = ref type == FlvTagType.Video ? ref _videoConfiguration : ref _audioConfiguration;
                slot?.Release();
                slot = tag.AddReference();
            }
            else
            {
                Cache(tag);
            }

            Broadcast(tag);
        }

        tag.Release();
    }

    void ILiveMediaOutput.OnMetadata(IReadOnlyDictionary<string, object?> metadata) => OnMetadata(metadata);

    void ILiveMediaOutput.OnMediaTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> tagBody) => OnMediaTag(type, timestampMs, tagBody);

    void ILiveMediaOutput.Complete() => Complete();

    /// <summary>The stream ended: every viewer gets what it has queued, then its end. Idempotent.</summary>
    internal void Complete()
    {
        FlvViewer[] viewers;
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            viewers = _viewers;
            _viewers = [];
            ClearGop();
            _metadata?.Release();
            _videoConfiguration?.Release();
            _audioConfiguration?.Release();
            _metadata = _videoConfiguration = _audioConfiguration = null;
        }

        foreach (var viewer in viewers)
        {
            viewer.Complete();
        }
    }

    internal void Remove(FlvViewer viewer)
    {
        lock (_lock)
        {
            int index = Array.IndexOf(_viewers, viewer);
            if (index < 0)
            {
                return;
            }

            var viewers = new FlvViewer[_viewers.Length - 1];
            _viewers.AsSpan(0, index).CopyTo(viewers);
            _viewers.AsSpan(index + 1).CopyTo(viewers.AsSpan(index));
            _viewers = viewers;
        }
    }

    internal void OnViewerClosed(FlvViewerCloseReason reason) => Log.ViewerClosed(_logger, _name, reason);

    private void Cache(FlvSharedTag tag)
    {
        if (tag.IsKeyframe)
        {
            ClearGop();
            _gopOpen = true;
        }
        else if (!_gopOpen)
        {
            return;
        }

        if (_gopBytes + tag.Length > _options.MaxGopCacheBytes)
        {
            // Too long to cache: joining viewers wait for the next keyframe instead.
            ClearGop();
            return;
        }

        _gop.Add(tag.AddReference());
        _gopBytes += tag.Length;
    }

    private void ClearGop()
    {
        foreach (var cached in _gop)
        {
            cached.Release();
        }

        _gop.Clear();
        _gopBytes = 0;
        _gopOpen = false;
    }

    private void Broadcast(FlvSharedTag tag)
    {
        // A snapshot: a viewer closed during the loop removes itself from _viewers, not from this array.
        var viewers = _viewers;
        foreach (var viewer in viewers)
        {
            viewer.Enqueue(tag, _videoConfiguration, _audioConfiguration, _hasVideo);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4600, EventName = "FlvViewerJoined", Level = LogLevel.Debug,
            Message = "Channel '{Channel}': FLV viewer joined with {GopTags} cached tags ({GopBytes} bytes); {Viewers} viewers")]
        public static partial void ViewerJoined(ILogger logger, string channel, int gopTags, long gopBytes, int viewers);

        [LoggerMessage(EventId = 4601, EventName = "FlvViewerClosed", Level = LogLevel.Information,
            Message = "Channel '{Channel}': FLV viewer closed ({Reason})")]
        public static partial void ViewerClosed(ILogger logger, string channel, FlvViewerCloseReason reason);
    }
}
