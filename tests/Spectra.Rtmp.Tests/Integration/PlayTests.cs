using System.Threading.Channels;
using Spectra.Rtmp.Internal.Chunks;
using Spectra.Rtmp.Internal.Commands;
using Spectra.Rtmp.Tests.Infrastructure;

namespace Spectra.Rtmp.Tests.Integration;

/// <summary>play over a real Kestrel loopback connection with an in-memory <see cref="IRtmpPlayHandler"/>.</summary>
public sealed class PlayTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Play_LiveStream_StatusesSampleAccessMessagesThenUnpublishNotify()
    {
        var source = new ChannelSubscription();
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"), playHandler: new PlayHandler("gina", source));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);
        var streamId = await PlayAsync(client, "gina");

        Assert.Equal(RtmpCommandWriter.PlayReset, Code(await client.WaitForCommandAsync(c => c.Name == "onStatus")));
        Assert.Equal(RtmpCommandWriter.PlayStart, Code(await client.WaitForCommandAsync(c => c.Name == "onStatus")));
        var sampleAccess = await NextAsync(client, m => m.Header.TypeId == RtmpMessageType.DataAmf0);
        Assert.Equal([0x02, 0x00, 0x11, .. "|RtmpSampleAccess"u8, 0x01, 0x01, 0x01, 0x01], sampleAccess.Payload);

        source.Add(RtmpMessageType.Video, 0, [0x17, 0x00, 0, 0, 0]);
        source.Add(RtmpMessageType.Audio, 40, [0xAF, 0x01, 0x21]);
        var video = await NextAsync(client, m => m.Header.TypeId == RtmpMessageType.Video);
        Assert.Equal((streamId, 0u), (video.Header.MessageStreamId, video.Header.Timestamp));
        Assert.Equal([0x17, 0x00, 0, 0, 0], video.Payload);
        var audio = await NextAsync(client, m => m.Header.TypeId == RtmpMessageType.Audio);
        Assert.Equal((streamId, 40u), (audio.Header.MessageStreamId, audio.Header.Timestamp));

        source.End();
        Assert.Equal(RtmpCommandWriter.PlayUnpublishNotify, Code(await client.WaitForCommandAsync(c => c.Name == "onStatus")));
        Assert.True(await client.WaitForCloseAsync(Wait));
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task Play_UnknownStream_StreamNotFoundThenClosed()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"), playHandler: new PlayHandler("gina", new ChannelSubscription()));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);
        await PlayAsync(client, "KEY");

        var status = await client.WaitForCommandAsync(c => c.Name == "onStatus");

        Assert.Equal(RtmpCommandWriter.PlayStreamNotFound, Code(status));
        Assert.True(await client.WaitForCloseAsync(Wait));
        await server.Logs.WaitForEventAsync("RtmpPlayNotFound", Wait);
    }

    [Fact]
    public async Task Play_PlayerSendsVideo_ClosedByPrePublishLimit()
    {
        var source = new ChannelSubscription();
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"), playHandler: new PlayHandler("gina", source));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);
        var streamId = await PlayAsync(client, "gina");
        await client.WaitForCommandAsync(c => c.Name == "onStatus" && Code(c) == RtmpCommandWriter.PlayStart);

        await client.SendMessageAsync(6, RtmpMessageType.Video, streamId, new byte[] { 0x17, 0x01, 0, 0, 0 });

        Assert.True(await client.WaitForCloseAsync(Wait));
        await server.Logs.WaitForEventAsync("RtmpPrePublishLimit", Wait);
        Assert.True(source.Disposed);
    }

    private static async Task<uint> PlayAsync(RtmpTestClient client, string name)
    {
        await client.HandshakeAsync();
        await client.SendConnectAsync();
        await client.WaitForCommandAsync(c => c.Name == "_result" && c.TransactionId == 1);
        await client.SendCommandAsync(0, "createStream", 2, null);
        var created = await client.WaitForCommandAsync(c => c.Name == "_result" && c.TransactionId == 2);
        var streamId = (uint)(double)created.GetArgument(0)!;
        await client.SendCommandAsync(0, "getStreamLength", 3, null, name);
        Assert.Equal(0d, (await client.WaitForCommandAsync(c => c.Name == "_result" && c.TransactionId == 3)).GetArgument(0));
        await client.SendCommandAsync(streamId, "play", 0, null, name, -1000d);
        return streamId;
    }

    private static async Task<RtmpTestClient.Received> NextAsync(RtmpTestClient client, Func<RtmpTestClient.Received, bool> predicate)
    {
        using var cts = new CancellationTokenSource(Wait);
        while (true)
        {
            var message = await client.ReadMessageAsync(cts.Token) ?? throw new InvalidOperationException("closed");
            if (predicate(message))
            {
                return message;
            }
        }
    }

    private static string? Code(RtmpCommand command) =>
        (command.GetArgument(0) as Dictionary<string, object?>)?["code"] as string;

    private sealed class PlayHandler(string name, IRtmpPlaySubscription subscription) : IRtmpPlayHandler
    {
        public ValueTask<IRtmpPlaySubscription?> PlayAsync(RtmpPlayRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(request.StreamName == name ? subscription : null);
    }

    private sealed class ChannelSubscription : IRtmpPlaySubscription
    {
        private readonly Channel<(byte Type, uint Timestamp, byte[] Body)> _messages = Channel.CreateUnbounded<(byte, uint, byte[])>();

        public bool Disposed { get; private set; }

        public CancellationToken Closed => CancellationToken.None;

        public void Add(byte type, uint timestamp, byte[] body) => _messages.Writer.TryWrite((type, timestamp, body));

        public void End() => _messages.Writer.TryComplete();

        public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _messages.Reader.WaitToReadAsync(cancellationToken);

        public bool TryReadTo(IRtmpPlayWriter writer)
        {
            if (!_messages.Reader.TryRead(out var message))
            {
                return false;
            }

            writer.Write(message.Type, message.Timestamp, message.Body);
            return true;
        }

        public void Dispose() => Disposed = true;
    }
}
