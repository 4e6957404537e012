using Spectra.Rtmp.Internal.Chunks;
using Spectra.Rtmp.Tests.Infrastructure;

namespace Spectra.Rtmp.Tests.Integration;

/// <summary>The publish decision as a client sees it: statuses, replies, who gets closed.</summary>
public sealed class PublishDecisionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static string Info(Spectra.Rtmp.Internal.Commands.RtmpCommand command, string key)
        => (string)((Dictionary<string, object?>)command.GetArgument(0)!)[key]!;

    [Fact]
    public async Task Publish_KnownKey_StartsAndDeliversMediaWithAbsoluteTimestamps()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);

        var (streamId, status) = await client.PublishAsync("KEY?secret=1");
        Assert.Equal("NetStream.Publish.Start", Info(status, "code"));
        Assert.Equal("status", Info(status, "level"));

        var sink = await server.Handler.NextAcceptedAsync(Wait);
        Assert.Equal("KEY", sink.Request.StreamName);
        Assert.Equal("live", sink.Request.App);
        Assert.NotNull(sink.Request.RemoteEndPoint);

        await client.SendMessageAsync(6, RtmpMessageType.Video, streamId, new byte[] { 0x17, 0x00, 1, 2 }, timestamp: 0);
        await client.SendMessageAsync(4, RtmpMessageType.Audio, streamId, new byte[] { 0xAF, 0x00, 0x12 }, timestamp: 5);

        // fmt 2 delta of 33 ms on the video chunk stream: absolute 33.
        await client.SendAsync(new byte[] { 0x86, 0x00, 0x00, 0x21, 0x27, 0x01, 0x02, 0x03 });
        await client.SendCommandAsync(streamId, "deleteStream", 3, null, (double)streamId);

        Assert.Equal(RtmpUnpublishReason.Unpublished, await sink.Unpublished.WaitAsync(Wait));
        var media = sink.Media.ToArray();
        Assert.Equal([(RtmpMediaType.Video, 0u), (RtmpMediaType.Audio, 5u), (RtmpMediaType.Video, 33u)], media.Select(m => (m.Type, m.Timestamp)));
        Assert.Equal(new byte[] { 0x27, 0x01, 0x02, 0x03 }, media[2].Head);
    }

    [Fact]
    public async Task Publish_KeyInAppAndTcUrl_ResolvedToLiveAndKey()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);

        // OBS with "rtmp://host/live/KEY" as server and an empty key: app "live/KEY", tcUrl ".../live/KEY", publish "".
        var (_, status) = await client.PublishAsync("", app: "live/KEY");

        Assert.Equal("NetStream.Publish.Start", Info(status, "code"));
        var sink = await server.Handler.NextAcceptedAsync(Wait);
        Assert.Equal(("live", "KEY"), (sink.Request.App, sink.Request.StreamName));
        Assert.Equal("rtmp://127.0.0.1/live/KEY", sink.Request.TcUrl);
    }

    [Fact]
    public async Task Publish_UnknownKey_BadNameThenClosed()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);

        var (_, status) = await client.PublishAsync("WRONG");

        Assert.Equal("NetStream.Publish.BadName", Info(status, "code"));
        Assert.Equal("error", Info(status, "level"));
        Assert.Equal("unknown stream key", Info(status, "description"));
        Assert.True(await client.WaitForCloseAsync());
        var log = await server.Logs.WaitForEventAsync("RtmpPublishRejected", Wait);
        Assert.Contains("rejected (BadName: unknown stream key)", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_OtherApplication_BadNameWithoutAskingHandler()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);

        var (_, status) = await client.PublishAsync("KEY", app: "vod");

        Assert.Equal("NetStream.Publish.BadName", Info(status, "code"));
        Assert.Equal("unknown application", Info(status, "description"));
        Assert.True(await client.WaitForCloseAsync());
        Assert.Empty(server.Handler.Requests);
    }

    [Fact]
    public async Task Publish_SecondPublisherSameKey_RejectedWhileFirstKeepsStreaming()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        var first = ExternalProcess.FfmpegPublishAsync(server.Url("live/KEY"), seconds: 6);
        var sink = await server.Handler.NextAcceptedAsync(Wait);
        await sink.FirstVideo.WaitAsync(Wait);

        await using (var second = await RtmpTestClient.ConnectAsync(server.Port))
        {
            var (_, status) = await second.PublishAsync("KEY");
            Assert.Equal("NetStream.Publish.BadName", Info(status, "code"));
            Assert.Equal("already publishing", Info(status, "description"));
            Assert.True(await second.WaitForCloseAsync());
        }

        var countAfterRejection = sink.MediaCount;
        var run = await first;
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains(await sink.Unpublished.WaitAsync(Wait), FfmpegPublishTests.FfmpegEndReasons);
        Assert.True(sink.MediaCount > countAfterRejection + 60, $"first publisher stalled: {countAfterRejection} -> {sink.MediaCount}");
        Assert.Equal(1, sink.UnpublishCalls);
    }

    [Fact]
    public async Task Publish_FfmpegUnknownKey_FfmpegFailsAndNothingPublished()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        var run = await ExternalProcess.FfmpegPublishAsync(server.Url("live/NOPE"), seconds: 2);
        Assert.NotEqual(0, run.ExitCode);
        Assert.False(run.TimedOut);
        var request = Assert.Single(server.Handler.Requests);
        Assert.Equal("NOPE", request.StreamName);
        Assert.False(server.Handler.Accepted.TryRead(out _));
    }

    [Fact]
    public async Task Connect_Reply_ControlMessagesThenConnectSuccess()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);
        await client.HandshakeAsync();
        await client.SendConnectAsync();

        using var cts = new CancellationTokenSource(Wait);
        var types = new List<byte>();
        RtmpTestClient.Received? message;
        do
        {
            message = await client.ReadMessageAsync(cts.Token);
            types.Add(message!.Value.Header.TypeId);
        }
        while (message.Value.Command is null);

        Assert.Equal(
            [RtmpMessageType.WindowAcknowledgementSize, RtmpMessageType.SetPeerBandwidth, RtmpMessageType.SetChunkSize, RtmpMessageType.UserControl, RtmpMessageType.CommandAmf0],
            types);
        var result = message.Value.Command!;
        Assert.Equal("_result", result.Name);
        Assert.Equal(1d, result.TransactionId);
        Assert.Equal("NetConnection.Connect.Success", Info(result, "code"));
    }

    [Fact]
    public async Task PingRequest_Answered_WithPingResponseSameTimestamp()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);
        await client.HandshakeAsync();
        await client.SendMessageAsync(2, RtmpMessageType.UserControl, 0, new byte[] { 0x00, 0x06, 0x12, 0x34, 0x56, 0x78 });

        using var cts = new CancellationTokenSource(Wait);
        var reply = await client.ReadMessageAsync(cts.Token);
        Assert.Equal(RtmpMessageType.UserControl, reply!.Value.Header.TypeId);
        Assert.Equal(new byte[] { 0x00, 0x07, 0x12, 0x34, 0x56, 0x78 }, reply.Value.Payload);
    }

    [Fact]
    public async Task Acknowledgement_SentAfterEachWindow()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);
        var (streamId, _) = await client.PublishAsync("KEY");

        // Announce a 10,000-byte window, then send 25,000 bytes of video: at least two acknowledgements come back.
        await client.SendMessageAsync(2, RtmpMessageType.WindowAcknowledgementSize, 0, new byte[] { 0, 0, 0x27, 0x10 });
        for (var i = 0; i < 25; i++)
        {
            await client.SendMessageAsync(6, RtmpMessageType.Video, streamId, new byte[1000], (uint)(i * 33));
        }

        using var cts = new CancellationTokenSource(Wait);
        var acknowledged = new List<uint>();
        while (acknowledged.Count < 2)
        {
            var message = await client.ReadMessageAsync(cts.Token);
            Assert.True(message.HasValue, string.Join("\n", server.Logs.Entries));
            if (message.Value.Header.TypeId == RtmpMessageType.Acknowledgement)
            {
                acknowledged.Add(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(message.Value.Payload));
            }
        }

        Assert.True(acknowledged[1] - acknowledged[0] >= 10_000, string.Join(",", acknowledged));
    }
}
