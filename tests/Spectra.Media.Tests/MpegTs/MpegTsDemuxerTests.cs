using System.Buffers;
using System.Buffers.Binary;
using Spectra.Media.Flv;
using Spectra.Media.MpegTs;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.MpegTs;

public sealed class MpegTsDemuxerTests
{
    private const int PacketSize = 188;

    [Fact]
    public void Feed_Capture_YieldsSequenceHeadersFirstThenEveryFrameInDecodeOrder()
    {
        var tags = Demux(TestFiles.Read(TestFiles.AvcAacTs), out var statistics);

        var firstVideo = tags.Video.First();
        Assert.Equal([0x17, 0x00], firstVideo.Body[..2]);
        Assert.True(AvcDecoderConfigurationRecord.TryParse(firstVideo.Body.AsSpan(5), out var record));
        Assert.Equal(4, record!.NalUnitLengthSize);
        Assert.Equal((320, 180), (record.SequenceParameterSet!.Width, record.SequenceParameterSet.Height));
        Assert.StartsWith("avc1.4d", record.CodecString, StringComparison.Ordinal);

        var firstAudio = tags.Audio.First();
        Assert.Equal([0xAF, 0x00], firstAudio.Body[..2]);
        Assert.True(AacAudioSpecificConfig.TryParse(firstAudio.Body.AsSpan(2), out var config));
        Assert.Equal((2, 48000, 1), (config!.AudioObjectType, config.SampleRate, config.ChannelConfiguration));

        Assert.Equal(50, tags.VideoFrames);
        Assert.Equal(95, tags.AudioFrames);
        Assert.Equal(1, tags.Video.Count(t => t.Body[1] == 0));
        Assert.Equal(1, tags.Audio.Count(t => t.Body[1] == 0));

        // Keyframes every 25 frames (1 s), decode timestamps 40 ms apart, composition offsets for the B-frames.
        var frames = tags.Video.Where(t => t.Body[1] == 1).ToList();
        Assert.Equal([0, 25], frames.Select((f, i) => (f, i)).Where(x => x.f.Body[0] == 0x17).Select(x => x.i));
        Assert.All(frames.Skip(1).Zip(frames), pair => Assert.Equal(40u, pair.First.TimestampMs - pair.Second.TimestampMs));
        Assert.Contains(frames, f => ReadInt24(f.Body.AsSpan(2)) > 0);

        // Audio frames 1024 samples (21.3 ms) apart.
        var audio = tags.Audio.Where(t => t.Body[1] == 1).ToList();
        Assert.InRange(audio[^1].TimestampMs - audio[0].TimestampMs, 94 * 21u, 94 * 22u);

        // Frames hold length-prefixed NAL units without SPS, PPS or access unit delimiters.
        foreach (var frame in frames)
        {
            var nals = frame.Body.AsSpan(5);
            while (!nals.IsEmpty)
            {
                int length = BinaryPrimitives.ReadInt32BigEndian(nals);
                Assert.InRange(length, 1, nals.Length - 4);
                Assert.DoesNotContain(nals[4] & 0x1F, new[] { 7, 8, 9 });
                nals = nals[(4 + length)..];
            }
        }

        Assert.Equal(0, statistics.ContinuityErrors);
        Assert.Equal(0, statistics.SkippedBytes);
        Assert.Equal(0, statistics.DroppedPes);
        Assert.Equal(0, statistics.BadSections);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(187)]
    [InlineData(1316)]
    [InlineData(4099)]
    public void Feed_InChunksOfAnySize_YieldsTheSameTags(int chunk)
    {
        var capture = TestFiles.Read(TestFiles.AvcAacTs);
        var whole = Demux(capture, out _);
        var collector = new TagCollector();
        using (var demuxer = new MpegTsDemuxer(collector))
        {
            for (int i = 0; i < capture.Length; i += chunk)
            {
                demuxer.Feed(capture.AsSpan(i, Math.Min(chunk, capture.Length - i)));
            }

            demuxer.Complete();
        }

        Assert.Equal(whole.Tags.Count, collector.Tags.Count);
        Assert.All(whole.Tags.Zip(collector.Tags), pair =>
        {
            Assert.Equal(pair.First.Type, pair.Second.Type);
            Assert.Equal(pair.First.TimestampMs, pair.Second.TimestampMs);
            Assert.Equal(pair.First.Body, pair.Second.Body);
        });
    }

    [Fact]
    public async Task Feed_TagsWrittenAsFlv_FfprobeDecodesEveryFrame()
    {
        var tags = Demux(TestFiles.Read(TestFiles.AvcAacTs), out _);
        var writer = new ArrayBufferWriter<byte>();
        FlvWriter.WriteHeader(writer, hasAudio: true, hasVideo: true);
        foreach (var (type, timestamp, body) in tags.Tags)
        {
            FlvWriter.WriteTag(writer, type, timestamp, body);
        }

        var path = Path.Combine(Path.GetTempPath(), $"spectra-ts-{Guid.NewGuid():N}.flv");
        await File.WriteAllBytesAsync(path, writer.WrittenMemory.ToArray());
        try
        {
            var probe = await Ffprobe.ProbeAsync(path);
            Assert.Equal(("h264", 320, 180, 50, "aac"), (probe.VideoCodec, probe.Width, probe.Height, probe.VideoFrames, probe.AudioCodec));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Feed_LostVideoPacket_CountsContinuityErrorAndDropsOnlyTheDamagedFrame()
    {
        var capture = TestFiles.Read(TestFiles.AvcAacTs);
        int videoPid = VideoPid(capture);

        // A packet inside the eleventh frame (a P- or B-frame: losing the keyframe would cost the whole GOP).
        var video = PacketsOf(capture, videoPid).ToList();
        int frameStart = video.Select((offset, index) => (offset, index)).Where(p => (capture[p.offset + 1] & 0x40) != 0).Skip(10)
            .First(p => p.index + 1 < video.Count && (capture[video[p.index + 1] + 1] & 0x40) == 0).index;
        int victim = video[frameStart + 1];
        var damaged = capture.AsSpan(0, victim).ToArray().Concat(capture.AsSpan(victim + PacketSize).ToArray()).ToArray();

        var tags = Demux(damaged, out var statistics);
        Assert.Equal(1, statistics.ContinuityErrors);
        Assert.Equal(1, statistics.DroppedPes);
        Assert.Equal(49, tags.VideoFrames);
        Assert.Equal(95, tags.AudioFrames);
    }

    [Fact]
    public void Feed_DuplicatedPacket_IsIgnored()
    {
        var capture = TestFiles.Read(TestFiles.AvcAacTs);
        int packet = PacketsOf(capture, VideoPid(capture)).Skip(10).First();
        var duplicated = capture.AsSpan(0, packet + PacketSize).ToArray()
            .Concat(capture.AsSpan(packet, PacketSize).ToArray())
            .Concat(capture.AsSpan(packet + PacketSize).ToArray()).ToArray();

        var tags = Demux(duplicated, out var statistics);
        Assert.Equal(0, statistics.ContinuityErrors);
        Assert.Equal(50, tags.VideoFrames);
    }

    [Fact]
    public void Feed_TruncatedPacket_IsSkippedAndTheStreamResynchronizes()
    {
        var capture = TestFiles.Read(TestFiles.AvcAacTs);
        var video = PacketsOf(capture, VideoPid(capture)).ToList();
        int frameStart = video.Select((offset, index) => (offset, index)).Where(p => (capture[p.offset + 1] & 0x40) != 0).Skip(12)
            .First(p => p.index + 1 < video.Count && (capture[video[p.index + 1] + 1] & 0x40) == 0).index;
        int packet = video[frameStart + 1];
        var truncated = capture.AsSpan(0, packet + 100).ToArray().Concat(capture.AsSpan(packet + PacketSize).ToArray()).ToArray();

        var tags = Demux(truncated, out var statistics);
        Assert.True(statistics.SkippedBytes >= 100, $"{statistics.SkippedBytes} bytes skipped");
        Assert.Equal(1, statistics.ContinuityErrors);
        Assert.Equal(49, tags.VideoFrames);
        Assert.Equal(95, tags.AudioFrames);
    }

    [Fact]
    public void Feed_GarbageBetweenPackets_IsSkippedAndEveryFrameStillArrives()
    {
        var capture = TestFiles.Read(TestFiles.AvcAacTs);
        var random = new Random(18);
        var noisy = new List<byte>();
        for (int i = 0; i < capture.Length; i += PacketSize)
        {
            noisy.AddRange(capture.AsSpan(i, PacketSize).ToArray());
            if (i / PacketSize % 50 == 0)
            {
                var junk = new byte[random.Next(1, 300)];
                random.NextBytes(junk);
                junk[0] = 0x12; // never a sync byte right where the next packet is expected
                noisy.AddRange(junk);
            }
        }

        var tags = Demux([.. noisy], out var statistics);
        Assert.True(statistics.SkippedBytes > 0);
        Assert.Equal(50, tags.VideoFrames);
        Assert.Equal(95, tags.AudioFrames);
    }

    [Fact]
    public void Feed_RandomBytes_YieldsNothingAndDoesNotThrow()
    {
        var garbage = new byte[256 * 1024];
        new Random(7).NextBytes(garbage);
        for (int i = 0; i < garbage.Length; i += 1000)
        {
            garbage[i] = 0x47;
        }

        var tags = Demux(garbage, out var statistics);
        Assert.Empty(tags.Tags);
        Assert.True(statistics.SkippedBytes > garbage.Length / 2);
    }

    [Fact]
    public void Feed_CorruptedPat_IsRejectedByItsCrcAndTheNextOneIsUsed()
    {
        var capture = TestFiles.Read(TestFiles.AvcAacTs);
        int firstPat = PacketsOf(capture, 0).First();
        capture[firstPat + 15] ^= 0xFF;

        var tags = Demux(capture, out var statistics);
        Assert.True(statistics.BadSections >= 1);

        // Until the next PAT (at the next keyframe) the program is unknown: the second GOP is what arrives.
        Assert.Equal(25, tags.VideoFrames);
    }

    [Fact]
    public void Feed_HevcProgram_ThrowsNamingTheCodec()
    {
        var error = Assert.Throws<MpegTsFormatException>(() => Demux(TestFiles.Read(TestFiles.HevcTs), out _));
        Assert.Contains("0x24 (H.265)", error.Message, StringComparison.Ordinal);
        Assert.Contains("H.264", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_PesLargerThanTheLimit_IsDroppedAndCounted()
    {
        // Audio PES are under 3000 bytes (ffmpeg packs 2930); the two keyframes are not, and without them no frame is usable.
        var tags = Demux(TestFiles.Read(TestFiles.AvcAacTs), out var statistics, maxPesSize: 3000);
        Assert.True(statistics.DroppedPes >= 50, $"{statistics.DroppedPes} dropped");
        Assert.Equal(0, tags.VideoFrames);
        Assert.Equal(95, tags.AudioFrames);
    }

    private static TagCollector Demux(byte[] data, out MpegTsStatistics statistics, int maxPesSize = MpegTsDemuxer.DefaultMaxPesSize)
    {
        var collector = new TagCollector();
        using var demuxer = new MpegTsDemuxer(collector, maxPesSize);
        demuxer.Feed(data);
        demuxer.Complete();
        statistics = demuxer.Statistics;
        return collector;
    }

    private static int ReadInt24(ReadOnlySpan<byte> b) => (b[0] << 16) | (b[1] << 8) | b[2];

    private static IEnumerable<int> PacketsOf(byte[] capture, int pid)
    {
        for (int i = 0; i + PacketSize <= capture.Length; i += PacketSize)
        {
            if ((((capture[i + 1] & 0x1F) << 8) | capture[i + 2]) == pid)
            {
                yield return i;
            }
        }
    }

    /// <summary>The PID whose first PES starts with a video stream_id (0xE0).</summary>
    private static int VideoPid(byte[] capture)
    {
        for (int i = 0; i + PacketSize <= capture.Length; i += PacketSize)
        {
            int offset = (capture[i + 3] & 0x20) != 0 ? 5 + capture[i + 4] : 4;
            if ((capture[i + 1] & 0x40) != 0 && offset + 4 <= PacketSize
                && capture[i + offset] == 0 && capture[i + offset + 1] == 0 && capture[i + offset + 2] == 1 && capture[i + offset + 3] == 0xE0)
            {
                return ((capture[i + 1] & 0x1F) << 8) | capture[i + 2];
            }
        }

        throw new InvalidOperationException("no video PID");
    }
}
