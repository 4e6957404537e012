using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Media.Live;
using Spectra.Server.Live;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Live;

/// <summary>
/// SRT ingest as publishers use it: a real ffmpeg (built with libsrt) and srt-live-transmit send MPEG-TS over SRT to
/// Spectra's listener on loopback; the channel goes live through the same media plane as RTMP (ladder, HLS, health).
/// </summary>
public sealed class SrtIngestEndToEndTests
{
    private const string Passphrase = "correct-horse-battery-staple";
    private static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Publish_FfmpegWithAccessControlStreamIdAndPassphrase_GoesLiveWithLadderHlsAndSrtHealth()
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Ingest:SrtPassphrase"] = Passphrase }, srt: true);
        using var events = new LiveEventRecorder(host);
        var grace = await host.CreateStreamerAsync("grace");
        using var client = host.CreateClient();

        var url = host.SrtUrl($"#!::r=live/{grace.StreamKey},m=publish,u=grace", Passphrase, grace.StreamKey);
        await using var publisher = ExternalProcess.FfmpegPublish(url, seconds: 14, size: "640x360", format: "mpegts");
        await events.WaitForOnlineAsync(grace.ChannelId, LiveWithin);

        // The same ladder as RTMP: the source plus the 240p rung of the test ladder.
        var masterUri = new Uri(host.BaseAddress, "/hls/grace/master.m3u8");
        var variants = HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri));
        Assert.Equal(2, variants.Count);
        var source = variants.Single(v => v.Uri.StartsWith("source/", StringComparison.Ordinal));
        Assert.Equal("640x360", source.Attributes["RESOLUTION"]);
        Assert.Matches("^avc1\\.[0-9a-f]{6},mp4a\\.40\\.2$", source.Attributes["CODECS"]);

        // A flood of garbage datagrams at the SRT port from another socket changes nothing for the stream.
        using (var flood = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            var garbage = new byte[1316];
            var target = new IPEndPoint(IPAddress.Loopback, host.SrtPort);
            for (int i = 0; i < 5000; i++)
            {
                Random.Shared.NextBytes(garbage);
                await flood.SendAsync(garbage, target);
            }
        }

        await LiveVideoEndToEndTests.AssertPlaylistAdvancesAsync(host, client, masterUri, source);
        var playlistUri = new Uri(masterUri, source.Uri);
        var playlist = HlsPlaylists.ParseMedia(await client.GetStringAsync(playlistUri));
        var video = await HlsPlaylists.ProbeSegmentAsync(client, playlistUri, playlist, playlist.Segments[^1]);
        Assert.Equal(("h264", 640, 360), (video.GetProperty("codec_name").GetString(), video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
        Assert.True(int.Parse(video.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture) >= 15);
        var (exit, output, error) = await ExternalProcess.RunAsync(
            "ffprobe", ["-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", playlistUri.ToString()], TimeSpan.FromSeconds(30));
        Assert.True(exit == 0 && string.IsNullOrWhiteSpace(error), $"ffprobe on the playlist: {error}");
        Assert.Equal(["h264", "aac"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());

        // Stream health carries the SRT link's statistics.
        var sessions = host.Services.GetRequiredService<LiveSessionManager>();
        var transport = await WaitForTransportAsync(sessions, grace.ChannelId);
        Assert.Equal("srt", transport.Protocol);
        Assert.True(transport.PacketsReceived > 100, $"{transport.PacketsReceived} packets");
        Assert.InRange(transport.RoundTripMs, 0, 1000);
        Assert.True(transport.LatencyMs >= 120, $"latency {transport.LatencyMs} ms");
        Assert.Equal(0, transport.PacketsDropped);

        Assert.Equal(0, await publisher.WaitForExitAsync(TimeSpan.FromSeconds(40)));
        await events.WaitForOfflineAsync(grace.ChannelId, TimeSpan.FromSeconds(20));
        Assert.Equal("#EXT-X-ENDLIST", (await client.GetStringAsync(playlistUri)).TrimEnd('\n').Split('\n')[^1]);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Publish_SrtLiveTransmitWithPlainStreamId_GoesLive()
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Transcoding:Mode"] = "passthrough" }, srt: true);
        using var events = new LiveEventRecorder(host);
        var heidi = await host.CreateStreamerAsync("heidi");
        using var client = host.CreateClient();

        // ffmpeg writes MPEG-TS to its stdout, srt-live-transmit carries it to Spectra (plain form: the id is the key).
        // srt-live-transmit does not stop at the end of its input: its exit timer ends it a little after ffmpeg.
        var srtUrl = host.SrtUrl(heidi.StreamKey, streamKey: heidi.StreamKey);
        var pipeline = "ffmpeg -hide_banner -nostdin -loglevel error -re -f lavfi -i testsrc2=size=640x360:rate=30 "
            + "-f lavfi -i sine=frequency=440:sample_rate=44100 -c:v libx264 -preset ultrafast -tune zerolatency -g 30 -pix_fmt yuv420p "
            + "-c:a aac -b:a 96k -t 12 -f mpegts - | srt-live-transmit -q -t:16 file://con '" + srtUrl + "'";
        await using var publisher = ExternalProcess.Start("bash", ["-c", pipeline]);
        await events.WaitForOnlineAsync(heidi.ChannelId, LiveWithin);

        var masterUri = new Uri(host.BaseAddress, "/hls/heidi/master.m3u8");
        var variant = Assert.Single(HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri)));
        Assert.Equal("640x360", variant.Attributes["RESOLUTION"]);
        await LiveVideoEndToEndTests.AssertPlaylistAdvancesAsync(host, client, masterUri, variant);

        await publisher.WaitForExitAsync(TimeSpan.FromSeconds(40));
        await events.WaitForOfflineAsync(heidi.ChannelId, TimeSpan.FromSeconds(20));
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Publish_ThroughFivePercentPacketLoss_SrtRepairsItWithinTheLatency()
    {
        await using var host = await LiveHost.StartAsync(
            new Dictionary<string, string?> { ["Transcoding:Mode"] = "passthrough", ["Ingest:SrtLatencyMs"] = "1000" }, srt: true);
        using var events = new LiveEventRecorder(host);
        var judy = await host.CreateStreamerAsync("judy");
        using var client = host.CreateClient();
        await using var relay = new LossyUdpRelay(host.SrtPort, loss: 0.05);

        var url = $"srt://127.0.0.1:{relay.Port}?mode=caller&streamid=#!::r=live/{judy.StreamKey},m=publish";
        await using var publisher = ExternalProcess.FfmpegPublish(url, seconds: 14, size: "640x360", format: "mpegts");
        await events.WaitForOnlineAsync(judy.ChannelId, LiveWithin);
        var masterUri = new Uri(host.BaseAddress, "/hls/judy/master.m3u8");
        var variant = Assert.Single(HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri)));
        await LiveVideoEndToEndTests.AssertPlaylistAdvancesAsync(host, client, masterUri, variant);

        // Every lost datagram was asked for again and arrived in time: nothing dropped, no hole in the MPEG-TS.
        var sessions = host.Services.GetRequiredService<LiveSessionManager>();
        var transport = await WaitForTransportAsync(sessions, judy.ChannelId);
        Assert.True(relay.Dropped > 10, $"the relay dropped {relay.Dropped} datagrams");
        Assert.True(transport.PacketsLost > 0 && transport.PacketsRetransmitted > 0, transport.ToString());
        Assert.Equal(0, transport.PacketsDropped);
        Assert.Equal(0, transport.ContinuityErrors);

        var playlistUri = new Uri(masterUri, variant.Uri);
        var playlist = HlsPlaylists.ParseMedia(await client.GetStringAsync(playlistUri));
        var video = await HlsPlaylists.ProbeSegmentAsync(client, playlistUri, playlist, playlist.Segments[^1]);
        Assert.Equal("h264", video.GetProperty("codec_name").GetString());
        Assert.Equal(0, await publisher.WaitForExitAsync(TimeSpan.FromSeconds(40)));
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Publish_WrongKeyPassphraseModeOrMalformedStreamId_IsRefusedInTheHandshakeAndNothingGoesLive()
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Ingest:SrtPassphrase"] = Passphrase }, srt: true);
        var ivan = await host.CreateStreamerAsync("ivan");
        var wrongKey = "live_" + new string('x', 32);
        // Expected: what the server logs for refusals it makes, or what libsrt tells the caller for those it makes itself.
        var attempts = new (string Url, string Expected)[]
        {
            (host.SrtUrl($"#!::r=live/{wrongKey},m=publish", Passphrase, wrongKey), "(SRT reject code 1401)"),
            (host.SrtUrl($"#!::r=live/{ivan.StreamKey},m=request", Passphrase, ivan.StreamKey), "(SRT reject code 1405)"),
            (host.SrtUrl("#!::m=publish,u=ivan", Passphrase), "(SRT reject code 1400)"),
            (host.SrtUrl("live/with+plus", Passphrase), "(SRT reject code 1400)"),
            (host.SrtUrl($"#!::r=live/{ivan.StreamKey},m=publish", "not-the-passphrase", ivan.StreamKey), "Incorrect passphrase"),
            (host.SrtUrl($"#!::r=live/{ivan.StreamKey},m=publish", streamKey: ivan.StreamKey), "Password required"),
        };

        foreach (var (url, expected) in attempts)
        {
            var logged = host.Logs.Entries.Count;
            await using var publisher = ExternalProcess.FfmpegPublish(url, seconds: 5, size: "320x180", format: "mpegts");
            var exit = await publisher.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.True(exit != 0, "ffmpeg was not refused: " + publisher.StandardError);
            Assert.Contains("REJECT", publisher.StandardError, StringComparison.Ordinal);
            Assert.True(
                host.Logs.Entries.Skip(logged).Any(e => e.Message.Contains(expected, StringComparison.Ordinal)) || publisher.StandardError.Contains(expected, StringComparison.Ordinal),
                $"'{expected}' neither logged nor told to the caller: {publisher.StandardError}");
        }

        // The key was right for the two passphrase refusals, which libsrt makes after the key check: the server logs
        // those handshakes as abandoned once their slot expires (10 s).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (host.Logs.Entries.Count(e => e.EventId.Id == 4711) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250); // The expiry is a timer inside the listener; the log line is its only outside sign.
        }

        Assert.Equal(2, host.Logs.Entries.Count(e => e.EventId.Id == 4711));
        var manager = host.Services.GetRequiredService<LiveStreamManager>();
        Assert.Empty(manager.Streams);
        Assert.False(host.Services.GetRequiredService<LiveSessionManager>().TryGetStatus(ivan.ChannelId, out _));
        Assert.Empty(host.Errors);
    }

    private static async Task<LiveTransportStatistics> WaitForTransportAsync(LiveSessionManager sessions, Guid channelId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (sessions.TryGetStatus(channelId, out var status) && status.Health?.Transport is { PacketsReceived: > 0 } transport)
            {
                return transport;
            }

            await Task.Delay(200); // Health is sampled every 2 s on a timer; there is no event to await from here.
        }

        throw new TimeoutException("no SRT statistics in the stream health");
    }
}
