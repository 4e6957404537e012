namespace Spectra.Media.Mp4;

/// <summary>What one 'traf' (ISO/IEC 14496-12 §8.8.6) says about its track's samples.</summary>
/// <param name="TrackId">track_ID from 'tfhd'.</param>
/// <param name="BaseMediaDecodeTime">From 'tfdt' (§8.8.12), track timescale ticks; 0 when absent.</param>
/// <param name="HasDecodeTime">True when a 'tfdt' was present.</param>
/// <param name="SampleCount">Total samples over all 'trun' boxes.</param>
/// <param name="Duration">Sum of sample durations, track timescale ticks.</param>
/// <param name="DataSize">Sum of sample sizes in bytes.</param>
/// <param name="FirstSampleIsSync">True when the first sample is a sync sample (§8.8.3.1 sample_is_non_sync_sample = 0).</param>
/// <param name="SyncSampleCount">Number of sync samples in the fragment.</param>
internal readonly record struct Mp4TrackFragment(
    uint TrackId,
    ulong BaseMediaDecodeTime,
    bool HasDecodeTime,
    int SampleCount,
    ulong Duration,
    ulong DataSize,
    bool FirstSampleIsSync,
    int SyncSampleCount);
