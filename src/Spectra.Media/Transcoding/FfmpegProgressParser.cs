using System.Globalization;

namespace Spectra.Media.Transcoding;

/// <summary>
/// Reads ffmpeg's "-progress" output: blocks of key=value lines ("frame=…", "fps=…", "speed=1.01x",
/// "drop_frames=…", …) ending with "progress=continue" or "progress=end". Other stderr lines are not
/// consumed, so log lines and progress can share one stream. Not thread-safe: one reader per stream.
/// </summary>
internal sealed class FfmpegProgressParser
{
    private long _frame;
    private double _fps;
    private long _outTimeUs;
    private double? _speed;
    private long _dropped;
    private long _duplicated;

    /// <returns>True when the line was a progress line; <paramref name="completed"/> is set on the block's last line.</returns>
    public bool TryParseLine(ReadOnlySpan<char> line, out FfmpegProgress? completed)
    {
        completed = null;
        int equals = line.IndexOf('=');
        if (equals <= 0 || (line.Contains(' ') && !line.StartsWith("speed=", StringComparison.Ordinal)))
        {
            return false;
        }

        var key = line[..equals];
        var value = line[(equals + 1)..].Trim();
        var inv = CultureInfo.InvariantCulture;
        switch (key)
        {
            case "frame":
                _frame = long.TryParse(value, NumberStyles.Integer, inv, out long frame) ? frame : _frame;
                return true;
            case "fps":
                _fps = double.TryParse(value, NumberStyles.Float, inv, out double fps) ? fps : _fps;
                return true;
            case "out_time_us":
                _outTimeUs = long.TryParse(value, NumberStyles.Integer, inv, out long us) ? us : _outTimeUs;
                return true;
            case "drop_frames":
                _dropped = long.TryParse(value, NumberStyles.Integer, inv, out long dropped) ? dropped : _dropped;
                return true;
            case "dup_frames":
                _duplicated = long.TryParse(value, NumberStyles.Integer, inv, out long duplicated) ? duplicated : _duplicated;
                return true;
            case "speed":
                // "1.01x", or "N/A" before the first output.
                _speed = value.EndsWith('x') && double.TryParse(value[..^1], NumberStyles.Float, inv, out double speed) ? speed : null;
                return true;
            case "progress":
                completed = new FfmpegProgress(_frame, _fps, _outTimeUs, _speed, _dropped, _duplicated, value.SequenceEqual("end"));
                return true;
            case "bitrate" or "total_size" or "out_time_ms" or "out_time":
                return true;
            default:
                // Per-stream quality lines: stream_0_0_q=23.0
                return key.StartsWith("stream_", StringComparison.Ordinal);
        }
    }
}
