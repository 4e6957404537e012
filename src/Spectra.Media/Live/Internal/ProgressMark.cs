using Spectra.Media.Transcoding;

namespace Spectra.Media.Live.Internal;

/// <summary>An ffmpeg progress block with the generation that wrote it and when it arrived (<see cref="TimeProvider.GetTimestamp"/>).</summary>
internal sealed record ProgressMark(int Generation, FfmpegProgress Progress, long Timestamp);
