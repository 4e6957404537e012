using Spectra.Media.Flv;
using Spectra.Media.MpegTs;

namespace Spectra.Media.Tests.MpegTs;

/// <summary>Keeps every tag a demuxer hands out.</summary>
internal sealed class TagCollector : IMpegTsTagSink
{
    public List<(FlvTagType Type, uint TimestampMs, byte[] Body)> Tags { get; } = [];

    public IEnumerable<(FlvTagType Type, uint TimestampMs, byte[] Body)> Video => Tags.Where(t => t.Type == FlvTagType.Video);

    public IEnumerable<(FlvTagType Type, uint TimestampMs, byte[] Body)> Audio => Tags.Where(t => t.Type == FlvTagType.Audio);

    /// <summary>Video frames (AVCPacketType 1).</summary>
    public int VideoFrames => Video.Count(t => t.Body[1] == 1);

    /// <summary>Raw AAC frames (AACPacketType 1).</summary>
    public int AudioFrames => Audio.Count(t => t.Body[1] == 1);

    public void OnTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body) => Tags.Add((type, timestampMs, body.ToArray()));
}
