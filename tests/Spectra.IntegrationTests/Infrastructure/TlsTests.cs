using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Infrastructure;

/// <summary>HTTPS served by Kestrel itself: PEM and PKCS#12 certificates, redirect, HSTS, reload on change, bad input.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spectra-tls-").FullName;
    private readonly int _httpsPort = LoopbackPort.Free();

    private string CertificatePath => Path.Combine(_directory, "fullchain.pem");

    private string KeyPath => Path.Combine(_directory, "privkey.pem");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Https_ConfiguredCertificate_ServesHomePage(bool pfx)
    {
        using var certificate = TestCertificate.Create("spectra-home");
        var settings = pfx ? PfxSettings(certificate) : PemSettings(certificate);
        await using var host = await SpectraHost.StartAsync(settings: settings);
        using var client = HttpsClient(certificate.Thumbprint);

        // HTTP/2 is negotiated with ALPN, so this also shows the endpoint offers it.
        using var request = new HttpRequestMessage(HttpMethod.Get, HttpsUrl("/")) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Http_RedirectToHttpsOn_RedirectsToTheHttpsPort()
    {
        using var certificate = TestCertificate.Create("spectra-redirect");
        await using var host = await SpectraHost.StartAsync(settings: PemSettings(certificate));
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(host.BaseAddress, "/channels?page=2"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(HttpsUrl("/channels?page=2"), response.Headers.Location);
    }

    [Fact]
    public async Task Http_RedirectToHttpsOff_ServesPlainHttp()
    {
        using var certificate = TestCertificate.Create("spectra-no-redirect");
        var settings = PemSettings(certificate);
        settings["Http:RedirectToHttps"] = "false";
        await using var host = await SpectraHost.StartAsync(settings: settings);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(host.BaseAddress, "/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Https_Response_CarriesHstsWithConfiguredMaxAge()
    {
        using var certificate = TestCertificate.Create("spectra-hsts");
        var settings = PemSettings(certificate);
        settings["Http:HstsMaxAge"] = "30.00:00:00";
        await using var host = await SpectraHost.StartAsync(settings: settings);
        using var client = HttpsClient(certificate.Thumbprint);
        // HSTS is never sent to localhost or a loopback address (a developer's other local sites would break).
        using var request = new HttpRequestMessage(HttpMethod.Get, HttpsUrl("/"));
        request.Headers.Host = $"spectra.example:{_httpsPort}";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=2592000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Certificate_FilesReplaced_NextHandshakePresentsTheNewOne()
    {
        using var first = TestCertificate.Create("spectra-first");
        using var second = TestCertificate.Create("spectra-second");
        await using var host = await SpectraHost.StartAsync(settings: PemSettings(first));
        Assert.Equal(first.Thumbprint, await PresentedThumbprintAsync(_httpsPort));

        TestCertificate.WritePem(second, CertificatePath, KeyPath);

        Assert.Equal(second.Thumbprint, await WaitForThumbprintAsync(second.Thumbprint, TimeSpan.FromSeconds(15)));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 1701 && e.Message.Contains(second.Thumbprint, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Certificate_PfxReplaced_NextHandshakePresentsTheNewOne()
    {
        using var first = TestCertificate.Create("spectra-pfx-first");
        using var second = TestCertificate.Create("spectra-pfx-second");
        await using var host = await SpectraHost.StartAsync(settings: PfxSettings(first));

        TestCertificate.WritePfx(second, Path.Combine(_directory, "site.pfx"), "pfx password");

        Assert.Equal(second.Thumbprint, await WaitForThumbprintAsync(second.Thumbprint, TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Certificate_BrokenReplacement_KeepsTheOldOneAndLogsAnError()
    {
        using var certificate = TestCertificate.Create("spectra-keep");
        await using var host = await SpectraHost.StartAsync(settings: PemSettings(certificate));
        host.ExpectedError = e => e.EventId.Id == 1702;

        TestCertificate.ReplaceFile(CertificatePath, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!host.Logs.Errors.Any(e => e.EventId.Id == 1702))
        {
            Assert.True(DateTime.UtcNow < deadline, "No error was logged for the broken certificate.");
            await Task.Delay(100);
        }

        Assert.Contains("Tls:CertificatePath", host.Logs.Errors.First(e => e.EventId.Id == 1702).Message, StringComparison.Ordinal);
        Assert.Equal(certificate.Thumbprint, await PresentedThumbprintAsync(_httpsPort));
        using var client = HttpsClient(certificate.Thumbprint);
        using var response = await client.GetAsync(HttpsUrl("/"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Https_GarbageInsteadOfHandshake_ClosesThatConnectionAndLogs()
    {
        using var certificate = TestCertificate.Create("spectra-garbage");
        await using var host = await SpectraHost.StartAsync(settings: PemSettings(certificate));

        Assert.True(await SendGarbageAsync(_httpsPort), "The server kept a connection that sent garbage instead of a TLS handshake.");

        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 1703);
        using var client = HttpsClient(certificate.Thumbprint);
        using var response = await client.GetAsync(HttpsUrl("/"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Start_MissingCertificate_FailsNamingTheSetting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Http:HttpsPort"] = _httpsPort.ToString(CultureInfo.InvariantCulture),
            ["Tls:CertificatePath"] = Path.Combine(_directory, "absent.pem"),
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => SpectraHost.StartAsync(settings: settings));

        Assert.Contains("Tls:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnreadableCertificate_FailsNamingTheSetting()
    {
        File.WriteAllText(CertificatePath, "not a certificate");
        var settings = new Dictionary<string, string?>
        {
            ["Http:HttpsPort"] = _httpsPort.ToString(CultureInfo.InvariantCulture),
            ["Tls:CertificatePath"] = CertificatePath,
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => SpectraHost.StartAsync(settings: settings));

        Assert.Contains("Tls:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>
    /// Sends bytes that are no TLS record to <paramref name="port"/>; true when the server closes the
    /// connection within 15 s.
    /// </summary>
    internal static async Task<bool> SendGarbageAsync(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var garbage = new byte[512];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x03; // anything but 0x16, a handshake record
        await stream.WriteAsync(garbage);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The thumbprint of the certificate a new TLS connection to <paramref name="port"/> is shown.</summary>
    internal static async Task<string> PresentedThumbprintAsync(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions { TargetHost = "localhost", RemoteCertificateValidationCallback = (_, _, _, _) => true },
            timeout.Token);
        return tls.RemoteCertificate!.GetCertHashString();
    }

    private async Task<string> WaitForThumbprintAsync(string expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var presented = await PresentedThumbprintAsync(_httpsPort);
            if (presented == expected || DateTime.UtcNow > deadline)
            {
                return presented;
            }

            await Task.Delay(100);
        }
    }

    private Dictionary<string, string?> PemSettings(X509Certificate2 certificate)
    {
        TestCertificate.WritePem(certificate, CertificatePath, KeyPath);
        return new Dictionary<string, string?>
        {
            ["Http:HttpsPort"] = _httpsPort.ToString(CultureInfo.InvariantCulture),
            ["Tls:CertificatePath"] = CertificatePath,
            ["Tls:KeyPath"] = KeyPath,
            ["Tls:ReloadInterval"] = "00:00:00.2",
        };
    }

    private Dictionary<string, string?> PfxSettings(X509Certificate2 certificate)
    {
        var path = Path.Combine(_directory, "site.pfx");
        TestCertificate.WritePfx(certificate, path, "pfx password");
        return new Dictionary<string, string?>
        {
            ["Http:HttpsPort"] = _httpsPort.ToString(CultureInfo.InvariantCulture),
            ["Tls:CertificatePath"] = path,
            ["Tls:Password"] = "pfx password",
            ["Tls:ReloadInterval"] = "00:00:00.2",
        };
    }

    private Uri HttpsUrl(string pathAndQuery) => new($"https://127.0.0.1:{_httpsPort}{pathAndQuery}");

    /// <summary>A client that trusts exactly the certificate with <paramref name="thumbprint"/>.</summary>
    private static HttpClient HttpsClient(string thumbprint) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == thumbprint },
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}
