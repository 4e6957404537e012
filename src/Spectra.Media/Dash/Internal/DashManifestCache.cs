using Spectra.Media.Hls;
using Spectra.Media.Packaging;

namespace Spectra.Media.Dash.Internal;

/// <summary>
/// The MPD of one live stream, rendered once per window version: again only when a rendition gains a
/// segment or ends (parts do not change the MPD), or when asked for with another clock URL. Readers take
/// the cached UTF-8 with one volatile read; two requests racing on a new version may both render it.
/// </summary>
internal sealed class DashManifestCache
{
    private readonly HlsStream _stream;
    private DashTimeline? _timeline;
    private Entry? _entry;

    public DashManifestCache(HlsStream stream)
    {
        _stream = stream;
    }

    /// <summary>The MPD as UTF-8, or null while a rendition has no init segment or segment yet.</summary>
    public byte[]? Get(TimeSpan partTarget, string timeUrl, DateTimeOffset now)
    {
        var renditions = _stream.Renditions;
        var views = new DashRenditionView[renditions.Count];
        for (var i = 0; i < views.Length; i++)
        {
            views[i] = new DashRenditionView(renditions[i].Info, renditions[i].Window.Snapshot);
            if (views[i].Snapshot.SegmentArray.Length == 0)
            {
                return null;
            }
        }

        var cached = Volatile.Read(ref _entry);
        if (cached is not null && cached.Matches(views, timeUrl))
        {
            return cached.Utf8;
        }

        var timeline = Volatile.Read(ref _timeline);
        if (timeline is null)
        {
            var snapshots = new LiveWindowSnapshot[views.Length];
            for (var i = 0; i < views.Length; i++)
            {
                snapshots[i] = views[i].Snapshot;
            }

            timeline = DashTimeline.Create(snapshots)!;
            timeline = Interlocked.CompareExchange(ref _timeline, timeline, null) ?? timeline;
        }

        var text = DashManifestWriter.Write(timeline, views, partTarget, timeUrl, now);
        var entry = new Entry(views, timeUrl, System.Text.Encoding.UTF8.GetBytes(text));
        Volatile.Write(ref _entry, entry);
        return entry.Utf8;
    }

    private sealed class Entry
    {
        private readonly CmafSegment?[] _latest;
        private readonly bool[] _ended;
        private readonly string _timeUrl;

        public Entry(DashRenditionView[] views, string timeUrl, byte[] utf8)
        {
            _latest = new CmafSegment?[views.Length];
            _ended = new bool[views.Length];
            for (var i = 0; i < views.Length; i++)
            {
                _latest[i] = views[i].Snapshot.Latest;
                _ended[i] = views[i].Snapshot.Ended;
            }

            _timeUrl = timeUrl;
            Utf8 = utf8;
        }

        public byte[] Utf8 { get; }

        public bool Matches(DashRenditionView[] views, string timeUrl)
        {
            if (!string.Equals(timeUrl, _timeUrl, StringComparison.Ordinal))
            {
                return false;
            }

            for (var i = 0; i < views.Length; i++)
            {
                var snapshot = views[i].Snapshot;
                if (!ReferenceEquals(snapshot.Latest, _latest[i]) || snapshot.Ended != _ended[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
