using Spectra.Rtmp.Tests.Infrastructure;

namespace Spectra.Rtmp.Tests.Integration;

/// <summary>
/// Every place a client can put the stream key or a token, accepted or refused: none of it reaches any log line
/// (the test server checks all captured entries, at every level, for the keys and names it saw when it is disposed).
/// </summary>
public sealed class StreamKeyLoggingTests
{
    private const string Key = "live_Qx7s3cr3tStreamKey";
    private const string Token = "t0k3nValue";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static string Code(Spectra.Rtmp.Internal.Commands.RtmpCommand status)
        => (string)((Dictionary<string, object?>)status.GetArgument(0)!)["code"]!;

    [Theory]
    [InlineData($"live/{Key}", null, "")]
    [InlineData($"live/{Key}?token={Token}", $"rtmp://127.0.0.1/live/{Key}?token={Token}", "")]
    [InlineData("live", $"rtmp://127.0.0.1/live/{Key}?token={Token}", "")]
    [InlineData("live", $"rtmp://user:{Token}@127.0.0.1/live", $"{Key}?token={Token}")]
    [InlineData("", "rtmp://127.0.0.1/", $"live/{Key}")]
    public async Task Publish_KeyInAppTcUrlOrName_AcceptedAndNeverLogged(string app, string? tcUrl, string publishName)
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler(Key));
        server.Secrets.Add(Token);
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);

        var (_, status) = await client.PublishAsync(publishName, app, tcUrl);

        Assert.Equal("NetStream.Publish.Start", Code(status));
        Assert.Equal(Key, (await server.Handler.NextAcceptedAsync(Wait)).Request.StreamName);
        await server.Logs.WaitForEventAsync("RtmpPublishStarted", Wait);
        var connected = await server.Logs.WaitForEventAsync("RtmpConnected", Wait);
        if (app.Contains(Key, StringComparison.Ordinal) || (tcUrl?.Contains(Key, StringComparison.Ordinal) ?? false))
        {
            Assert.Contains("[redacted]", connected.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Key, "")]
    [InlineData($"{Key}/extra", "")]
    [InlineData("live", "live_Wr0ngButSecretKey")]
    public async Task Publish_KeyAsAppOrUnknownKey_RejectedAndNeverLogged(string app, string publishName)
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler(Key));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);

        var (_, status) = await client.PublishAsync(publishName, app);

        Assert.Equal("NetStream.Publish.BadName", Code(status));
        Assert.True(await client.WaitForCloseAsync(Wait));
        await server.Logs.WaitForEventAsync("RtmpPublishRejected", Wait);
    }
}
