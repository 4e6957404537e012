using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectra.Rtmp.Internal;
using Spectra.Rtmp.Tests.Infrastructure;

namespace Spectra.Rtmp.Tests.Integration;

/// <summary>
/// Rtmp:MaxConnectionsPerAddress and Rtmp:MaxConnections: every connection over a limit is closed on accept with one
/// warning naming the limit, and the admitted connections keep working. Loopback is not exempt.
/// </summary>
public sealed class ConnectionLimitTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static async Task<List<RtmpTestClient>> HoldAsync(RtmpTestServer server, int count)
    {
        var clients = new List<RtmpTestClient>();
        for (var i = 0; i < count; i++)
        {
            var client = await RtmpTestClient.ConnectAsync(server.Port);
            clients.Add(client);
            await client.HandshakeAsync();
        }

        return clients;
    }

    /// <summary>Each of <paramref name="count"/> new connections is closed, with exactly one warning each, all alike.</summary>
    private static async Task RefusedAsync(RtmpTestServer server, int count, string eventName, string reason)
    {
        for (var i = 0; i < count; i++)
        {
            await using var client = await RtmpTestClient.ConnectAsync(server.Port);
            Assert.True(await client.WaitForCloseAsync(Wait), "an extra connection was not closed");
        }

        var warnings = Warnings(server);
        Assert.Equal(count, warnings.Count);
        Assert.All(warnings, w =>
        {
            Assert.Equal(eventName, w.EventName);
            Assert.Contains(reason, w.Message, StringComparison.Ordinal);
        });
    }

    private static async Task PublishesAsync(RtmpTestClient handshaken, string key)
    {
        var (_, status) = await handshaken.PublishAsync(key, handshake: false);
        Assert.Equal("NetStream.Publish.Start", ((Dictionary<string, object?>)status.GetArgument(0)!)["code"]);
    }

    /// <summary>Closes the last held connection and waits until the server has let it go.</summary>
    private static async Task CloseLastAsync(RtmpTestServer server, List<RtmpTestClient> held)
    {
        await held[^1].DisposeAsync();
        held.RemoveAt(held.Count - 1);
        await server.Logs.WaitForEventAsync("RtmpConnectionClosed", Wait);
    }

    private static List<TestLogCollector.LogEntry> Warnings(RtmpTestServer server)
        => [.. server.Logs.Entries.Where(e => e.Level >= LogLevel.Warning)];

    private static async Task DisposeAllAsync(IEnumerable<RtmpTestClient> clients)
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Connect_MoreThanPerAddressLimit_ExtraClosedWithWarningAdmittedOnesPublish()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"), o => o.MaxConnectionsPerAddress = 3);
        var held = await HoldAsync(server, 3);
        try
        {
            await RefusedAsync(server, 2, "RtmpConnectionsPerAddressLimit", "refused: 3 connections from this address are open, the limit is 3");

            // The admitted connections are untouched: one publishes now.
            await PublishesAsync(held[0], "KEY");
            Assert.True(await held[1].PingAsync());

            // A closed connection frees its place.
            await CloseLastAsync(server, held);
            await using var again = await RtmpTestClient.ConnectAsync(server.Port);
            await again.HandshakeAsync();
            Assert.True(await again.PingAsync());
            Assert.Equal(3, server.Services.GetRequiredService<RtmpConnectionRegistry>().Connections);
        }
        finally
        {
            await DisposeAllAsync(held);
        }
    }

    [Fact]
    public async Task Connect_MoreThanTotalLimit_ExtraClosedWithWarningFfmpegStillPublishes()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY", "HELD"), o => o.MaxConnections = 4);
        var held = await HoldAsync(server, 4);
        try
        {
            await RefusedAsync(server, 6, "RtmpConnectionsLimit", "refused: 4 RTMP connections are open, the limit is 4");

            await PublishesAsync(held[0], "HELD");
            Assert.Equal("HELD", (await server.Handler.NextAcceptedAsync(Wait)).Request.StreamName);

            // After the flood, with one place freed, a real encoder gets in.
            await CloseLastAsync(server, held);
            var run = await ExternalProcess.FfmpegPublishAsync(server.Url("live/KEY"), seconds: 1);
            Assert.True(run.ExitCode == 0, run.StandardError);
            var sink = await server.Handler.NextAcceptedAsync(Wait);
            Assert.Equal("KEY", sink.Request.StreamName);
            Assert.Contains(await sink.Unpublished.WaitAsync(Wait), FfmpegPublishTests.FfmpegEndReasons);
            Assert.True(sink.MediaCount > 20, $"{sink.MediaCount} media messages");
            Assert.Equal(6, Warnings(server).Count);
        }
        finally
        {
            await DisposeAllAsync(held);
        }
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::")]
    public void AddressKey_IpEndPoint_CountsIPv4AsIsAndIPv6ByPrefix(string address, string key)
        => Assert.Equal(System.Net.IPAddress.Parse(key), RtmpConnectionRegistry.AddressKey(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(address), 1935)));
}
