using System.Buffers;
using Spectra.Media.Flv;

namespace Spectra.Media.Tests.Flv;

public class FlvReaderTests
{
    internal static string TestDataPath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Flv", name);

    [Fact]
    public void TryReadTag_WrittenTags_RoundTripsTypeTimestampAndBody()
    {
        var writer = new ArrayBufferWriter<byte>();
        FlvWriter.WriteHeader(writer, true, true);
        FlvWriter.WriteTag(writer, FlvTagType.Video, 0x01020304, [0x17, 0x01, 0, 0, 0, 0x55]);
        FlvWriter.WriteTag(writer, FlvTagType.Audio, 33, [0xAF, 0x01]);
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(writer.WrittenMemory));

        Assert.True(FlvReader.TryReadHeader(ref reader, out bool hasAudio, out bool hasVideo));
        Assert.True(FlvReader.TryReadTag(ref reader, out var video));
        Assert.True(FlvReader.TryReadTag(ref reader, out var audio));

        Assert.True(hasAudio && hasVideo);
        Assert.Equal((FlvTagType.Video, 0x01020304u), (video.Type, video.TimestampMs));
        Assert.Equal(new byte[] { 0x17, 0x01, 0, 0, 0, 0x55 }, video.Body.ToArray());
        Assert.Equal((FlvTagType.Audio, 33u), (audio.Type, audio.TimestampMs));
        Assert.True(reader.End);
    }

    [Fact]
    public void TryReadTag_IncompleteTag_ReturnsFalseAndConsumesNothing()
    {
        var writer = new ArrayBufferWriter<byte>();
        FlvWriter.WriteTag(writer, FlvTagType.Audio, 1, [0xAF, 0x01, 0x02]);
        var partial = writer.WrittenMemory[..^1];
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(partial));

        Assert.False(FlvReader.TryReadTag(ref reader, out _));
        Assert.Equal(0, reader.Consumed);
    }

    [Fact]
    public void TryReadTag_WrongPreviousTagSize_ThrowsInvalidData()
    {
        var writer = new ArrayBufferWriter<byte>();
        FlvWriter.WriteTag(writer, FlvTagType.Audio, 1, [0xAF, 0x01]);
        byte[] bytes = writer.WrittenSpan.ToArray();
        bytes[^1]++;

        Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            FlvReader.TryReadTag(ref reader, out _);
        });
    }

    [Fact]
    public void TryReadHeader_NotFlv_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Convert.FromHexString("464C5801050000000900000000")));
            FlvReader.TryReadHeader(ref reader, out _, out _);
        });
    }

    [Fact]
    public void TryReadTag_FfmpegCapture_ReadsAllTagsAndRewritesThemByteExact()
    {
        byte[] capture = File.ReadAllBytes(TestDataPath("testsrc-320x240-1s.flv"));
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(capture));
        var rewritten = new ArrayBufferWriter<byte>();

        Assert.True(FlvReader.TryReadHeader(ref reader, out bool hasAudio, out bool hasVideo));
        FlvWriter.WriteHeader(rewritten, hasAudio, hasVideo);
        int count = 0;
        while (FlvReader.TryReadTag(ref reader, out var tag))
        {
            FlvWriter.WriteTag(rewritten, tag.Type, tag.TimestampMs, tag.Body.ToArray());
            count++;
        }

        Assert.True(reader.End);
        Assert.Equal(63, count);
        Assert.Equal(capture, rewritten.WrittenSpan.ToArray());
    }
}
