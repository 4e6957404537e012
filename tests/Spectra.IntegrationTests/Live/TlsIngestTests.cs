using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectra.IntegrationTests.Infrastructure;
using Spectra.Server.Events;
using Spectra.Testing;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Live;

/// <summary>RTMPS ingest: real ffmpeg publishing over rtmps:// to the server's own TLS endpoint.</summary>
public sealed class TlsIngestTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spectra-rtmps-").FullName;

    [Fact]
    public async Task Rtmps_FfmpegPublishes_StreamGoesLiveAndGarbageConnectionsDoNotDisturbIt()
    {
        using var certificate = TestCertificate.Create("spectra-rtmps");
        var certificatePath = Path.Combine(_directory, "fullchain.pem");
        var keyPath = Path.Combine(_directory, "privkey.pem");
        TestCertificate.WritePem(certificate, certificatePath, keyPath);
        var rtmpsPort = LoopbackPort.Free();
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?>
        {
            ["Ingest:RtmpsPort"] = rtmpsPort.ToString(CultureInfo.InvariantCulture),
            ["Tls:CertificatePath"] = certificatePath,
            ["Tls:KeyPath"] = keyPath,
        });
        var alice = await host.CreateStreamerAsync("alice");
        using var events = new LiveEventRecorder(host);

        await using var publisher = ExternalProcess.FfmpegPublish($"rtmps://127.0.0.1:{rtmpsPort}/live/{alice.StreamKey}", seconds: 60, size: "640x360");
        await events.WaitForOnlineAsync(alice.ChannelId, TimeSpan.FromSeconds(30));

        Assert.Equal(certificate.Thumbprint, await TlsTests.PresentedThumbprintAsync(rtmpsPort));
        Assert.True(await TlsTests.SendGarbageAsync(rtmpsPort), "The server kept a connection that sent garbage instead of a TLS handshake.");
        Assert.True(await TlsTests.SendGarbageAsync(rtmpsPort), "The server kept a second garbage connection.");

        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 1703);
        Assert.False(publisher.HasExited, publisher.StandardError);
        Assert.DoesNotContain(events.Events, e => e is StreamOffline);
        using var client = host.CreateClient(alice.Token);
        using var playlist = await client.GetAsync("/hls/alice/master.m3u8");
        Assert.Equal(HttpStatusCode.OK, playlist.StatusCode);

        var key = await client.GetFromJsonAsync<JsonElement>("/api/v1/channels/alice/stream-key");
        Assert.Equal($"rtmps://127.0.0.1:{rtmpsPort}/live", key.GetProperty("secureServerUrl").GetString());
        Assert.Equal($"rtmp://127.0.0.1:{host.RtmpPort}/live", key.GetProperty("serverUrl").GetString());
        Assert.Empty(host.Errors);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
