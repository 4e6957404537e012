using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Infrastructure.Tls;

/// <summary>
/// Configuration section "Tls": the certificate HTTPS (<see cref="HttpOptions.HttpsPort"/>) and RTMPS
/// (<see cref="IngestOptions.RtmpsPort"/>) present. Read only when one of those ports is set.
/// </summary>
internal sealed class TlsOptions : IValidatableObject
{
    public const string SectionName = "Tls";

    /// <summary>
    /// A PEM certificate (the leaf first, then its chain, as certbot's fullchain.pem) or a PKCS#12 file
    /// (.pfx/.p12, with its private key). Environment: Tls__CertificatePath.
    /// </summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>
    /// The PEM private key of a PEM certificate (certbot's privkey.pem). Empty: the key is in the
    /// certificate file (a PKCS#12 file, or a PEM file holding both). Environment: Tls__KeyPath.
    /// </summary>
    public string KeyPath { get; set; } = "";

    /// <summary>Password of the PKCS#12 file or of an encrypted PEM key; empty = none. Environment: Tls__Password.</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// How often the files are read again (default 10 s, 0.1 s – 1 h); a changed certificate is used
    /// from the next TLS handshake on. Environment: Tls__ReloadInterval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CertificatePath.Length > 0 && !File.Exists(CertificatePath))
        {
            yield return new ValidationResult($"Tls:CertificatePath '{CertificatePath}' does not exist or cannot be read.", [nameof(CertificatePath)]);
        }

        if (KeyPath.Length > 0 && !File.Exists(KeyPath))
        {
            yield return new ValidationResult($"Tls:KeyPath '{KeyPath}' does not exist or cannot be read.", [nameof(KeyPath)]);
        }
    }
}
