namespace Spectra.Media.Packaging;

/// <summary>Segmenting and window settings, bound from configuration section "Packaging".</summary>
public sealed class PackagerOptions
{
    public const string SectionName = "Packaging";

    /// <summary>
    /// Minimum segment duration: a segment is closed at the first fragment that starts with a sync
    /// sample once this much media is buffered. Default 1 s; valid 0.5–6 s. Segments are as long as
    /// the GOP when the GOP is longer.
    /// </summary>
    public TimeSpan TargetSegmentDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Segments kept in the live window and listed in the media playlist. Default 12; valid 3–1000.</summary>
    public int WindowSegmentCount { get; set; } = 12;

    /// <summary>Largest accepted top-level box (moov, moof, mdat) in bytes. Default 64 MiB.</summary>
    public long MaxBoxSize { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest segment in bytes; a longer run without a cut point is an error. Default 128 MiB.</summary>
    public int MaxSegmentSize { get; set; } = 128 * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (TargetSegmentDuration < TimeSpan.FromSeconds(0.5) || TargetSegmentDuration > TimeSpan.FromSeconds(6))
        {
            throw new ArgumentOutOfRangeException(nameof(TargetSegmentDuration), TargetSegmentDuration, "Target segment duration must be between 0.5 and 6 seconds.");
        }

        if (WindowSegmentCount is < 3 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(WindowSegmentCount), WindowSegmentCount, "The window holds between 3 and 1000 segments.");
        }

        if (MaxBoxSize is < 64 * 1024 or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBoxSize), MaxBoxSize, "The box size limit must be between 64 KiB and 2 GiB.");
        }

        if (MaxSegmentSize < 64 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSegmentSize), MaxSegmentSize, "The segment size limit must be at least 64 KiB.");
        }
    }
}
