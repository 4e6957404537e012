namespace Spectra.Media.Flv;

/// <summary>What the ingest knows about the publisher's video.</summary>
/// <param name="Width">Displayed width in pixels after SPS cropping; 0 when unknown.</param>
/// <param name="Height">Displayed height in pixels after SPS cropping; 0 when unknown.</param>
/// <param name="CodecString">RFC 6381 codecs parameter when known ("avc1.64001f"), else a short name ("hevc").</param>
internal sealed record VideoCodecInfo(FlvVideoCodec Codec, int Width, int Height, string CodecString)
{
    /// <summary>Only H.264 in classic FLV can be decoded by the transcoder and passed through to HLS.</summary>
    public bool IsSupported => Codec == FlvVideoCodec.H264;
}
