using Spectra.Media.Flv;

namespace Spectra.Media.MpegTs;

/// <summary>Receives what <see cref="MpegTsDemuxer"/> makes of a transport stream: FLV audio and video tag bodies.</summary>
public interface IMpegTsTagSink
{
    /// <summary>
    /// One FLV tag body (AUDIODATA or VIDEODATA, Adobe FLV v10.1 annex E.4.2/E.4.3), sequence headers first, with its
    /// decode time in ms from the stream's first timestamp. The span is only valid during the call.
    /// </summary>
    void OnTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body);
}
