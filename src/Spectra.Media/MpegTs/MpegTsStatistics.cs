namespace Spectra.Media.MpegTs;

/// <summary>Counters of a <see cref="MpegTsDemuxer"/> since it was created.</summary>
/// <param name="Packets">188-byte packets read.</param>
/// <param name="ContinuityErrors">Packets whose continuity_counter skipped (lost or reordered packets); the PES they hit is dropped.</param>
/// <param name="SkippedBytes">Bytes skipped to find the next sync byte (0x47): garbage or truncated packets.</param>
/// <param name="DroppedPes">PES packets dropped: damaged, over the size limit, or of a stream not yet configured.</param>
/// <param name="BadSections">PAT/PMT sections that failed their CRC or were malformed.</param>
public readonly record struct MpegTsStatistics(long Packets, long ContinuityErrors, long SkippedBytes, long DroppedPes, long BadSections);
