namespace Spectra.Media.Recording;

/// <summary>How a recording is going.</summary>
/// <param name="RecordingId">The recording (and past broadcast) id.</param>
/// <param name="SegmentsStored">Segments of all renditions stored so far.</param>
/// <param name="BytesStored">Their bytes.</param>
/// <param name="SegmentsLost">Segments that storage did not take (full, down, too slow): the recording has gaps there.</param>
/// <param name="LastError">The last storage error, or null when there was none.</param>
/// <param name="LastErrorAt">When it happened.</param>
public sealed record RecordingStatus(Guid RecordingId, long SegmentsStored, long BytesStored, long SegmentsLost, string? LastError, DateTimeOffset? LastErrorAt);
