using Spectra.Rtmp.Internal.Chunks;
using Spectra.Rtmp.Internal.Commands;
using Spectra.Rtmp.Internal.Handshake;
using Spectra.Rtmp.Tests.TestData;

namespace Spectra.Rtmp.Tests.Internal.Chunks;

/// <summary>Parses the recorded ffmpeg publish (TestData/ffmpeg-publish-1s.bin) with the chunk reader and AMF0 decoder.</summary>
public sealed class FfmpegCaptureTests
{
    private static List<ChunkFeeder.Message> ReadCapture(int pieceSize)
    {
        var capture = GoldenFiles.FfmpegPublish;
        using var reader = new RtmpChunkReader(8 << 20, 32, 16 << 20);
        return ChunkFeeder.ReadAll(reader, capture.AsSpan(RtmpHandshake.RequestLength + RtmpHandshake.PacketLength), pieceSize, (r, m) =>
        {
            if (m.Header.TypeId == RtmpMessageType.SetChunkSize)
            {
                r.SetChunkSize(RtmpControlMessages.ReadUInt32(m.Payload, "Set Chunk Size"));
            }
        });
    }

    [Fact]
    public void ReadAll_FfmpegCapture_GivesPublishSequence()
    {
        var messages = ReadCapture(0);
        var commands = messages.Where(m => m.Header.TypeId == RtmpMessageType.CommandAmf0).Select(m => RtmpCommand.Parse(m.Payload)).ToList();

        Assert.Equal(["connect", "releaseStream", "FCPublish", "createStream", "publish", "FCUnpublish", "deleteStream"], commands.Select(c => c.Name));
        var connect = commands[0];
        Assert.Equal(1d, connect.TransactionId);
        Assert.Equal("live", connect.GetString("app"));
        Assert.StartsWith("rtmp://127.0.0.1:", connect.GetString("tcUrl"), StringComparison.Ordinal);
        Assert.Equal("KEY", commands[4].GetArgument(0));
        Assert.Equal("live", commands[4].GetArgument(1));

        // connect comes first; ffmpeg raises its chunk size from 128 afterwards with Set Chunk Size.
        Assert.Equal(RtmpMessageType.CommandAmf0, messages[0].Header.TypeId);
        Assert.Contains(messages, m => m.Header.TypeId == RtmpMessageType.SetChunkSize);

        var data = Assert.Single(messages, m => m.Header.TypeId == RtmpMessageType.DataAmf0);
        var dataReader = new Spectra.Rtmp.Internal.Amf.Amf0Reader(data.Payload);
        Assert.Equal("@setDataFrame", dataReader.ReadString());
        Assert.Equal("onMetaData", dataReader.ReadString());
        var metadata = Assert.IsType<Dictionary<string, object?>>(dataReader.ReadValue());
        Assert.Equal(320d, metadata["width"]);
        Assert.Equal(180d, metadata["height"]);

        var video = messages.Where(m => m.Header.TypeId == RtmpMessageType.Video).ToList();
        var audio = messages.Where(m => m.Header.TypeId == RtmpMessageType.Audio).ToList();
        Assert.Equal(new byte[] { 0x17, 0x00 }, video[0].Payload[..2]);
        Assert.Equal(new byte[] { 0xAF, 0x00 }, audio[0].Payload[..2]);
        Assert.InRange(video.Count, 28, 32);
        Assert.Equal(0u, video[0].Header.Timestamp);
        Assert.InRange(video[^1].Header.Timestamp, 900u, 1000u);
        Assert.True(video.Zip(video.Skip(1)).All(p => p.First.Header.Timestamp <= p.Second.Header.Timestamp));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void ReadAll_FfmpegCaptureInPieces_SameAsWhole(int pieceSize)
    {
        var whole = ReadCapture(0);
        var pieces = ReadCapture(pieceSize);
        Assert.Equal(whole.Select(m => m.Header), pieces.Select(m => m.Header));
        Assert.True(whole.Zip(pieces).All(p => p.First.Payload.AsSpan().SequenceEqual(p.Second.Payload)));
    }
}
