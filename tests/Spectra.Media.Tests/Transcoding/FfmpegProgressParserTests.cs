using Spectra.Media.Transcoding;

namespace Spectra.Media.Tests.Transcoding;

public class FfmpegProgressParserTests
{
    [Fact]
    public void TryParseLine_ProgressBlock_ReportsValuesOnProgressLine()
    {
        var parser = new FfmpegProgressParser();
        string[] block =
        [
            "frame=150", "fps=29.97", "stream_0_0_q=23.0", "bitrate=N/A", "total_size=N/A", "out_time_us=5000000",
            "out_time_ms=5000000", "out_time=00:00:05.000000", "dup_frames=2", "drop_frames=3", "speed=1.01x",
        ];

        foreach (string line in block)
        {
            Assert.True(parser.TryParseLine(line, out var none));
            Assert.Null(none);
        }

        Assert.True(parser.TryParseLine("progress=continue", out var progress));
        Assert.Equal(new FfmpegProgress(150, 29.97, 5_000_000, 1.01, 3, 2, false), progress);
    }

    [Fact]
    public void TryParseLine_SpeedNotAvailableAndPaddedSpeed_ParsesBoth()
    {
        var parser = new FfmpegProgressParser();

        parser.TryParseLine("speed=N/A", out _);
        parser.TryParseLine("progress=continue", out var first);
        parser.TryParseLine("speed=   1x", out _);
        parser.TryParseLine("progress=end", out var last);

        Assert.Null(first!.Speed);
        Assert.Equal(1.0, last!.Speed);
        Assert.True(last.IsEnd);
    }

    [Theory]
    [InlineData("[warning] deprecated pixel format used, make sure you did set range correctly")]
    [InlineData("[flv @ 0x5555] [error] Packet mismatch 12 1234 5678")]
    [InlineData("Error while decoding stream #0:0: Invalid data found when processing input")]
    [InlineData("")]
    public void TryParseLine_LogLine_NotConsumed(string line)
    {
        Assert.False(new FfmpegProgressParser().TryParseLine(line, out _));
    }
}
