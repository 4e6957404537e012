using Spectra.Media.Packaging;

namespace Spectra.Media.Tests.TestSupport;

/// <summary>
/// Replays packaged segments into a fresh window part by part, so a test decides exactly when each
/// LL-HLS part and segment is published.
/// </summary>
internal sealed class WindowDriver
{
    private readonly CmafSegment[] _source;
    private readonly DateTimeOffset _start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private CmafInitSegment? _init;
    private int _segment;
    private int _part;

    private WindowDriver(CmafSegment[] source, LiveWindow window)
    {
        _source = source;
        Window = window;
    }

    public LiveWindow Window { get; }

    /// <summary>A driver over the segments of a packaged test file; nothing published yet.</summary>
    public static async Task<WindowDriver> CreateAsync(int capacity = 12, long firstSequence = 200, string file = TestFiles.AvcAac, int repeat = 3)
    {
        var (packager, source, _) = Packagers.Create(options: new PackagerOptions { WindowSegmentCount = 100 });
        for (var i = 0; i < repeat; i++)
        {
            await Packagers.RunFileAsync(packager, file);
        }

        return new WindowDriver([.. source.Snapshot.Segments.Where(s => s.Generation == 1)], new LiveWindow(capacity, firstSequence));
    }

    /// <summary>Publishes the next part of the open segment; false when its segment has no part left.</summary>
    public bool PublishPart()
    {
        var source = Source;
        _init ??= Window.BeginGeneration(source.Init.Data.ToArray(), source.Init.Movie);
        if (_part >= source.Fragments.Count)
        {
            return false;
        }

        var fragment = source.Fragments[_part++];
        Window.AppendPart(source.Data.Slice(fragment.Offset, fragment.Length).ToArray(), fragment.Duration, fragment.IsIndependent);
        return true;
    }

    /// <summary>Publishes the remaining parts of the open segment, then the segment.</summary>
    public CmafSegment PublishSegment()
    {
        while (PublishPart())
        {
        }

        var source = Source;
        var index = _segment++;
        _part = 0;
        return Window.Append(_init!, source.DecodeTime, source.Timescale, source.DurationTicks, _start.AddSeconds(index), source.Data.ToArray(), [.. source.Fragments]);
    }

    /// <summary>Starts a new generation (as a restarted encoder does): its own init segment, a discontinuity.</summary>
    public void NewGeneration()
    {
        var source = Source;
        _init = Window.BeginGeneration(source.Init.Data.ToArray(), source.Init.Movie);
    }

    public void PublishSegments(int count)
    {
        for (var i = 0; i < count; i++)
        {
            PublishSegment();
        }
    }

    /// <summary>Parts in the segment that is open now.</summary>
    public int PartsInOpenSegment => Source.Fragments.Count;

    private CmafSegment Source => _source[_segment % _source.Length];
}
