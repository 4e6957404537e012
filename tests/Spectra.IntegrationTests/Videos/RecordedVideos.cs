using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Videos;

/// <summary>What the recording tests check on a past broadcast, with real ffmpeg and ffprobe over HTTP.</summary>
internal static class RecordedVideos
{
    /// <summary>Waits for the channel's only video to be ready and returns it (id, API object).</summary>
    public static async Task<JsonElement> WaitForReadyVideoAsync(HttpClient client, string channel, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var videos = await client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{channel}/videos", cts.Token);
            if (videos.GetArrayLength() > 0 && videos[0].GetProperty("status").GetString() == "ready")
            {
                return videos[0];
            }

            await Task.Delay(250, cts.Token);
        }
    }

    /// <summary>Every variant of the VOD master playlist: a VOD media playlist that ffmpeg decodes from start to end; returns each one's duration.</summary>
    public static async Task<Dictionary<string, double>> AssertEveryRenditionPlaysAsync(HttpClient client, Uri baseAddress, string playlistPath)
    {
        var masterUri = new Uri(baseAddress, playlistPath);
        var variants = HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri));
        Assert.NotEmpty(variants);
        var durations = new Dictionary<string, double>();
        foreach (var variant in variants)
        {
            Assert.True(int.Parse(variant.Attributes["BANDWIDTH"], CultureInfo.InvariantCulture) > 100_000, "BANDWIDTH measured from the stored segments");
            var mediaUri = new Uri(masterUri, variant.Uri);
            var text = await client.GetStringAsync(mediaUri);
            Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD", text, StringComparison.Ordinal);
            Assert.EndsWith("#EXT-X-ENDLIST\n", text, StringComparison.Ordinal);
            var (exit, _, error) = await ExternalProcess.RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-i", mediaUri.ToString(), "-f", "null", "-"], TimeSpan.FromSeconds(60));
            Assert.True(exit == 0 && error.Trim().Length == 0, $"ffmpeg could not decode {variant.Uri}: {error}");
            durations[variant.Uri.Split('/')[0]] = await ProbeDurationAsync(mediaUri.ToString());
        }

        return durations;
    }

    public static async Task<double> ProbeDurationAsync(string input)
    {
        var (exit, output, error) = await ExternalProcess.RunAsync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", input], TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, $"ffprobe failed on {input}: {error}");
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
