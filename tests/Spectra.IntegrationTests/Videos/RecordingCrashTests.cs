using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Spectra.Testing;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Videos;

/// <summary>
/// A server killed (SIGKILL) in the middle of a recorded broadcast: after a restart on the same data directory
/// the interrupted recording is closed from its journals and plays up to its last stored segment.
/// </summary>
public sealed class RecordingCrashTests
{
    [Fact]
    public async Task ServerKilledMidStream_AfterRestart_VideoPlaysUpToLastStoredSegment()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "spectra-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var shared = new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory };
            Streamer lena;
            await using (var setup = await LiveHost.StartAsync(shared))
            {
                lena = await setup.CreateStreamerAsync("lena");
            }

            // The server as its own process, killed while lena is live.
            var httpPort = LoopbackPort.Free();
            var rtmpPort = LoopbackPort.Free();
            var serverDirectory = Path.Combine(SourceTree.Root, "src", "Spectra.Server");
            var dll = Path.Combine(serverDirectory, "bin", "Debug", "net10.0", "Spectra.Server.dll");
            await using var server = ExternalProcess.Start("dotnet", [dll], serverDirectory, new Dictionary<string, string?>
            {
                ["Storage__DataDirectory"] = dataDirectory,
                ["Http__Address"] = "127.0.0.1",
                ["Http__Port"] = httpPort.ToString(CultureInfo.InvariantCulture),
                ["Ingest__RtmpPort"] = rtmpPort.ToString(CultureInfo.InvariantCulture),
                ["Transcoding__Preset"] = "ultrafast",
                ["Transcoding__Renditions__0__Name"] = "240p",
                ["Transcoding__Renditions__0__Height"] = "240",
                ["Transcoding__Renditions__0__VideoBitrateKbps"] = "300",
                ["Transcoding__Renditions__0__AudioBitrateKbps"] = "64",
                ["DOTNET_USE_POLLING_FILE_WATCHER"] = "true",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            });
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(5) };
            await WaitUntilAsync(async () => (await TryGetAsync(http, "/healthz")) == 200, TimeSpan.FromSeconds(60), () => server.StandardOutput + server.StandardError);

            await using var publisher = ExternalProcess.FfmpegPublish($"rtmp://127.0.0.1:{rtmpPort}/live/{lena.StreamKey}", seconds: 60, size: "640x360");
            var journal = "";
            await WaitUntilAsync(() =>
            {
                var recordings = Path.Combine(dataDirectory, "recordings");
                journal = Directory.Exists(recordings)
                    ? Directory.EnumerateFiles(recordings, "journal-000000.json", SearchOption.AllDirectories).FirstOrDefault(f => f.Contains("/source/", StringComparison.Ordinal)) ?? ""
                    : "";
                return Task.FromResult(journal.Length > 0 && JsonDocument.Parse(File.ReadAllText(journal)).RootElement.GetArrayLength() >= 5);
            }, TimeSpan.FromSeconds(60), () => server.StandardOutput);
            await server.KillAsync();
            await publisher.KillAsync();
            var storedSeconds = JsonDocument.Parse(File.ReadAllText(journal)).RootElement.EnumerateArray().Sum(e => e.GetProperty("d").GetDouble());

            // Restarted on the same data: the video is closed at start-up and plays what was stored.
            await using var restarted = await LiveHost.StartAsync(shared);
            using var client = restarted.CreateClient();
            var video = await RecordedVideos.WaitForReadyVideoAsync(client, "lena", TimeSpan.FromSeconds(30));
            Assert.Contains(restarted.Logs.Entries, e => e.Message.Contains("still recording when the server stopped", StringComparison.Ordinal));
            var durations = await RecordedVideos.AssertEveryRenditionPlaysAsync(client, restarted.BaseAddress, video.GetProperty("playlistUrl").GetString()!);
            Assert.InRange(durations["source"], storedSeconds - 0.5, storedSeconds + 2.5);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<int> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            return (int)(await http.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out. " + diagnostics()[^Math.Min(diagnostics().Length, 2000)..]);
            }

            await Task.Delay(250);
        }
    }
}
