namespace Spectra.Media.Flv;

/// <summary>Audio codec of an AUDIODATA tag, from SoundFormat (E.4.2.1) or an enhanced-RTMP FourCC.</summary>
internal enum FlvAudioCodec
{
    Unknown = 0,
    LinearPcm,
    Adpcm,
    /// <summary>SoundFormat 2 and 14 (MP3 8 kHz).</summary>
    Mp3,
    Nellymoser,
    G711,
    /// <summary>SoundFormat 10.</summary>
    Aac,
    Speex,
    /// <summary>Enhanced-RTMP FourCC 'Opus'.</summary>
    Opus,
    /// <summary>Any other enhanced-RTMP FourCC (FLAC, AC-3, E-AC-3...).</summary>
    OtherEnhanced,
}
