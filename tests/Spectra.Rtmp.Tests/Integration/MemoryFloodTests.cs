using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Rtmp.Internal;
using Spectra.Rtmp.Internal.Chunks;
using Spectra.Rtmp.Internal.Session;
using Spectra.Rtmp.Tests.Infrastructure;

namespace Spectra.Rtmp.Tests.Integration;

/// <summary>
/// Connections that never publish cannot make the server hold memory: whatever they send, the buffers they pin stay
/// within Rtmp:PrePublishMaxMessageSize's budget, measured both by the server's own accounting and by the GC.
/// Runs alone (the fuzz collection) so that the heap measurement sees only this test.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class MemoryFloodTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Connections = 50;
    private const int ChunkSize = 4096;
    private const byte UndefinedType = 0x7F;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Flood_FiftyIdleConnectionsWithLargeMessagesBeforePublish_HeldMemoryStaysWithinCap()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"), o =>
        {
            o.MaxMessageSize = 1024 * 1024;
            o.IdleTimeout = TimeSpan.FromMinutes(2);
            o.HandshakeTimeout = TimeSpan.FromSeconds(30);
            o.MaxConnectionsPerAddress = 2 * Connections;
        });
        var registry = server.Services.GetRequiredService<RtmpConnectionRegistry>();
        var perConnectionCap = RtmpSession.HeldBytesLimit(new RtmpOptions().PrePublishMaxMessageSize);
        var small = new byte[12 * 1024];
        var large = new byte[256 * 1024];

        // Warm up (JIT, pools) with one connection of the same shape, then take the baseline.
        await using (var warmUp = await RtmpTestClient.ConnectAsync(server.Port))
        {
            await SendAsync(warmUp, small, large, oversized: false);
            Assert.True(await warmUp.PingAsync(Wait));
        }

        await server.Logs.WaitForEventAsync("RtmpConnectionClosed", Wait);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        var clients = new List<RtmpTestClient>();
        var open = new List<RtmpTestClient>();
        try
        {
            // Half of the connections stay within the limits before publish: small finished messages on several chunk
            // streams and one small message left incomplete. The other half also send 256 KiB messages and leave a
            // 1 MiB one incomplete after 900 KiB. None of them ever publishes.
            for (var i = 0; i < Connections; i++)
            {
                var client = await RtmpTestClient.ConnectAsync(server.Port);
                clients.Add(client);
                await SendAsync(client, small, large, oversized: i % 2 == 1);
                if (await client.PingAsync(Wait))
                {
                    open.Add(client);
                }
            }

            var held = registry.HeldBytes;
            var heap = GC.GetTotalMemory(forceFullCollection: true) - baseline;
            output.WriteLine($"open connections {registry.Connections}, accounted buffers {held} bytes, managed heap +{heap} bytes");

            Assert.Equal(Connections / 2, open.Count);
            Assert.Equal(Connections / 2, registry.Connections);
            Assert.InRange(held, open.Count * (long)small.Length, open.Count * perConnectionCap);
            Assert.True(heap < 16L * 1024 * 1024, $"managed heap grew by {heap} bytes while {open.Count} connections were held");

            await server.Logs.WaitForEventCountAsync("RtmpPrePublishLimit", Connections / 2, Wait);
            var refusals = server.Logs.Entries.Where(e => e.EventName == "RtmpPrePublishLimit").ToList();
            Assert.Equal(Connections / 2, refusals.Count);
            Assert.All(refusals, r => Assert.EndsWith(
                "declares a 262144-byte message; the limit before publish is 16384 bytes", r.Message, StringComparison.Ordinal));

            // The held connections do not get in the way of a real publisher.
            var run = await ExternalProcess.FfmpegPublishAsync(server.Url("live/KEY"), seconds: 1);
            Assert.True(run.ExitCode == 0, run.StandardError);
            var sink = await server.Handler.NextAcceptedAsync(Wait);
            Assert.Contains(await sink.Unpublished.WaitAsync(Wait), FfmpegPublishTests.FfmpegEndReasons);
            Assert.True(sink.MediaCount > 20, $"{sink.MediaCount} media messages");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        // Everything is given back when the connections end: warm-up, the flood, ffmpeg.
        await server.Logs.WaitForEventCountAsync("RtmpConnectionClosed", 1 + Connections + 1, Wait);
        Assert.Equal(0, registry.Connections);
        Assert.Equal(0, registry.HeldBytes);
    }

    private static async Task SendAsync(RtmpTestClient client, byte[] small, byte[] large, bool oversized)
    {
        try
        {
            await client.HandshakeAsync();
            await client.SendMessageAsync(2, RtmpMessageType.SetChunkSize, 0, new byte[] { 0, 0, ChunkSize >> 8, 0 });
            client.OutgoingChunkSize = ChunkSize;
            for (uint id = 4; id < 8; id++)
            {
                await client.SendMessageAsync(id, UndefinedType, 0, small);
            }

            await client.SendIncompleteMessageAsync(8, UndefinedType, 0, 16 * 1024, chunks: 3);
            if (oversized)
            {
                await client.SendMessageAsync(9, UndefinedType, 0, large);
                await client.SendMessageAsync(10, RtmpMessageType.Video, 1, large);
                await client.SendIncompleteMessageAsync(11, RtmpMessageType.Video, 1, 1024 * 1024, chunks: 225);
            }
        }
        catch (SocketException)
        {
            // The server closed the connection part way: what the test is about.
        }
    }
}
