using System.Buffers;
using System.Buffers.Binary;
using Spectra.Media.Flv;
using Spectra.Media.Mp4;
using Spectra.Media.Packaging;
using Spectra.Media.Tests.Flv;
using Spectra.Media.Tests.Mp4;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.Packaging;

public class FlvToCmafMuxerTests
{
    [Fact]
    public void AddVideo_BeforeFirstKeyframe_IsDropped()
    {
        var (output, muxer) = Create(fragmentDurationMs: 0);
        using (muxer)
        {
            int initLength = output.WrittenCount;

            muxer.AddVideo(0, Video(keyframe: false, cts: 0, 1));
            muxer.AddAudio(0, Audio(1));
            muxer.Flush();

            Assert.Equal(initLength, output.WrittenCount);
        }
    }

    [Fact]
    public void AddVideo_Keyframes_CutFragmentsWithDurationsFromNextTimestamps()
    {
        var (output, muxer) = Create(fragmentDurationMs: 0);
        using (muxer)
        {
            Assert.False(muxer.AddVideo(1000, Video(keyframe: true, cts: 66, 1, 2)));
            Assert.False(muxer.AddVideo(1033, Video(keyframe: false, cts: 0, 3)));
            Assert.True(muxer.AddVideo(1067, Video(keyframe: true, cts: 33, 4)));
            Assert.True(muxer.Flush());
        }

        var fragments = Fragments(output.WrittenSpan.ToArray());
        Assert.Equal(2, fragments.Count);
        var first = fragments[0].Info.FindTrack(1)!.Value;
        Assert.Equal((0ul, 2, 6030ul, true), (first.BaseMediaDecodeTime, first.SampleCount, first.Duration, first.FirstSampleIsSync));
        var second = fragments[1].Info.FindTrack(1)!.Value;
        Assert.Equal((6030ul, 1, 3060ul, true), (second.BaseMediaDecodeTime, second.SampleCount, second.Duration, second.FirstSampleIsSync));

        // trun of the first fragment: first_sample_flags sync, then duration, size, composition offset (CTS × 90).
        var moof = fragments[0].Moof;
        int trun = moof.AsSpan().IndexOf("trun"u8) - 4;
        Assert.Equal(
            Boxes.FullBox("trun", 0, 0x000B05, Boxes.U32(2), Boxes.U32((uint)moof.Length + 8), Boxes.U32(0x0200_0000),
                Boxes.U32(2970), Boxes.U32(2), Boxes.U32(5940), Boxes.U32(3060), Boxes.U32(1), Boxes.U32(0)),
            moof.AsSpan(trun, 8 + 4 + 4 + 4 + 4 + 24).ToArray());
    }

    [Fact]
    public void AddVideo_FragmentDurationReached_CutsBetweenKeyframes()
    {
        var (output, muxer) = Create(fragmentDurationMs: 100);
        using (muxer)
        {
            for (uint i = 0; i < 10; i++)
            {
                muxer.AddVideo(i * 40, Video(keyframe: i == 0, cts: 0, (byte)i));
            }

            muxer.Flush();
        }

        var fragments = Fragments(output.WrittenSpan.ToArray());
        Assert.Equal([3, 3, 3, 1], fragments.Select(f => f.Info.FindTrack(1)!.Value.SampleCount));
        Assert.Equal([true, false, false, false], fragments.Select(f => f.Info.FindTrack(1)!.Value.FirstSampleIsSync));
        Assert.Equal([0ul, 10_800ul, 21_600ul, 32_400ul], fragments.Select(f => f.Info.FindTrack(1)!.Value.BaseMediaDecodeTime));
    }

    [Fact]
    public void AddAudio_InterleavedWithVideo_GoesIntoFragmentOfItsTime()
    {
        var (output, muxer) = Create(fragmentDurationMs: 0);
        using (muxer)
        {
            muxer.AddVideo(0, Video(keyframe: true, cts: 0, 1));
            muxer.AddAudio(0, Audio(10));
            muxer.AddAudio(21, Audio(11));
            muxer.AddAudio(43, Audio(12));
            muxer.AddVideo(33, Video(keyframe: true, cts: 0, 2)); // cut at 33 ms: audio frames at 0 and 21 ms
            muxer.Flush();
        }

        var fragments = Fragments(output.WrittenSpan.ToArray());
        var audio1 = fragments[0].Info.FindTrack(2)!.Value;
        var audio2 = fragments[1].Info.FindTrack(2)!.Value;
        Assert.Equal((0ul, 2), (audio1.BaseMediaDecodeTime, audio1.SampleCount));
        Assert.Equal((2048ul, 1), (audio2.BaseMediaDecodeTime, audio2.SampleCount));

        // mdat: video sample, then the audio frames, bytes copied without the FLV headers.
        Assert.Equal(new byte[] { 1, 10, 11 }, fragments[0].Mdat);
    }

    [Fact]
    public void AddAudio_TimestampGap_ResynchronisesDecodeTime()
    {
        var (output, muxer) = Create(fragmentDurationMs: 0);
        using (muxer)
        {
            muxer.AddVideo(0, Video(keyframe: true, cts: 0, 1));
            muxer.AddAudio(0, Audio(1));
            muxer.AddVideo(500, Video(keyframe: true, cts: 0, 1));
            muxer.AddAudio(500, Audio(2)); // 24000 ticks, far from the expected 1024
            muxer.AddVideo(1000, Video(keyframe: true, cts: 0, 1));
            muxer.Flush();
        }

        var fragments = Fragments(output.WrittenSpan.ToArray());
        Assert.Equal(24_000ul, fragments[1].Info.FindTrack(2)!.Value.BaseMediaDecodeTime);
    }

    [Fact]
    public void AddAudio_AudioOnly_CutsAtFragmentDuration()
    {
        var output = new ArrayBufferWriter<byte>();
        using (var muxer = new FlvToCmafMuxer(output, null, new Fmp4AudioTrack(Fmp4InitSegmentWriterTests.Asc, 48_000, 2), 100))
        {
            for (uint i = 0; i < 10; i++)
            {
                muxer.AddAudio(i * 21, Audio((byte)i));
            }

            muxer.Flush();
        }

        var fragments = Fragments(output.WrittenSpan.ToArray());
        Assert.Equal([5, 5], fragments.Select(f => f.Info.Tracks.Single().SampleCount));
    }

    [Fact]
    public async Task Flush_RecordedCapture_FfprobeDecodesEveryFrame()
    {
        var flv = File.ReadAllBytes(FlvReaderTests.TestDataPath("testsrc-320x240-1s.flv"));
        var cmaf = MuxFlv(flv, fragmentDurationMs: 250);
        string path = Path.Combine(Path.GetTempPath(), $"spectra-muxer-{Guid.NewGuid():N}.mp4");
        try
        {
            await File.WriteAllBytesAsync(path, cmaf);
            var result = await Ffprobe.ProbeAsync(path);

            Assert.Equal(("h264", 320, 240, "aac"), (result.VideoCodec, result.Width, result.Height, result.AudioCodec));
            Assert.Equal(CountVideoFrames(flv), result.VideoFrames);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_MuxedCapture_PackagerPublishesSegments()
    {
        var flv = File.ReadAllBytes(FlvReaderTests.TestDataPath("testsrc-320x240-1s.flv"));
        var cmaf = MuxFlv(flv, fragmentDurationMs: 250);
        var (packager, window, _) = Packagers.Create();

        await packager.RunAsync(new MemoryStream(cmaf), CancellationToken.None);

        Assert.True(window.SegmentCount > 0);
        Assert.StartsWith("avc1.", window.CurrentInit!.Codecs, StringComparison.Ordinal);
        Assert.EndsWith(",mp4a.40.2", window.CurrentInit.Codecs, StringComparison.Ordinal);
    }

    internal static byte[] MuxFlv(byte[] flv, int fragmentDurationMs)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(flv));
        Assert.True(FlvReader.TryReadHeader(ref reader, out _, out _));
        var tags = new List<FlvTag>();
        byte[]? avcC = null;
        byte[]? asc = null;
        while (FlvReader.TryReadTag(ref reader, out var tag))
        {
            var body = tag.Body.ToArray();
            if (tag.Type == FlvTagType.Video && body[1] == 0)
            {
                avcC ??= body[5..];
            }
            else if (tag.Type == FlvTagType.Audio && body[1] == 0)
            {
                asc ??= body[2..];
            }
            else if (tag.Type is FlvTagType.Audio or FlvTagType.Video)
            {
                tags.Add(tag);
            }
        }

        Assert.True(AvcDecoderConfigurationRecord.TryParse(avcC, out var record));
        Assert.True(AacAudioSpecificConfig.TryParse(asc, out var audio));
        var output = new ArrayBufferWriter<byte>();
        using (var muxer = new FlvToCmafMuxer(
            output,
            new Fmp4VideoTrack(avcC, record!.SequenceParameterSet!.Width, record.SequenceParameterSet.Height),
            new Fmp4AudioTrack(asc, audio!.SampleRate, audio.ChannelConfiguration),
            fragmentDurationMs))
        {
            foreach (var tag in tags)
            {
                var body = tag.Body.ToArray();
                _ = tag.Type == FlvTagType.Video ? muxer.AddVideo(tag.TimestampMs, body) : muxer.AddAudio(tag.TimestampMs, body);
            }

            muxer.Flush();
        }

        return output.WrittenSpan.ToArray();
    }

    private static int CountVideoFrames(byte[] flv)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(flv));
        FlvReader.TryReadHeader(ref reader, out _, out _);
        int frames = 0;
        while (FlvReader.TryReadTag(ref reader, out var tag))
        {
            if (tag.Type == FlvTagType.Video && tag.Body.Slice(1, 1).FirstSpan[0] == 1)
            {
                frames++;
            }
        }

        return frames;
    }

    private static (ArrayBufferWriter<byte> Output, FlvToCmafMuxer Muxer) Create(int fragmentDurationMs)
    {
        var output = new ArrayBufferWriter<byte>();
        var muxer = new FlvToCmafMuxer(
            output,
            new Fmp4VideoTrack(Fmp4InitSegmentWriterTests.AvcC, 320, 240),
            new Fmp4AudioTrack(Fmp4InitSegmentWriterTests.Asc, 48_000, 2),
            fragmentDurationMs);
        return (output, muxer);
    }

    /// <summary>AVCVIDEOPACKET with AVCPacketType 1 (NALUs) and a composition time in ms.</summary>
    private static byte[] Video(bool keyframe, int cts, params byte[] payload) =>
        [(byte)(keyframe ? 0x17 : 0x27), 0x01, (byte)(cts >> 16), (byte)(cts >> 8), (byte)cts, .. payload];

    /// <summary>AACAUDIODATA with AACPacketType 1 (raw frame).</summary>
    private static byte[] Audio(params byte[] payload) => [0xAF, 0x01, .. payload];

    private static List<(Mp4FragmentInfo Info, byte[] Moof, byte[] Mdat)> Fragments(byte[] stream)
    {
        var movie = Mp4InitSegmentParser.Parse(stream);
        var result = new List<(Mp4FragmentInfo, byte[], byte[])>();
        int offset = 0;
        while (offset < stream.Length)
        {
            int size = (int)BinaryPrimitives.ReadUInt32BigEndian(stream.AsSpan(offset));
            if (stream.AsSpan(offset + 4, 4).SequenceEqual("moof"u8))
            {
                var moof = stream[offset..(offset + size)];
                int mdatSize = (int)BinaryPrimitives.ReadUInt32BigEndian(stream.AsSpan(offset + size));
                var mdat = stream[(offset + size + 8)..(offset + size + mdatSize)];
                result.Add((Mp4FragmentParser.Parse(moof, offset, movie), moof, mdat));
                offset += size + mdatSize;
                continue;
            }

            offset += size;
        }

        return result;
    }
}
