using System.Buffers;
using System.Diagnostics;
using Spectra.Media.Flv;

namespace Spectra.Bench.Transcode;

/// <summary>A 720p30 H.264 (x264 veryfast, 3 Mbit/s, 2 s GOP like a default OBS setup) + AAC publisher recording.</summary>
internal sealed class SourceFile
{
    private SourceFile(byte[] flv, List<(FlvTagType Type, uint TimestampMs, byte[] Body)> tags)
    {
        Flv = flv;
        Tags = tags;
    }

    public byte[] Flv { get; }

    public IReadOnlyList<(FlvTagType Type, uint TimestampMs, byte[] Body)> Tags { get; }

    public static async Task<SourceFile> CreateAsync(int seconds)
    {
        var startInfo = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, UseShellExecute = false };
        string[] arguments =
        [
            "-hide_banner", "-loglevel", "error",
            "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=sample_rate=48000",
            "-c:v", "libx264", "-preset", "veryfast", "-b:v", "3000k", "-maxrate", "3000k", "-bufsize", "6000k", "-g", "60",
            "-c:a", "aac", "-b:a", "128k", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "flv", "-",
        ];
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        using var output = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg could not generate the source.");
        }

        byte[] flv = output.ToArray();
        var tags = new List<(FlvTagType, uint, byte[])>();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(flv));
        FlvReader.TryReadHeader(ref reader, out _, out _);
        while (FlvReader.TryReadTag(ref reader, out var tag))
        {
            if (tag.Type is FlvTagType.Audio or FlvTagType.Video)
            {
                tags.Add((tag.Type, tag.TimestampMs, tag.Body.ToArray()));
            }
        }

        return new SourceFile(flv, tags);
    }
}
