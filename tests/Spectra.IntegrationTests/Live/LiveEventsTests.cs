using System.Text.Json;
using Spectra.IntegrationTests.Community;
using Spectra.Testing;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Live;

/// <summary>GET /live/events: the server-sent events pages follow to update without reloading.</summary>
public sealed class LiveEventsTests
{
    [Fact]
    public async Task Events_ChannelGoesLiveThenOffline_SnapshotOnlineOfflineInOrder()
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Live:OfflineGrace"] = "00:00:00" });
        var frank = await host.CreateStreamerAsync("frank");
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(90);
        using var response = await client.GetAsync("/live/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var snapshot = await NextEventAsync(reader, timeout.Token);
        Assert.Equal("snapshot", snapshot.Name);
        Assert.Equal(0, snapshot.Data.GetArrayLength());

        await using (var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(frank.StreamKey), seconds: 60, size: "640x360"))
        {
            var online = await NextEventAsync(reader, timeout.Token);
            Assert.Equal("online", online.Name);
            Assert.Equal("frank", online.Data.GetProperty("channel").GetString());
            Assert.Equal("/hls/frank/master.m3u8", online.Data.GetProperty("playlistUrl").GetString());
            Assert.Equal("/hls/frank/thumbnail.jpg", online.Data.GetProperty("thumbnailUrl").GetString());
            await publisher.KillAsync();
        }

        var offline = await NextEventAsync(reader, timeout.Token);
        Assert.Equal("offline", offline.Name);
        Assert.Equal("frank", offline.Data.GetProperty("channel").GetString());
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Events_ViewersOpenALiveChannel_ViewersEventCarriesTheNewCount()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite, CommunityTestSupport.FastPresence);
        var name = CommunityTestSupport.Unique("gina");
        using var owner = await host.SignUpAsync(name);
        await CommunityTestSupport.GoLiveAsync(host, name);
        using var viewer = host.CreateClient();
        var client = viewer.Http;
        client.Timeout = TimeSpan.FromSeconds(90);
        using var response = await client.GetAsync("/live/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var snapshot = await NextEventAsync(reader, timeout.Token);
        var entry = Assert.Single(snapshot.Data.EnumerateArray());
        Assert.Equal(0, entry.GetProperty("viewers").GetInt32());

        await using var crowd = new ViewerCrowd(host);
        await crowd.JoinAsync(name);
        await crowd.JoinAsync(name);

        // Counts are coalesced once a second; the first frame may still carry 1.
        while (true)
        {
            var next = await NextEventAsync(reader, timeout.Token);
            Assert.Equal("viewers", next.Name);
            if (next.Data.GetProperty(name).GetInt32() == 2)
            {
                break;
            }
        }
    }

    /// <summary>Reads one event (HTML §9.2.6): "event:" and "data:" lines up to a blank line; comments and retry skipped.</summary>
    private static async Task<(string Name, JsonElement Data)> NextEventAsync(StreamReader reader, CancellationToken ct)
    {
        string? name = null;
        string? data = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(ct) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (name is not null && data is not null)
                {
                    return (name, JsonDocument.Parse(data).RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
    }
}
