using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Data;

public sealed class SecretsAtRestTests
{
    [Fact]
    public async Task Start_DataFolderAndDatabase_OnlyTheServerUserMayRead()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var host = await SpectraHost.StartAsync();
        (await host.SignUpAsync("private")).Dispose();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(host.DataDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(host.DataDirectory, "spectra.db")));
    }

    [Fact]
    public async Task KeyRing_NoCertificate_StoredUnencryptedInsideThePrivateFolder()
    {
        await using var host = await SpectraHost.StartAsync();
        (await host.SignUpAsync("plainkeys")).Dispose();

        var keys = ReadKeyRing(host);
        Assert.Contains("unencrypted form", keys, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRing_WithCertificate_EncryptedAtRestAndStillUsable()
    {
        var certificatePath = Path.Combine(Path.GetTempPath(), "spectra-keyring-" + Guid.NewGuid().ToString("N") + ".pfx");
        try
        {
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=Spectra key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
                await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "test password"));
            }

            await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Storage:KeyRingCertificatePath"] = certificatePath,
                ["Storage:KeyRingCertificatePassword"] = "test password",
            });
            using var client = await host.SignUpAsync("sealedkeys");

            var keys = ReadKeyRing(host);
            Assert.Contains("encryptedSecret", keys, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", keys, StringComparison.Ordinal);
            using var dashboard = await client.Http.GetAsync("/dashboard");
            Assert.Equal(System.Net.HttpStatusCode.OK, dashboard.StatusCode);
        }
        finally
        {
            File.Delete(certificatePath);
        }
    }

    private static string ReadKeyRing(SpectraHost host) =>
        string.Concat(Directory.GetFiles(Path.Combine(host.DataDirectory, "keys"), "*.xml").Select(File.ReadAllText));
}
