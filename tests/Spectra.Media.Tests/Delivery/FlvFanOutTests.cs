using System.Buffers;
using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Media.Delivery;
using Spectra.Media.Flv;

namespace Spectra.Media.Tests.Delivery;

public sealed class FlvFanOutTests
{
    // VIDEODATA (E.4.3.1): FrameType (4 bits) | CodecID 7 = AVC, AVCPacketType (0 = sequence header, 1 = NALU), CompositionTime SI24.
    private static readonly byte[] VideoSequenceHeader = [0x17, 0x00, 0, 0, 0, 0x01, 0x64, 0x00, 0x1F];
    // AUDIODATA (E.4.2.1): SoundFormat 10 = AAC, 44 kHz, 16 bit, stereo; AACPacketType 0 = AudioSpecificConfig.
    private static readonly byte[] AudioSequenceHeader = [0xAF, 0x00, 0x12, 0x10];

    private readonly SteppingTimeProvider _time = new();

    [Fact]
    public void Subscribe_AfterKeyframe_GetsConfigurationAndGopFromZero()
    {
        var fanOut = Create();
        fanOut.OnMetadata(new Dictionary<string, object?> { ["width"] = 1280d });
        fanOut.OnMediaTag(FlvTagType.Video, 1000, VideoSequenceHeader);
        fanOut.OnMediaTag(FlvTagType.Audio, 1000, AudioSequenceHeader);
        fanOut.OnMediaTag(FlvTagType.Video, 1000, Frame(keyframe: false, 1)); // before any keyframe: not cached
        fanOut.OnMediaTag(FlvTagType.Video, 2000, Frame(keyframe: true, 2));
        fanOut.OnMediaTag(FlvTagType.Audio, 2010, Audio(3));
        fanOut.OnMediaTag(FlvTagType.Video, 2033, Frame(keyframe: false, 4));

        using var viewer = fanOut.Subscribe()!;

        Assert.True(viewer.HasAudio);
        Assert.True(viewer.HasVideo);
        Assert.Equal(
            [(FlvTagType.ScriptData, 0u), (FlvTagType.Video, 0u), (FlvTagType.Audio, 0u), (FlvTagType.Video, 0u), (FlvTagType.Audio, 10u), (FlvTagType.Video, 33u)],
            ReadAll(viewer).Select(t => (t.Type, t.Timestamp)));
    }

    [Fact]
    public void Subscribe_BeforeKeyframe_WaitsForKeyframe()
    {
        var fanOut = Create();
        fanOut.OnMediaTag(FlvTagType.Video, 0, VideoSequenceHeader);
        using var viewer = fanOut.Subscribe()!;
        fanOut.OnMediaTag(FlvTagType.Video, 40, Frame(keyframe: false, 1));
        fanOut.OnMediaTag(FlvTagType.Audio, 45, Audio(2));
        fanOut.OnMediaTag(FlvTagType.Video, 500, Frame(keyframe: true, 3));
        fanOut.OnMediaTag(FlvTagType.Audio, 520, Audio(4));

        var tags = ReadAll(viewer);

        Assert.Equal([(FlvTagType.Video, 0u), (FlvTagType.Video, 0u), (FlvTagType.Audio, 20u)], tags.Select(t => (t.Type, t.Timestamp)));
        Assert.Equal(3, tags[1].Body[5]);
        Assert.Equal(2, viewer.SkippedTags);
    }

    [Fact]
    public void OnMediaTag_ViewerQueueFull_QueueStaysBoundedAndResumesAtKeyframe()
    {
        var fanOut = Create(new FlvFanOutOptions { MaxQueuedTags = 16, MaxQueuedBytes = 64 * 1024 });
        fanOut.OnMediaTag(FlvTagType.Video, 0, VideoSequenceHeader);
        fanOut.OnMediaTag(FlvTagType.Video, 0, Frame(keyframe: true, 0));
        using var slow = fanOut.Subscribe()!;
        using var fast = fanOut.Subscribe()!;
        var fastTags = new List<(FlvTagType Type, uint Timestamp, byte[] Body)>();
        for (uint i = 1; i < 100; i++)
        {
            fanOut.OnMediaTag(FlvTagType.Video, i * 40, Frame(keyframe: i % 30 == 0, (byte)i));
            Assert.True(slow.QueuedBytes <= 64 * 1024);
            fastTags.AddRange(ReadAll(fast)); // the fast viewer reads as it goes and loses nothing (the cached keyframe + 99)
        }

        Assert.Equal(99 + 1, fastTags.Count(t => t.Body[1] == 1));
        var slowTags = ReadAll(slow);
        Assert.True(slow.SkippedTags > 0);
        // After the skip: the sequence header again, then the keyframe of frame 90 and what followed.
        Assert.Equal(0, slowTags[0].Body[1]);
        Assert.Equal(0x17, slowTags[1].Body[0]);
        Assert.Equal(90, slowTags[1].Body[5]);
        Assert.Equal(Enumerable.Range(90, 10).Select(i => (byte)i), slowTags.Skip(1).Select(t => t.Body[5]));
        Assert.Equal(FlvViewerCloseReason.None, slow.CloseReason);
    }

    [Fact]
    public void OnMediaTag_ViewerBehindLongerThanSlowTimeout_Closed()
    {
        var fanOut = Create(new FlvFanOutOptions { MaxQueuedTags = 16, SlowViewerTimeout = TimeSpan.FromSeconds(2), StalledViewerTimeout = TimeSpan.FromMinutes(1) });
        fanOut.OnMediaTag(FlvTagType.Video, 0, Frame(keyframe: true, 0));
        using var viewer = fanOut.Subscribe()!;
        for (uint i = 1; i < 200 && viewer.CloseReason == FlvViewerCloseReason.None; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(40));
            fanOut.OnMediaTag(FlvTagType.Video, i * 40, Frame(keyframe: i % 10 == 0, (byte)i));
            // Reads a little now and then but never catches up.
            if (i % 8 == 0 && viewer.TryRead(out var tag))
            {
                tag.Dispose();
            }
        }

        Assert.Equal(FlvViewerCloseReason.TooSlow, viewer.CloseReason);
        Assert.True(viewer.Closed.IsCancellationRequested);
        Assert.Equal(0, viewer.QueuedBytes);
        Assert.Equal(0, fanOut.ViewerCount);
    }

    [Fact]
    public void OnMediaTag_ViewerNeverReads_ClosedAfterStalledTimeout()
    {
        var fanOut = Create(new FlvFanOutOptions { StalledViewerTimeout = TimeSpan.FromSeconds(1) });
        fanOut.OnMediaTag(FlvTagType.Video, 0, Frame(keyframe: true, 0));
        using var idle = fanOut.Subscribe()!;
        using var reader = fanOut.Subscribe()!;
        for (uint i = 1; i <= 24; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            fanOut.OnMediaTag(FlvTagType.Video, i * 50, Frame(keyframe: false, (byte)i));
            ReadAll(reader);
        }

        Assert.Equal(FlvViewerCloseReason.Stalled, idle.CloseReason);
        Assert.True(idle.Closed.IsCancellationRequested);
        Assert.Equal(FlvViewerCloseReason.None, reader.CloseReason);
        Assert.Equal(1, fanOut.ViewerCount);
    }

    [Fact]
    public async Task Complete_EveryViewerDrainsThenEnds()
    {
        var fanOut = Create();
        fanOut.OnMediaTag(FlvTagType.Video, 0, Frame(keyframe: true, 0));
        using var first = fanOut.Subscribe()!;
        using var second = fanOut.Subscribe()!;
        var waiting = second.WaitToReadAsync();
        Assert.True(await waiting); // the GOP is already queued

        fanOut.Complete();

        Assert.Single(ReadAll(first));
        Assert.False(await first.WaitToReadAsync());
        Assert.Equal(FlvViewerCloseReason.StreamEnded, first.CloseReason);
        Assert.False(first.Closed.IsCancellationRequested);
        ReadAll(second);
        Assert.False(await second.WaitToReadAsync());
        Assert.Null(fanOut.Subscribe());
        Assert.Equal(0, fanOut.ViewerCount);
    }

    [Fact]
    public async Task Complete_WakesWaitingReader()
    {
        var fanOut = Create();
        using var viewer = fanOut.Subscribe()!;
        var waiting = viewer.WaitToReadAsync();
        Assert.False(waiting.IsCompleted);

        fanOut.Complete();

        Assert.False(await waiting.AsTask().WaitAsync(TimeSpan.FromSeconds(5)) && viewer.TryRead(out _));
    }

    [Fact]
    public void WriteAvailable_WritesFlvTagsWithRebasedTimestamps()
    {
        var fanOut = Create();
        fanOut.OnMediaTag(FlvTagType.Video, 0x0100_0000, Frame(keyframe: true, 7));
        using var viewer = fanOut.Subscribe()!;
        fanOut.OnMediaTag(FlvTagType.Audio, 0x0100_0000 + 0x12_3456, Audio(1));
        var output = new ArrayBufferWriter<byte>();

        viewer.WriteFlvHeader(output);
        int written = viewer.WriteAvailable(output, 1 << 20);

        byte[] expected =
        [
            (byte)'F', (byte)'L', (byte)'V', 1, 0x01, 0, 0, 0, 9, 0, 0, 0, 0, // header: video only so far
            9, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0x17, 1, 0, 0, 0, 7, 0, 0, 0, 17, // keyframe at 0
            8, 0, 0, 3, 0x12, 0x34, 0x56, 0, 0, 0, 0, 0xAF, 1, 1, 0, 0, 0, 14, // audio at 0x123456 ms
        ];
        Assert.Equal(expected, output.WrittenSpan.ToArray());
        Assert.Equal(expected.Length - FlvWriter.HeaderLength, written);
    }

    [Fact]
    public void OnMetadata_WritesOnMetaDataScriptBody()
    {
        byte[] body = FlvScriptDataWriter.WriteOnMetaData(new Dictionary<string, object?> { ["w"] = 2d, ["s"] = "x", ["b"] = true, ["n"] = null, ["o"] = new object() });

        byte[] expected =
        [
            0x02, 0, 10, .. "onMetaData"u8, 0x08, 0, 0, 0, 4,
            0, 1, (byte)'w', 0x00, 0x40, 0, 0, 0, 0, 0, 0, 0,
            0, 1, (byte)'s', 0x02, 0, 1, (byte)'x',
            0, 1, (byte)'b', 0x01, 1,
            0, 1, (byte)'n', 0x05,
            0, 0, 9,
        ];
        Assert.Equal(expected, body);
    }

    private FlvFanOut Create(FlvFanOutOptions? options = null) =>
        new("test", options ?? new FlvFanOutOptions(), _time, NullLogger.Instance);

    private static byte[] Frame(bool keyframe, byte marker) => [(byte)(keyframe ? 0x17 : 0x27), 1, 0, 0, 0, marker];

    private static byte[] Audio(byte marker) => [0xAF, 1, marker];

    private static List<(FlvTagType Type, uint Timestamp, byte[] Body)> ReadAll(FlvViewer viewer)
    {
        var tags = new List<(FlvTagType, uint, byte[])>();
        while (viewer.TryRead(out var tag))
        {
            using (tag)
            {
                tags.Add((tag.Type, tag.TimestampMs, tag.Body.ToArray()));
            }
        }

        return tags;
    }

    private sealed class SteppingTimeProvider : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
