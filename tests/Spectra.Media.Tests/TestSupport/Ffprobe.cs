using System.Globalization;
using System.Text.Json;

namespace Spectra.Media.Tests.TestSupport;

/// <summary>What real ffprobe says about a file after decoding every frame.</summary>
/// <param name="Duration">Format duration minus start time, seconds.</param>
internal sealed record FfprobeResult(string VideoCodec, int Width, int Height, int VideoFrames, string? AudioCodec, double Duration);

internal static class Ffprobe
{
    public static async Task<FfprobeResult> ProbeAsync(string path)
    {
        var (exit, stdout, stderr) = await ExternalProcess.RunAsync(
            "ffprobe",
            ["-v", "error", "-count_frames", "-show_entries", "stream=codec_type,codec_name,width,height,nb_read_frames:format=duration,start_time", "-of", "json", path],
            TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"ffprobe failed on {path}: {stderr}");
        Assert.True(string.IsNullOrWhiteSpace(stderr), $"ffprobe reported errors on {path}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        string videoCodec = string.Empty;
        int width = 0, height = 0, frames = 0;
        string? audioCodec = null;
        foreach (var stream in json.RootElement.GetProperty("streams").EnumerateArray())
        {
            var type = stream.GetProperty("codec_type").GetString();
            if (type == "video")
            {
                videoCodec = stream.GetProperty("codec_name").GetString()!;
                width = stream.GetProperty("width").GetInt32();
                height = stream.GetProperty("height").GetInt32();
                frames = int.Parse(stream.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture);
            }
            else if (type == "audio")
            {
                audioCodec = stream.GetProperty("codec_name").GetString();
            }
        }

        var format = json.RootElement.GetProperty("format");
        var duration = double.Parse(format.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture)
            - double.Parse(format.GetProperty("start_time").GetString()!, CultureInfo.InvariantCulture);
        return new FfprobeResult(videoCodec, width, height, frames, audioCodec, duration);
    }
}
