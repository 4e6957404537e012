using System.Text.Json.Serialization;

namespace Spectra.Media.Recording;

/// <summary>One stored segment of a recorded rendition, as its journal lists it.</summary>
/// <param name="Sequence">The live media sequence number; names the stored object.</param>
/// <param name="InitKey">The init segment it needs (<c>init-{InitKey}.mp4</c>).</param>
/// <param name="DurationSeconds">Presentation duration.</param>
/// <param name="Discontinuity">True when the segment does not follow the previous stored one: a new encoder
/// generation, or segments lost (storage failed) before it.</param>
/// <param name="ProgramDateTimeMs">Wall-clock time of its first sample, Unix milliseconds.</param>
/// <param name="Length">Bytes.</param>
public sealed record RecordedSegment(
    [property: JsonPropertyName("s")] long Sequence,
    [property: JsonPropertyName("i")] string InitKey,
    [property: JsonPropertyName("d")] double DurationSeconds,
    [property: JsonPropertyName("x")] bool Discontinuity,
    [property: JsonPropertyName("t")] long ProgramDateTimeMs,
    [property: JsonPropertyName("n")] long Length);
