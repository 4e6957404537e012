using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Media.Delivery;
using Spectra.Media.Live;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Live;

/// <summary>
/// Real ffmpeg publishing over RTMP on loopback, real players (ffmpeg, raw sockets, WebSocket) on
/// /live/{channel}.flv.
/// </summary>
public sealed partial class LiveFlvEndToEndTests
{
    private static readonly TimeSpan JoinableWithin = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task HttpFlv_Ffmpeg_DecodesFromFirstByte()
    {
        await using var host = await LiveHost.StartAsync();
        var alice = await host.CreateStreamerAsync("alice");
        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(alice.StreamKey), seconds: 30, size: "640x360");
        await WaitForGopAsync(host, "alice", publisher);

        var url = new Uri(host.BaseAddress, "/live/alice.flv").ToString();
        var (exitCode, _, error) = await ExternalProcess.RunAsync("ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-stats", "-i", url, "-t", "3", "-f", "null", "-"], TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        // Any decoder complaint (missing SPS/PPS, frames before a keyframe) is logged at "error".
        Assert.DoesNotMatch(ErrorLine(), error.Replace("\r", "\n", StringComparison.Ordinal));
        Assert.True(Frames(error) >= 80, error);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task WebSocketFlv_StartsWithHeaderMetadataAndSequenceHeaders()
    {
        await using var host = await LiveHost.StartAsync();
        var alice = await host.CreateStreamerAsync("alice");
        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(alice.StreamKey), seconds: 30, size: "640x360");
        await WaitForGopAsync(host, "alice", publisher);

        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new Uri($"ws://{host.BaseAddress.Authority}/live/alice.flv"), timeout.Token);
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (received.Length < 200_000)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.Equal(WebSocketMessageType.Binary, result.MessageType);
            received.Write(buffer, 0, result.Count);
        }

        byte[] flv = received.ToArray();
        Assert.Equal("FLV"u8.ToArray(), flv[..3]);
        Assert.Equal(0x05, flv[4]); // audio and video
        var tags = ParseTags(flv.AsSpan(13));
        Assert.Equal(18, tags[0].Type);
        Assert.Equal((9, 0x17, 0), (tags[1].Type, tags[1].First, tags[1].Second)); // AVC sequence header
        Assert.Equal((8, 0, 0u), (tags[2].Type, tags[2].Second, tags[2].Timestamp)); // AAC AudioSpecificConfig
        var firstFrame = tags.First(t => t.Type == 9 && t.Second == 1);
        Assert.Equal(0x17, firstFrame.First); // the first picture is a keyframe
        Assert.True(firstFrame.Timestamp < 100, $"first frame at {firstFrame.Timestamp} ms");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Flv_UnknownOrOfflineChannel_NotFound()
    {
        await using var host = await LiveHost.StartAsync();
        await host.CreateStreamerAsync("carol");
        using var client = host.CreateClient();

        using var unknown = await client.GetAsync("/live/nobody.flv");
        using var offline = await client.GetAsync("/live/carol.flv");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Channel not found", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, offline.StatusCode);
        Assert.Equal("Channel offline", JsonDocument.Parse(await offline.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal("*", offline.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new Uri($"ws://{host.BaseAddress.Authority}/live/carol.flv"), timeout.Token);
        var result = await socket.ReceiveAsync(new byte[16], timeout.Token);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal((WebSocketCloseStatus)4404, result.CloseStatus);
    }

    [Fact]
    public async Task HttpFlv_SlowViewer_StaysBoundedAndDoesNotDelayOthers()
    {
        const int maxQueuedBytes = 256 * 1024;
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?>
        {
            ["FlvDelivery:MaxQueuedBytes"] = maxQueuedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FlvDelivery:SlowViewerTimeout"] = "00:01:00",
        });
        var alice = await host.CreateStreamerAsync("alice");
        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(alice.StreamKey), seconds: 40);
        var fanOut = await WaitForGopAsync(host, "alice", publisher);

        // A viewer with a tiny receive window that reads 2 KiB every 100 ms (~160 kbit/s, well under 1/10 of the stream).
        using var slow = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 8 * 1024 };
        await slow.ConnectAsync(IPAddress.Loopback, host.BaseAddress.Port);
        await slow.SendAsync(Encoding.ASCII.GetBytes($"GET /live/alice.flv HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\n\r\n"));
        using var stopReading = new CancellationTokenSource();
        long slowBytes = 0;
        var slowReader = Task.Run(async () =>
        {
            var buffer = new byte[2048];
            while (!stopReading.IsCancellationRequested)
            {
                int n = await slow.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0)
                {
                    break;
                }

                slowBytes += n;
                await Task.Delay(100);
            }
        });

        // Meanwhile a normal viewer decodes in real time.
        var url = new Uri(host.BaseAddress, "/live/alice.flv").ToString();
        var clock = Stopwatch.StartNew();
        var fast = ExternalProcess.RunAsync("ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-stats", "-i", url, "-t", "8", "-f", "null", "-"], TimeSpan.FromSeconds(40));
        long maxQueued = 0;
        long skipped = 0;
        while (!fast.IsCompleted)
        {
            foreach (var viewer in fanOut.Viewers)
            {
                maxQueued = Math.Max(maxQueued, viewer.QueuedBytes);
                skipped = Math.Max(skipped, viewer.SkippedTags);
            }

            await Task.Delay(50);
        }

        var (exitCode, _, error) = await fast;
        var elapsed = clock.Elapsed;
        await stopReading.CancelAsync();
        slow.Close();
        await slowReader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(0, exitCode);
        // The publisher encodes in real time and drops below 30 fps on a loaded machine, so the floor is
        // ~19 fps: what a viewer losing whole GOPs to skips would fall under.
        Assert.True(Frames(error) >= 150, error);
        // 8 s of media minus the cached GOP (≤ 1 s) arrive in real time: the slow viewer delays nobody.
        Assert.True(elapsed < TimeSpan.FromSeconds(12), $"the fast viewer took {elapsed}");
        Assert.True(maxQueued <= maxQueuedBytes, $"a viewer held {maxQueued} bytes");
        Assert.True(skipped > 0, $"the slow viewer never skipped (read {slowBytes} bytes)");
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task RtmpPlay_Ffmpeg_DecodesFromFirstByteAndUnknownChannelIsNotFound()
    {
        await using var host = await LiveHost.StartAsync();
        var alice = await host.CreateStreamerAsync("alice");
        await host.CreateStreamerAsync("carol");
        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(alice.StreamKey), seconds: 30, size: "640x360");
        await WaitForGopAsync(host, "alice", publisher);

        var (exitCode, _, error) = await ExternalProcess.RunAsync("ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-stats", "-i", $"rtmp://127.0.0.1:{host.RtmpPort}/live/alice", "-t", "3", "-f", "null", "-"],
            TimeSpan.FromSeconds(30));
        Assert.Equal(0, exitCode);
        Assert.DoesNotMatch(ErrorLine(), error.Replace("\r", "\n", StringComparison.Ordinal));
        Assert.True(Frames(error) >= 80, error);

        foreach (var name in new[] { "nobody", "carol", alice.StreamKey })
        {
            var refused = await ExternalProcess.RunAsync("ffmpeg",
                ["-hide_banner", "-nostdin", "-loglevel", "error", "-i", $"rtmp://127.0.0.1:{host.RtmpPort}/live/{name}", "-t", "1", "-f", "null", "-"],
                TimeSpan.FromSeconds(20));
            Assert.NotEqual(0, refused.ExitCode);
            // ffmpeg prints the description of the NetStream.Play.StreamNotFound status.
            Assert.Contains("Server error: No live stream", refused.Error, StringComparison.Ordinal);
        }

        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task StreamEnd_ClosesHttpFlvAndRtmpPlayersCleanly()
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Live:OfflineGrace"] = "00:00:01" });
        var alice = await host.CreateStreamerAsync("alice");
        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(alice.StreamKey), seconds: 6, size: "320x240");
        await WaitForGopAsync(host, "alice", publisher);

        var http = ExternalProcess.RunAsync("ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-i", new Uri(host.BaseAddress, "/live/alice.flv").ToString(), "-f", "null", "-"], TimeSpan.FromSeconds(40));
        var rtmp = ExternalProcess.RunAsync("ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-i", $"rtmp://127.0.0.1:{host.RtmpPort}/live/alice", "-f", "null", "-"], TimeSpan.FromSeconds(40));

        Assert.Equal(0, (await http).ExitCode);
        Assert.Equal(0, (await rtmp).ExitCode);
        Assert.Empty(host.Errors);
    }

    internal static async Task<FlvFanOut> WaitForGopAsync(LiveHost host, string channel, ExternalProcess publisher)
    {
        var streams = host.Services.GetRequiredService<LiveStreamManager>();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < JoinableWithin)
        {
            if (streams.TryGet(channel, out var stream) && stream.Flv is { GopCacheBytes: > 0 } flv)
            {
                return flv;
            }

            Assert.False(publisher.HasExited, publisher.StandardError);
            await Task.Delay(50);
        }

        Assert.Fail($"'{channel}' had no keyframe within {JoinableWithin}");
        return null!;
    }

    internal static int Frames(string ffmpegStats)
    {
        var matches = FrameCount().Matches(ffmpegStats);
        return matches.Count == 0 ? 0 : int.Parse(matches[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<(int Type, uint Timestamp, byte First, byte Second)> ParseTags(ReadOnlySpan<byte> data)
    {
        var tags = new List<(int, uint, byte, byte)>();
        while (data.Length >= 15)
        {
            int size = (data[1] << 16) | (data[2] << 8) | data[3];
            if (data.Length < 11 + size + 4)
            {
                break;
            }

            uint timestamp = (uint)((data[7] << 24) | (data[4] << 16) | (data[5] << 8) | data[6]);
            tags.Add((data[0], timestamp, data[11], size > 1 ? data[12] : (byte)0));
            data = data[(11 + size + 4)..];
        }

        return tags;
    }

    [GeneratedRegex(@"frame=\s*(\d+)")]
    private static partial Regex FrameCount();

    [GeneratedRegex(@"(?im)^(?!.*frame=).*(error|invalid|non-existing|no frame).*$")]
    private static partial Regex ErrorLine();
}
