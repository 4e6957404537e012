using System.ComponentModel.DataAnnotations;
using Spectra.Media.Internal;

namespace Spectra.Media.Packaging;

/// <summary>Segmenting and window settings, bound from configuration section "Packaging".</summary>
/// <remarks>Valid ranges are the <see cref="RangeAttribute"/>s on the properties, checked at start-up.</remarks>
public sealed class PackagerOptions
{
    public const string SectionName = "Packaging";

    /// <summary>
    /// Minimum segment duration: a segment is closed at the first fragment that starts with a sync
    /// sample once this much media is buffered. Default 1 s. Segments are as long as
    /// the GOP when the GOP is longer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:00:06")]
    public TimeSpan TargetSegmentDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// LL-HLS part target (RFC 8216bis §4.4.3.7, EXT-X-PART-INF PART-TARGET): ffmpeg cuts a fragment,
    /// and so a part, every this much media (-frag_duration) as well as at every keyframe. Default 1/3 s;
    /// keep it well below <see cref="TargetSegmentDuration"/> (three parts or more per segment).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:00:02")]
    public TimeSpan PartTargetDuration { get; set; } = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 3);

    /// <summary>Segments kept in the live window and listed in the media playlist. Default 12.</summary>
    [Range(3, 1000)]
    public int WindowSegmentCount { get; set; } = 12;

    /// <summary>Largest accepted top-level box (moov, moof, mdat) in bytes. Default 64 MiB.</summary>
    [Range(64d * 1024, int.MaxValue)]
    public long MaxBoxSize { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest segment in bytes; a longer run without a cut point is an error. Default 128 MiB.</summary>
    [Range(64 * 1024, int.MaxValue)]
    public int MaxSegmentSize { get; set; } = 128 * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate() => OptionsValidation.ThrowIfInvalid(this);
}
