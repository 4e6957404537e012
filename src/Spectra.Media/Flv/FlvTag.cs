using System.Buffers;

namespace Spectra.Media.Flv;

/// <summary>One tag read by <see cref="FlvReader"/>; <see cref="Body"/> points into the reader's input.</summary>
/// <param name="TimestampMs">Timestamp UI24 combined with TimestampExtended (E.4.1), in milliseconds.</param>
internal readonly record struct FlvTag(FlvTagType Type, uint TimestampMs, ReadOnlySequence<byte> Body);
