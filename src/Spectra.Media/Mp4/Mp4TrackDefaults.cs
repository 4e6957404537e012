namespace Spectra.Media.Mp4;

/// <summary>Default sample values a movie declares for fragments of one track ('trex', §8.8.3).</summary>
/// <param name="SampleDuration">Default sample duration in track timescale ticks.</param>
/// <param name="SampleSize">Default sample size in bytes.</param>
/// <param name="SampleFlags">Default sample flags (§8.8.3.1 layout).</param>
internal readonly record struct Mp4TrackDefaults(uint SampleDuration, uint SampleSize, uint SampleFlags);
