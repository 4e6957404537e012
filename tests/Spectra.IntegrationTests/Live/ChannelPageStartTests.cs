using System.Text.RegularExpressions;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Live;

/// <summary>
/// What the channel page does for a fast first frame: the player's module is in the head (fetched first, run first
/// of the page's modules) and, while the channel is live, the master playlist is preloaded beside it.
/// </summary>
public sealed partial class ChannelPageStartTests
{
    [Fact]
    public async Task ChannelPage_LiveThenOffline_PlayerInHeadAndMasterPreloadedOnlyWhileLive()
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Transcoding:Mode"] = "passthrough" });
        using var events = new LiveEventRecorder(host);
        var gina = await host.CreateStreamerAsync("gina");
        using var client = host.CreateClient();

        var offline = Head(await client.GetStringAsync("/gina"));
        Assert.Matches(PlayerModule(), offline);
        Assert.DoesNotMatch(MasterPreload(), offline);

        await using (var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(gina.StreamKey), seconds: 10, size: "640x360"))
        {
            await events.WaitForOnlineAsync(gina.ChannelId, TimeSpan.FromSeconds(40));
            var live = Head(await client.GetStringAsync("/gina"));

            Assert.Matches(PlayerModule(), live);
            Assert.Matches(MasterPreload(), live);
            using var master = await client.GetAsync("/hls/gina/master.m3u8");
            Assert.True(master.IsSuccessStatusCode, $"the preloaded playlist answered {master.StatusCode}");
        }
    }

    private static string Head(string html)
    {
        var end = html.IndexOf("</head>", StringComparison.Ordinal);
        Assert.True(end > 0, "no </head>");
        return html[..end];
    }

    [GeneratedRegex("""<script type="module" src="/dist/player\.js\?v=[^"]+"></script>""")]
    private static partial Regex PlayerModule();

    [GeneratedRegex("""<link rel="preload" href="/hls/gina/master\.m3u8" as="fetch" crossorigin="anonymous">""")]
    private static partial Regex MasterPreload();
}
