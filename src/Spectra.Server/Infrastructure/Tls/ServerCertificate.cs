using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;

namespace Spectra.Server.Infrastructure.Tls;

/// <summary>
/// The certificate every TLS handshake (HTTPS and RTMPS) presents, loaded from <see cref="TlsOptions"/> at
/// start and again by <see cref="Refresh"/> when the files change (certbot renewing), so renewals need no
/// restart. A replacement that does not load keeps the current certificate.
/// </summary>
internal sealed partial class ServerCertificate
{
    private readonly TlsOptions _options;
    private readonly ILogger<ServerCertificate> _logger;
    private volatile Loaded _current;
    private int _failuresInARow;

    /// <exception cref="InvalidOperationException">No certificate is configured or it does not load; the message names the setting.</exception>
    public ServerCertificate(IOptions<TlsOptions> options, ILogger<ServerCertificate> logger)
    {
        _options = options.Value;
        _logger = logger;
        if (_options.CertificatePath.Length == 0)
        {
            throw new InvalidOperationException("Tls:CertificatePath is required when Http:HttpsPort or Ingest:RtmpsPort is set.");
        }

        try
        {
            _current = Load();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"The certificate in {Describe()} could not be loaded: {e.Message}", e);
        }

        LogLoaded(_current.Certificate.Subject, _current.Certificate.Thumbprint, _current.Certificate.NotAfter);
    }

    /// <summary>What a handshake presents: the certificate with its chain.</summary>
    public SslStreamCertificateContext Context => _current.Context;

    /// <summary>
    /// Reads the files again and switches to them when they changed and load. The files are often replaced
    /// one after the other (certificate, then key), so a pair that fails is reported as an error only when
    /// it still fails at the next refresh.
    /// </summary>
    public void Refresh()
    {
        try
        {
            var (certificate, key) = ReadFiles();
            var fingerprint = Fingerprint(certificate, key);
            if (fingerprint.AsSpan().SequenceEqual(_current.Fingerprint))
            {
                _failuresInARow = 0;
                return;
            }

            _current = Load(certificate, key, fingerprint);
            _failuresInARow = 0;
            LogReloaded(_current.Certificate.Subject, _current.Certificate.Thumbprint, _current.Certificate.NotAfter);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            if (++_failuresInARow == 2)
            {
                LogReloadFailed(e, Describe(), _current.Certificate.Thumbprint);
            }
        }
    }

    private Loaded Load()
    {
        var (certificate, key) = ReadFiles();
        return Load(certificate, key, Fingerprint(certificate, key));
    }

    private (byte[] Certificate, byte[]? Key) ReadFiles() =>
        (File.ReadAllBytes(_options.CertificatePath), _options.KeyPath.Length == 0 ? null : File.ReadAllBytes(_options.KeyPath));

    private Loaded Load(byte[] certificateFile, byte[]? keyFile, byte[] fingerprint)
    {
        var password = _options.Password.Length == 0 ? null : _options.Password;
        X509Certificate2Collection all;
        X509Certificate2 leaf;
        if (IsPem(certificateFile))
        {
            var certificatePem = Encoding.ASCII.GetString(certificateFile);
            var keyPem = keyFile is null ? certificatePem : Encoding.ASCII.GetString(keyFile);
            leaf = password is null
                ? X509Certificate2.CreateFromPem(certificatePem, keyPem)
                : X509Certificate2.CreateFromEncryptedPem(certificatePem, keyPem, password);
            all = [];
            all.ImportFromPem(certificatePem);
        }
        else
        {
            all = X509CertificateLoader.LoadPkcs12Collection(certificateFile, password);
            leaf = all.FirstOrDefault(c => c.HasPrivateKey)
                ?? throw new CryptographicException("The PKCS#12 file holds no certificate with a private key.");
        }

        if (!leaf.HasPrivateKey)
        {
            throw new CryptographicException("The certificate has no private key.");
        }

        // The rest of the file is the chain sent with the certificate; offline: no fetching of missing parts.
        var chain = new X509Certificate2Collection();
        foreach (var certificate in all)
        {
            if (certificate.Thumbprint != leaf.Thumbprint)
            {
                chain.Add(certificate);
            }
        }

        var context = SslStreamCertificateContext.Create(leaf, chain, offline: true);
        return new Loaded(fingerprint, leaf, context);
    }

    private static bool IsPem(byte[] file) => file.AsSpan().IndexOf("-----BEGIN "u8) >= 0;

    private static byte[] Fingerprint(byte[] certificate, byte[]? key)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(certificate);
        hash.AppendData([0]);
        hash.AppendData(key ?? []);
        return hash.GetHashAndReset();
    }

    private string Describe() => _options.KeyPath.Length == 0
        ? $"Tls:CertificatePath '{_options.CertificatePath}'"
        : $"Tls:CertificatePath '{_options.CertificatePath}' with Tls:KeyPath '{_options.KeyPath}'";

    private sealed record Loaded(byte[] Fingerprint, X509Certificate2 Certificate, SslStreamCertificateContext Context);

    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "TLS certificate {Subject} ({Thumbprint}, valid until {NotAfter:u}) loaded")]
    private partial void LogLoaded(string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "TLS certificate changed on disk: now presenting {Subject} ({Thumbprint}, valid until {NotAfter:u})")]
    private partial void LogReloaded(string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Error, Message = "The TLS certificate in {Files} changed but does not load; still presenting {Thumbprint}")]
    private partial void LogReloadFailed(Exception exception, string files, string thumbprint);
}
