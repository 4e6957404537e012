namespace Spectra.Media.Flv;

/// <summary>Video codec carried by a VIDEODATA tag, from CodecID (E.4.3.1) or an enhanced-RTMP FourCC.</summary>
internal enum FlvVideoCodec
{
    Unknown = 0,
    SorensonH263,
    ScreenVideo,
    Vp6,
    ScreenVideo2,
    /// <summary>CodecID 7; the only codec the transcoder accepts.</summary>
    H264,
    /// <summary>CodecID 12 (common non-Adobe extension) or enhanced-RTMP FourCC 'hvc1'.</summary>
    Hevc,
    /// <summary>Enhanced-RTMP FourCC 'av01'.</summary>
    Av1,
    /// <summary>Enhanced-RTMP FourCC 'vp09'.</summary>
    Vp9,
}
