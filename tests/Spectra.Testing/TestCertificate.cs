using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spectra.Testing;

/// <summary>Self-signed server certificates for 127.0.0.1 and localhost, written as the files an operator configures.</summary>
public static class TestCertificate
{
    public static X509Certificate2 Create(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    /// <summary>Writes the certificate and its unencrypted key as PEM (certbot's fullchain.pem and privkey.pem).</summary>
    public static void WritePem(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The certificate has no EC private key.");
        ReplaceFile(certificatePath, certificate.ExportCertificatePem() + "\n");
        ReplaceFile(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>Writes certificate and key as a password-protected PKCS#12 file.</summary>
    public static void WritePfx(X509Certificate2 certificate, string path, string password)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        File.WriteAllBytes(path + ".tmp", certificate.Export(X509ContentType.Pkcs12, password));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Replaces a file in one step (a new file moved over the old), as certbot's renewals do.</summary>
    public static void ReplaceFile(string path, string contents)
    {
        File.WriteAllText(path + ".tmp", contents);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
