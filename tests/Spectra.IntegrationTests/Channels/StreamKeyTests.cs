using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Server.Channels;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Channels;

public sealed partial class StreamKeyTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Dashboard_HidesKeyUntilRevealed_ThenShowsKeyThatFindsTheChannel(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var owner = await host.SignUpAsync("keyholder");

        var hidden = await owner.Http.GetStringAsync("/dashboard");
        using var revealed = await owner.PostFormAsync("/dashboard?handler=Reveal", [], pagePath: "/dashboard");
        var key = KeyIn(await revealed.Content.ReadAsStringAsync());

        Assert.DoesNotMatch(KeyPattern(), hidden);
        Assert.StartsWith("live_", key, StringComparison.Ordinal);
        Assert.Contains("rtmp://127.0.0.1:0/live", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain("rtmps://", hidden, StringComparison.Ordinal);
        await using var scope = host.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<StreamKeyService>();
        Assert.Equal("keyholder", (await keys.FindChannelAsync(key))?.Owner.UserName);
        Assert.Null(await keys.FindChannelAsync(key + "x"));
        Assert.Null(await keys.FindChannelAsync(key[..^1]));
        Assert.Null(await keys.FindChannelAsync(""));
    }

    [Fact]
    public async Task Dashboard_RtmpsOn_ShowsTheRtmpsServerAndFullUrl()
    {
        var directory = Directory.CreateTempSubdirectory("spectra-dashboard-tls-").FullName;
        try
        {
            using var certificate = TestCertificate.Create("spectra-dashboard");
            TestCertificate.WritePem(certificate, Path.Combine(directory, "fullchain.pem"), Path.Combine(directory, "privkey.pem"));
            var rtmpsPort = LoopbackPort.Free();
            await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Ingest:RtmpsPort"] = rtmpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Ingest:PublicHost"] = "live.example",
                ["Tls:CertificatePath"] = Path.Combine(directory, "fullchain.pem"),
                ["Tls:KeyPath"] = Path.Combine(directory, "privkey.pem"),
            });
            using var owner = await host.SignUpAsync("secureholder");

            var hidden = await owner.Http.GetStringAsync("/dashboard");
            using var revealed = await owner.PostFormAsync("/dashboard?handler=Reveal", [], pagePath: "/dashboard");
            var page = await revealed.Content.ReadAsStringAsync();

            Assert.Contains($"value=\"rtmps://live.example:{rtmpsPort}/live\"", hidden, StringComparison.Ordinal);
            Assert.Contains("value=\"rtmp://live.example:0/live\"", hidden, StringComparison.Ordinal);
            Assert.Contains($"value=\"rtmps://live.example:{rtmpsPort}/live/{KeyIn(page)}\"", page, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Rotate_OldKeyStopsWorkingAtOnce(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var owner = await host.SignUpAsync("rotator");
        using var revealed = await owner.PostFormAsync("/dashboard?handler=Reveal", [], pagePath: "/dashboard");
        var oldKey = KeyIn(await revealed.Content.ReadAsStringAsync());

        using var rotated = await owner.PostFormAsync("/dashboard?handler=Rotate", [], pagePath: "/dashboard");
        var newKey = KeyIn(await rotated.Content.ReadAsStringAsync());

        Assert.NotEqual(oldKey, newKey);
        await using var scope = host.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<StreamKeyService>();
        Assert.Null(await keys.FindChannelAsync(oldKey));
        Assert.Equal("rotator", (await keys.FindChannelAsync(newKey))?.Owner.UserName);
    }

    [Fact]
    public async Task StreamKey_IsNeverStoredInClearText()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("secretive");
        var key = (await owner.Http.GetFromJsonAsync<JsonElement>("/api/v1/channels/secretive/stream-key")).GetProperty("streamKey").GetString()!;

        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var channel = await db.Channels.AsNoTracking().SingleAsync();
        Assert.DoesNotContain(key, channel.StreamKeyHash, StringComparison.Ordinal);
        Assert.DoesNotContain(key, channel.StreamKeyProtected, StringComparison.Ordinal);
        Assert.DoesNotContain(key[5..], channel.StreamKeyProtected, StringComparison.Ordinal);
        var file = await File.ReadAllBytesAsync(Path.Combine(host.DataDirectory, "spectra.db"));
        Assert.Equal(-1, file.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(key)));
    }

    [Fact]
    public async Task Api_RotateOwnKey_ReturnsNewKeyAndIngestUrl_OthersForbidden()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("apikeys");
        using var other = await host.SignUpAsync("snoop");
        var before = (await owner.Http.GetFromJsonAsync<JsonElement>("/api/v1/channels/apikeys/stream-key")).GetProperty("streamKey").GetString();

        using var rotate = await owner.SendJsonAsync(HttpMethod.Post, "/api/v1/channels/apikeys/stream-key", new { });
        var body = await rotate.Content.ReadFromJsonAsync<JsonElement>();
        using var snoopRead = await other.Http.GetAsync("/api/v1/channels/apikeys/stream-key");
        using var snoopRotate = await other.SendJsonAsync(HttpMethod.Post, "/api/v1/channels/apikeys/stream-key", new { });

        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        Assert.NotEqual(before, body.GetProperty("streamKey").GetString());
        Assert.EndsWith("/live/" + body.GetProperty("streamKey").GetString(), body.GetProperty("ingestUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, snoopRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, snoopRotate.StatusCode);
        var after = (await owner.Http.GetFromJsonAsync<JsonElement>("/api/v1/channels/apikeys/stream-key")).GetProperty("streamKey").GetString();
        Assert.Equal(body.GetProperty("streamKey").GetString(), after);
    }

    private static string KeyIn(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.True(match.Success, "No stream key in the page.");
        return match.Value;
    }

    [GeneratedRegex("live_[0-9A-Za-z]{32}")]
    private static partial Regex KeyPattern();

    [Fact]
    public async Task Api_StreamKeyResponses_AreNeverCached()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("nocache");

        using var read = await owner.Http.GetAsync("/api/v1/channels/nocache/stream-key");
        using var rotate = await owner.SendJsonAsync(HttpMethod.Post, "/api/v1/channels/nocache/stream-key", new { });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(read.Headers.CacheControl?.NoStore, read.Headers.CacheControl?.ToString());
        Assert.True(rotate.Headers.CacheControl?.NoStore, rotate.Headers.CacheControl?.ToString());
    }
}
