using System.Buffers;
using System.Diagnostics;
using Spectra.Media.Flv;
using Spectra.Media.Live;

namespace Spectra.Media.Tests.Live;

/// <summary>
/// A publisher's media as the RTMP server delivers it: FLV tag bodies with absolute timestamps,
/// produced once per test run by ffmpeg and replayed with real-time pacing.
/// </summary>
internal sealed class SyntheticPublisher
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, SyntheticPublisher> Cache = [];

    private SyntheticPublisher(IReadOnlyList<(FlvTagType Type, uint TimestampMs, byte[] Body)> tags)
    {
        Tags = tags;
        DurationMs = tags.Count == 0 ? 0 : tags[^1].TimestampMs;
    }

    public IReadOnlyList<(FlvTagType Type, uint TimestampMs, byte[] Body)> Tags { get; }

    public uint DurationMs { get; }

    /// <summary>6 s of 1280x720 30 fps H.264 (GOP 30) + AAC, as in the publisher test of the brief.</summary>
    public static Task<SyntheticPublisher> Hd720Async() => GetAsync("hd720",
        ["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine", "-c:v", "libx264", "-preset", "veryfast", "-g", "30",
         "-c:a", "aac", "-t", "6"]);

    /// <summary>6 s of 640x360 30 fps H.264 (GOP 30) + AAC.</summary>
    public static Task<SyntheticPublisher> Sd360Async() => GetAsync("sd360",
        ["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-f", "lavfi", "-i", "sine", "-c:v", "libx264", "-preset", "veryfast", "-g", "30",
         "-c:a", "aac", "-t", "6"]);

    /// <summary>4 s of AAC only.</summary>
    public static Task<SyntheticPublisher> AudioOnlyAsync() => GetAsync("audio", ["-f", "lavfi", "-i", "sine", "-c:a", "aac", "-t", "4"]);

    /// <summary>
    /// Replays the tags, each at its timestamp relative to the start (real time), <paramref name="loops"/>
    /// times with continuing timestamps, until done or cancelled.
    /// </summary>
    public Task FeedAsync(LiveStream stream, int loops, CancellationToken cancellationToken) =>
        FeedAsync(stream, loops, 0, cancellationToken);

    /// <summary>As <see cref="FeedAsync(LiveStream, int, CancellationToken)"/>, with every timestamp shifted by <paramref name="startMs"/> (paced from now).</summary>
    public async Task FeedAsync(LiveStream stream, int loops, uint startMs, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        uint loopOffset = 0;
        for (int loop = 0; loop < loops; loop++)
        {
            foreach (var (type, timestamp, body) in Tags)
            {
                uint at = timestamp + loopOffset;
                long wait = at - clock.ElapsedMilliseconds;
                at += startMs;
                if (wait > 0)
                {
                    await Task.Delay((int)wait, cancellationToken);
                }

                cancellationToken.ThrowIfCancellationRequested();
                stream.OnMediaTag(type, at, body);
            }

            loopOffset += DurationMs + 33;
        }
    }

    private static async Task<SyntheticPublisher> GetAsync(string key, string[] input)
    {
        await Gate.WaitAsync();
        try
        {
            if (Cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var startInfo = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in (string[])["-hide_banner", "-loglevel", "error", .. input, "-f", "flv", "-"])
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = Process.Start(startInfo)!;
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            await copy;
            Assert.True(process.ExitCode == 0, await errors);
            var publisher = new SyntheticPublisher(Parse(output.ToArray()));
            Cache[key] = publisher;
            return publisher;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static List<(FlvTagType, uint, byte[])> Parse(byte[] flv)
    {
        var tags = new List<(FlvTagType, uint, byte[])>();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(flv));
        Assert.True(FlvReader.TryReadHeader(ref reader, out _, out _));
        while (FlvReader.TryReadTag(ref reader, out var tag))
        {
            if (tag.Type is FlvTagType.Audio or FlvTagType.Video)
            {
                tags.Add((tag.Type, tag.TimestampMs, tag.Body.ToArray()));
            }
        }

        return tags;
    }
}
