namespace Spectra.Media.Mp4;

/// <summary>What an init segment says about one track.</summary>
/// <param name="TrackId">track_ID from 'tkhd' (§8.3.2), non-zero.</param>
/// <param name="Kind">From 'hdlr' handler_type: 'vide' or 'soun'.</param>
/// <param name="Timescale">Media timescale from 'mdhd' (§8.4.2), ticks per second.</param>
/// <param name="SampleEntry">Sample entry type in 'stsd' (avc1, avc3, hvc1, hev1, mp4a, ...).</param>
/// <param name="Codec">RFC 6381 codec string (e.g. avc1.64001f, mp4a.40.2), or null when unknown.</param>
/// <param name="Width">Display width in pixels from 'tkhd' (16.16 fixed point, integer part); 0 for audio.</param>
/// <param name="Height">Display height in pixels from 'tkhd'; 0 for audio.</param>
/// <param name="SampleRate">Audio sample rate in Hz from the audio sample entry; 0 for video.</param>
/// <param name="ChannelCount">Audio channels, from the AudioSpecificConfig when present (else the sample entry); 0 for video.</param>
/// <param name="Defaults">Fragment defaults from 'trex' (§8.8.3).</param>
internal sealed record Mp4TrackInfo(
    uint TrackId,
    Mp4TrackKind Kind,
    uint Timescale,
    Mp4BoxType SampleEntry,
    string? Codec,
    int Width,
    int Height,
    int SampleRate,
    int ChannelCount,
    Mp4TrackDefaults Defaults);
