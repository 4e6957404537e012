namespace Spectra.Media.Mp4;

/// <summary>An AAC track of an init segment.</summary>
/// <param name="AudioSpecificConfig">ISO/IEC 14496-3 §1.6.2.1, written verbatim in 'esds'; at most 100 bytes.</param>
/// <param name="SampleRate">Hz; also the media timescale.</param>
/// <param name="Channels">1–8.</param>
internal sealed record Fmp4AudioTrack(ReadOnlyMemory<byte> AudioSpecificConfig, int SampleRate, int Channels);
