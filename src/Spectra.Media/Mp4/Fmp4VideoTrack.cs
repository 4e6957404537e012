namespace Spectra.Media.Mp4;

/// <summary>An H.264 track of an init segment.</summary>
/// <param name="AvcDecoderConfiguration">AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1), written verbatim as 'avcC'; at most 64 KiB.</param>
/// <param name="Width">Display width in pixels (0 when unknown).</param>
/// <param name="Height">Display height in pixels (0 when unknown).</param>
internal sealed record Fmp4VideoTrack(ReadOnlyMemory<byte> AvcDecoderConfiguration, int Width, int Height);
