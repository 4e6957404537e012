using Spectra.Media.Delivery.Internal;
using Spectra.Media.Flv;

namespace Spectra.Media.Delivery;

/// <summary>
/// One tag taken from an <see cref="FlvViewer"/>, its timestamp rebased for that viewer. The body is
/// shared with other viewers: read it, write it out, then <see cref="Dispose"/> exactly once.
/// </summary>
public readonly struct FlvViewerTag : IDisposable
{
    private readonly FlvSharedTag? _tag;

    internal FlvViewerTag(FlvSharedTag tag, uint timestampMs)
    {
        _tag = tag;
        TimestampMs = timestampMs;
    }

    public FlvTagType Type => _tag?.Type ?? default;

    /// <summary>Milliseconds since the viewer's first media tag.</summary>
    public uint TimestampMs { get; }

    /// <summary>AUDIODATA, VIDEODATA or SCRIPTDATA body, exactly as in an FLV tag.</summary>
    public ReadOnlyMemory<byte> Body => _tag?.Body ?? ReadOnlyMemory<byte>.Empty;

    /// <summary>Bytes of the whole FLV tag (header, body, PreviousTagSize).</summary>
    internal int FlvLength => FlvWriter.GetTagLength(_tag?.Length ?? 0);

    /// <summary>Writes the tag as FLV (E.4.1 header, body, PreviousTagSize) into <paramref name="destination"/>.</summary>
    internal int WriteFlv(Span<byte> destination) => FlvWriter.WriteTag(destination, Type, TimestampMs, Body.Span);

    public void Dispose() => _tag?.Release();
}
