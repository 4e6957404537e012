using Spectra.Rtmp.Tests.Infrastructure;

namespace Spectra.Rtmp.Tests.Integration;

public sealed class ShutdownTests
{
    [Fact]
    public async Task HostStop_LivePublisher_EndsStreamAndClosesPromptly()
    {
        var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);
        await client.PublishAsync("KEY");
        var sink = await server.Handler.NextAcceptedAsync(TimeSpan.FromSeconds(10));

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await server.DisposeAsync();

        // Kestrel's close request ends the session at once; without it the stop would wait for its abort timeout.
        Assert.Equal(RtmpUnpublishReason.ConnectionClosed, await sink.Unpublished.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"stop took {stopwatch.Elapsed}");
        Assert.True(await client.WaitForCloseAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains(server.Logs.Entries, e => e.EventName == "RtmpServerClosing");
    }
}
