namespace Spectra.Media.Flv;

/// <summary>What the ingest knows about the publisher's audio.</summary>
/// <param name="SampleRate">Hz; 0 when unknown.</param>
/// <param name="Channels">Channel configuration (1 = mono, 2 = stereo...); 0 when unknown.</param>
/// <param name="CodecString">RFC 6381 codecs parameter for AAC ("mp4a.40.2"), else a short name ("mp3").</param>
internal sealed record AudioCodecInfo(FlvAudioCodec Codec, int SampleRate, int Channels, string CodecString)
{
    /// <summary>AAC can be passed through; AAC and MP3 can be decoded and re-encoded.</summary>
    public bool IsSupported => Codec is FlvAudioCodec.Aac or FlvAudioCodec.Mp3;
}
