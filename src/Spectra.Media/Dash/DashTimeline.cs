using System.Runtime.CompilerServices;
using Spectra.Media.Packaging;

namespace Spectra.Media.Dash;

/// <summary>
/// Maps one stream's segments onto the MPD's media presentation time line (ISO/IEC 23009-1 §5.3.9.5,
/// §A.3): a fixed <see cref="AvailabilityStart"/> (availabilityStartTime) and, per generation (init
/// segment), the wall clock of one decode time. The packager dates every segment of a generation from
/// one anchor (EXT-X-PROGRAM-DATE-TIME = anchor + elapsed decode time), so the mapping is linear within
/// a generation; it is remembered from the first segment seen, which keeps every later MPD update
/// identical for segments already announced (presentationTimeOffset never moves).
/// </summary>
internal sealed class DashTimeline
{
    private readonly ConditionalWeakTable<CmafInitSegment, Anchor> _anchors = [];

    /// <param name="availabilityStart">availabilityStartTime; whole milliseconds.</param>
    public DashTimeline(DateTimeOffset availabilityStart)
    {
        AvailabilityStart = availabilityStart;
    }

    public DateTimeOffset AvailabilityStart { get; }

    /// <summary>
    /// A time line whose availabilityStartTime is the latest wall clock at which a rendition's decode time 0
    /// was captured (first segment's date less its decode time), rounded up to the millisecond: every
    /// rendition's first generation then gets a presentationTimeOffset ≥ 0 in the first Period, which starts
    /// at 0. Null while no snapshot has a segment.
    /// </summary>
    public static DashTimeline? Create(IReadOnlyList<LiveWindowSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        DateTimeOffset? latest = null;
        foreach (var snapshot in snapshots)
        {
            if (snapshot.SegmentArray.Length > 0)
            {
                var first = snapshot.SegmentArray[0];
                var zero = first.ProgramDateTime - Ticks(first.DecodeTime, 0, first.Timescale);
                latest = latest is null || zero > latest ? zero : latest;
            }
        }

        if (latest is not { } start)
        {
            return null;
        }

        var milliseconds = (start.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        return new DashTimeline(new DateTimeOffset(milliseconds * TimeSpan.TicksPerMillisecond, TimeSpan.Zero));
    }

    /// <summary>
    /// Start of <paramref name="segment"/> on the presentation time line: its wall clock minus
    /// availabilityStartTime, derived from its generation's anchor.
    /// </summary>
    public TimeSpan PresentationTime(CmafSegment segment)
    {
        var anchor = GetAnchor(segment);
        var elapsed = Ticks(segment.DecodeTime, anchor.DecodeTime, segment.Timescale);
        return anchor.WallClock - AvailabilityStart + elapsed;
    }

    /// <summary>
    /// presentationTimeOffset (§5.3.9.2) of <paramref name="segment"/>'s generation in a Period starting at
    /// <paramref name="periodStart"/>: the decode time presented at the Period's start, in the segment's
    /// timescale; 0 when the Period starts before the generation's time 0.
    /// </summary>
    public ulong PresentationTimeOffset(CmafSegment segment, TimeSpan periodStart)
    {
        var anchor = GetAnchor(segment);
        var sinceStart = anchor.WallClock - AvailabilityStart - periodStart;
        var ticks = (Int128)sinceStart.Ticks * segment.Timescale / TimeSpan.TicksPerSecond;
        var offset = (Int128)anchor.DecodeTime - ticks;
        return offset < 0 ? 0 : (ulong)offset;
    }

    private Anchor GetAnchor(CmafSegment segment) =>
        _anchors.GetValue(segment.Init, _ => new Anchor(segment.DecodeTime, segment.ProgramDateTime));

    private static TimeSpan Ticks(ulong decodeTime, ulong anchor, uint timescale)
    {
        var delta = (Int128)decodeTime - anchor;
        return TimeSpan.FromTicks((long)(delta * TimeSpan.TicksPerSecond / timescale));
    }

    private sealed record Anchor(ulong DecodeTime, DateTimeOffset WallClock);
}
