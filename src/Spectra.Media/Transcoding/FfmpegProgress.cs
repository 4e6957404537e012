namespace Spectra.Media.Transcoding;

/// <summary>One "-progress" block of ffmpeg (all outputs together).</summary>
/// <param name="Frame">Frames encoded so far (first video output).</param>
/// <param name="FramesPerSecond">Average encoding rate since start as ffmpeg reports it.</param>
/// <param name="OutTimeMicroseconds">Output position in µs.</param>
/// <param name="Speed">Output time ÷ wall time since start (1.0 = real time); null while ffmpeg reports N/A.</param>
/// <param name="DroppedFrames">Frames dropped by ffmpeg's frame-rate handling.</param>
/// <param name="DuplicatedFrames">Frames duplicated by ffmpeg's frame-rate handling.</param>
/// <param name="IsEnd">The last block (progress=end).</param>
internal sealed record FfmpegProgress(
    long Frame,
    double FramesPerSecond,
    long OutTimeMicroseconds,
    double? Speed,
    long DroppedFrames,
    long DuplicatedFrames,
    bool IsEnd);
