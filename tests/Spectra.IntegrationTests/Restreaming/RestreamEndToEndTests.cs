using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectra.IntegrationTests.Live;
using Spectra.Testing;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Restreaming;

/// <summary>
/// Real ffmpeg publishing to Spectra, Spectra pushing to two real nginx-rtmp servers (one behind TLS through
/// nginx's stream module, as rtmps://), ffprobe playing what the destinations relay.
/// </summary>
public sealed class RestreamEndToEndTests
{
    private const string PlainKey = "plain_dest_key_0001";
    private const string SecureKey = "secure-dest-key-0002";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Publish_TwoDestinations_BothRelayTheSourceAndOneDyingDisturbsNeitherTheOtherNorTheIngest()
    {
        await using var plain = await NginxRtmpServer.StartAsync();
        await using var secure = await NginxRtmpServer.StartAsync(tls: true);
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?>
        {
            ["Transcoding:Mode"] = "passthrough",
            ["Restream:AllowUntrustedCertificates"] = "true",
            ["Restream:InitialRetryDelay"] = "00:00:00.5",
            ["Restream:MaxRetryDelay"] = "00:00:02",
        });
        var alice = await host.CreateStreamerAsync("alice");
        using var api = host.CreateClient(alice.Token);
        var plainId = await AddAsync(api, new { preset = "custom", serverUrl = plain.ServerUrl, streamKey = PlainKey, name = "Plain" });
        var secureId = await AddAsync(api, new { serverUrl = secure.ServerUrl, streamKey = SecureKey, name = "Secure" });
        var listed = await api.GetStringAsync("/api/v1/channels/alice/restream-destinations");
        Assert.DoesNotContain(PlainKey, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(SecureKey, listed, StringComparison.Ordinal);

        using var events = new LiveEventRecorder(host);
        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(alice.StreamKey), seconds: 120, size: "640x360");
        await events.WaitForOnlineAsync(alice.ChannelId, Within);
        await WaitForAsync(api, plainId, d => d.GetProperty("state").GetString() == "live", "plain destination live");
        await WaitForAsync(api, secureId, d => d.GetProperty("state").GetString() == "live", "rtmps destination live");

        // Both destinations relay the source as published: H.264 640x360 and AAC.
        await AssertRelaysSourceAsync(plain.PlayUrl(PlainKey));
        await AssertRelaysSourceAsync(secure.PlayUrl(SecureKey));

        // One destination dies: it retries; the other keeps sending and the ingest keeps packaging.
        await plain.StopAsync();
        await WaitForAsync(api, plainId, d => d.GetProperty("state").GetString() is "retrying" or "failed", "plain destination retrying");
        var secureBefore = await GetAsync(api, secureId);
        var client = host.CreateClient();
        var masterUri = new Uri(host.BaseAddress, "/hls/alice/master.m3u8");
        var variant = Assert.Single(HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri)));
        await LiveVideoEndToEndTests.AssertPlaylistAdvancesAsync(host, client, masterUri, variant);
        await WaitForAsync(api, secureId, d => d.GetProperty("bytesSent").GetInt64() > secureBefore.GetProperty("bytesSent").GetInt64() + 100_000,
            "rtmps destination still receiving");
        var secureAfter = await GetAsync(api, secureId);
        Assert.Equal("live", secureAfter.GetProperty("state").GetString());
        Assert.Equal(0, secureAfter.GetProperty("reconnects").GetInt32());
        Assert.InRange(secureAfter.GetProperty("bitrateKbps").GetDouble(), 100, 20_000);
        Assert.False(string.IsNullOrEmpty((await GetAsync(api, plainId)).GetProperty("lastError").GetString()));
        Assert.False(publisher.HasExited, publisher.StandardError);

        // It comes back: the push reconnects and starts again with sequence headers and a keyframe.
        await plain.RestartAsync();
        var back = await WaitForAsync(api, plainId, d => d.GetProperty("state").GetString() == "live", "plain destination back");
        Assert.True(back.GetProperty("reconnects").GetInt32() >= 1);
        await AssertRelaysSourceAsync(plain.PlayUrl(PlainKey));

        // Disabling one stops its push at once; the other goes on.
        using (var response = await api.PatchAsJsonAsync($"/api/v1/channels/alice/restream-destinations/{secureId}", new { enabled = false }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal("offline", (await GetAsync(api, secureId)).GetProperty("state").GetString());
        Assert.Equal("live", (await GetAsync(api, plainId)).GetProperty("state").GetString());

        // Turned on again while live: the push starts again mid-stream, with the sequence headers it missed.
        using (var response = await api.PatchAsJsonAsync($"/api/v1/channels/alice/restream-destinations/{secureId}", new { enabled = true }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await WaitForAsync(api, secureId, d => d.GetProperty("state").GetString() == "live", "rtmps destination on again");
        await AssertRelaysSourceAsync(secure.PlayUrl(SecureKey));

        // Ending the broadcast stops every push.
        await publisher.KillAsync();
        await events.WaitForOfflineAsync(alice.ChannelId, Within);
        await WaitForAsync(api, plainId, d => d.GetProperty("state").GetString() == "offline", "pushes forgotten after the broadcast");
        Assert.Equal("offline", (await GetAsync(api, secureId)).GetProperty("state").GetString());

        Assert.Empty(host.Errors);
        Assert.Empty(host.Logs.Containing([PlainKey, SecureKey]));
    }

    [Fact]
    public async Task Publish_HangingAndRefusingDestinations_ReportedAndTheIngestUnaffected()
    {
        await using var nginx = await NginxRtmpServer.StartAsync();
        // Accepts TCP connections (the kernel's backlog) and never answers the handshake.
        using var hanging = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        hanging.Start();
        var hangingPort = ((IPEndPoint)hanging.LocalEndpoint).Port;
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?>
        {
            ["Transcoding:Mode"] = "passthrough",
            ["Restream:ConnectTimeout"] = "00:00:02",
            ["Restream:InitialRetryDelay"] = "00:00:00.5",
            ["Restream:MaxRetryDelay"] = "00:00:02",
        });
        var dana = await host.CreateStreamerAsync("dana");
        using var api = host.CreateClient(dana.Token);
        var hangingId = await AddAsync(api, new { serverUrl = $"rtmp://127.0.0.1:{hangingPort}/app", streamKey = "hanging_key_0001" });
        var refusingId = await AddAsync(api, new { serverUrl = $"rtmp://127.0.0.1:{nginx.Port}/no-such-app", streamKey = "refused_key_0002" });

        using var events = new LiveEventRecorder(host);
        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(dana.StreamKey), seconds: 60, size: "640x360");
        await events.WaitForOnlineAsync(dana.ChannelId, Within);

        var hung = await WaitForAsync(api, hangingId, d => d.GetProperty("state").GetString() == "retrying", "hanging destination retrying");
        Assert.Contains("did not accept the publish within 2 s", hung.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var refused = await WaitForAsync(api, refusingId, d => d.GetProperty("state").GetString() is "retrying" or "failed", "refusing destination reported");
        Assert.False(string.IsNullOrEmpty(refused.GetProperty("lastError").GetString()));

        var client = host.CreateClient();
        var masterUri = new Uri(host.BaseAddress, "/hls/dana/master.m3u8");
        var variant = Assert.Single(HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri)));
        await LiveVideoEndToEndTests.AssertPlaylistAdvancesAsync(host, client, masterUri, variant);
        Assert.False(publisher.HasExited, publisher.StandardError);
        Assert.Empty(host.Errors);
        Assert.Empty(host.Logs.Containing(["hanging_key_0001", "refused_key_0002"]));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task AddDestination_InvalidInput_ValidationProblemsAndNothingStored(DatabaseKind database)
    {
        await using var host = await LiveHost.StartAsync(database: database);
        var bob = await host.CreateStreamerAsync("bob");
        using var api = host.CreateClient(bob.Token);

        await AssertRejectedAsync(api, new { serverUrl = "http://example.com/app", streamKey = "abcd1234" }, "ServerUrl");
        await AssertRejectedAsync(api, new { serverUrl = "rtmp://example.com", streamKey = "abcd1234" }, "ServerUrl");
        await AssertRejectedAsync(api, new { serverUrl = "rtmp://user:pw@example.com/app", streamKey = "abcd1234" }, "ServerUrl");
        await AssertRejectedAsync(api, new { serverUrl = "rtmp://example.com/" + new string('a', 600), streamKey = "abcd1234" }, "ServerUrl");
        await AssertRejectedAsync(api, new { preset = "twitch", streamKey = "" }, "StreamKey");
        await AssertRejectedAsync(api, new { preset = "twitch", streamKey = "has space" }, "StreamKey");
        await AssertRejectedAsync(api, new { preset = "twitch", streamKey = new string('k', 300) }, "StreamKey");
        await AssertRejectedAsync(api, new { preset = "myspace", streamKey = "abcd1234" }, "Preset");

        var created = await AddAsync(api, new { preset = "kick", streamKey = "sk_us-west-2_abcdefgh" });
        var kick = await GetAsync(api, created);
        Assert.Equal("Kick", kick.GetProperty("name").GetString());
        Assert.Equal("rtmps://fa723fc1b171.global-contribute.live-video.net/app", kick.GetProperty("serverUrl").GetString());
        Assert.Equal("••••efgh", kick.GetProperty("streamKeyHint").GetString());
        Assert.Equal(1, (await api.GetFromJsonAsync<JsonElement>("/api/v1/channels/bob/restream-destinations")).GetArrayLength());
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var row = scope.ServiceProvider.GetRequiredService<Spectra.Data.SpectraDbContext>().RestreamDestinations.Single();
            Assert.DoesNotContain("sk_us-west-2_abcdefgh", row.StreamKeyProtected, StringComparison.Ordinal);
            Assert.True(row.Enabled);
        }

        // Someone else's channel: refused.
        var carol = await host.CreateStreamerAsync("carol");
        using var other = host.CreateClient(carol.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/channels/bob/restream-destinations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"/api/v1/channels/bob/restream-destinations/{created}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/channels/bob/restream-destinations/{created}")).StatusCode);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/v1/channels/bob/restream-destinations")).GetArrayLength());
        Assert.Empty(host.Errors);
    }

    private static async Task AssertRejectedAsync(HttpClient api, object input, string field)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/channels/bob/restream-destinations", input);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrEmpty(messages[0].GetString()));
    }

    private static async Task<Guid> AddAsync(HttpClient api, object input)
    {
        using var response = await api.PostAsJsonAsync($"/api/v1/channels/{await OwnerAsync(api)}/restream-destinations", input);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> OwnerAsync(HttpClient api) => (await api.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userName").GetString()!;

    private static async Task<JsonElement> GetAsync(HttpClient api, Guid id)
    {
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{await OwnerAsync(api)}/restream-destinations");
        return list.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == id);
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient api, Guid id, Func<JsonElement, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var destination = await GetAsync(api, id);
            if (condition(destination))
            {
                return destination;
            }

            Assert.True(clock.Elapsed < Within, $"{what}: not within {Within.TotalSeconds} s; last {destination}");
            await Task.Delay(200);
        }
    }

    private static async Task AssertRelaysSourceAsync(string playUrl)
    {
        var (exitCode, output, error) = await ExternalProcess.RunAsync(
            "ffprobe",
            ["-v", "error", "-rw_timeout", "15000000", "-show_entries", "stream=codec_name,width,height", "-of", "json", playUrl],
            TimeSpan.FromSeconds(40));
        Assert.True(exitCode == 0, error);
        var streams = JsonDocument.Parse(output).RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = Assert.Single(streams, s => s.TryGetProperty("width", out _));
        Assert.Equal(("h264", 640, 360), (video.GetProperty("codec_name").GetString(), video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
        Assert.Contains(streams, s => s.GetProperty("codec_name").GetString() == "aac");
        Assert.DoesNotContain("error", error.ToLower(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
