namespace Spectra.Media.Mp4;

/// <summary>
/// The samples of one track in one fragment and their bytes, in decode order. In a video run only the
/// first sample can be a sync sample (fragments start at keyframes): its flags are written as
/// first_sample_flags and the others take the 'trex' default, non-sync.
/// </summary>
internal readonly ref struct Fmp4TrackRun
{
    public Fmp4TrackRun(uint trackId, bool isVideo, ulong baseMediaDecodeTime, ReadOnlySpan<Fmp4Sample> samples, ReadOnlySpan<byte> data)
    {
        TrackId = trackId;
        IsVideo = isVideo;
        BaseMediaDecodeTime = baseMediaDecodeTime;
        Samples = samples;
        Data = data;
    }

    public uint TrackId { get; }

    /// <summary>Video runs carry composition offsets and the first sample's flags; audio runs use the 'trex' defaults.</summary>
    public bool IsVideo { get; }

    public ulong BaseMediaDecodeTime { get; }

    public ReadOnlySpan<Fmp4Sample> Samples { get; }

    /// <summary>The samples' bytes, concatenated; as long as the sum of their sizes.</summary>
    public ReadOnlySpan<byte> Data { get; }
}
