using System.ComponentModel.DataAnnotations;

namespace Spectra.Media.Srt;

/// <summary>SRT ingest settings, bound from the configuration section <c>Ingest</c> (keys <c>Ingest:Srt*</c>) and validated at start-up.</summary>
public sealed class SrtOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from (shared with the other ingest settings).</summary>
    public const string SectionName = "Ingest";

    /// <summary>UDP port of the SRT listener; 0 turns SRT ingest off. Default 9998.</summary>
    [Range(0, 65535)]
    public int SrtPort { get; set; } = 9998;

    /// <summary>Address the listener binds to (IPv4 or IPv6 literal); empty: every address ("0.0.0.0").</summary>
    public string SrtAddress { get; set; } = "";

    /// <summary>
    /// Receiver latency in ms (SRTO_LATENCY): how long SRT may spend repairing loss before a packet is due. The larger of
    /// this and the publisher's own setting applies. About 4× the round-trip time is usual. 20–8000, default 200.
    /// </summary>
    [Range(20, 8000)]
    public int SrtLatencyMs { get; set; } = 200;

    /// <summary>
    /// Site-wide passphrase (SRTO_PASSPHRASE, 10–79 characters): publishers must send the same one
    /// (<c>passphrase=</c>) and the stream is AES-encrypted. Empty (default): no encryption, a publisher that sets one
    /// is refused.
    /// </summary>
    public string SrtPassphrase { get; set; } = "";

    /// <summary>AES key length in bytes with a passphrase (SRTO_PBKEYLEN): 16, 24 or 32; 0 (default) takes the publisher's.</summary>
    public int SrtKeyLength { get; set; }

    /// <summary>SRT connections at once from one address (handshakes in progress included). 1–100000, default 16.</summary>
    [Range(1, 100000)]
    public int SrtMaxConnectionsPerAddress { get; set; } = 16;

    /// <summary>SRT connections at once in total. 1–100000, default 1000.</summary>
    [Range(1, 100000)]
    public int SrtMaxConnections { get; set; } = 1000;

    /// <summary>A publisher that sends no media for this long is disconnected. 1 s–10 min, default 10 s.</summary>
    public TimeSpan SrtIdleTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the handshake waits for the stream key decision before refusing. 0.1–10 s, default 3 s.</summary>
    public TimeSpan SrtDecisionTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SrtPassphrase.Length is > 0 and (< 10 or > 79))
        {
            yield return new ValidationResult("Ingest:SrtPassphrase must be 10–79 characters (or empty for no encryption).", [nameof(SrtPassphrase)]);
        }

        if (SrtKeyLength is not (0 or 16 or 24 or 32))
        {
            yield return new ValidationResult("Ingest:SrtKeyLength must be 0, 16, 24 or 32.", [nameof(SrtKeyLength)]);
        }

        if (SrtAddress.Length > 0 && !System.Net.IPAddress.TryParse(SrtAddress, out _))
        {
            yield return new ValidationResult("Ingest:SrtAddress must be an IP address literal.", [nameof(SrtAddress)]);
        }

        if (SrtIdleTimeout < TimeSpan.FromSeconds(1) || SrtIdleTimeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Ingest:SrtIdleTimeout must be between 1 s and 10 min.", [nameof(SrtIdleTimeout)]);
        }

        if (SrtDecisionTimeout < TimeSpan.FromMilliseconds(100) || SrtDecisionTimeout > TimeSpan.FromSeconds(10))
        {
            yield return new ValidationResult("Ingest:SrtDecisionTimeout must be between 0.1 and 10 s.", [nameof(SrtDecisionTimeout)]);
        }
    }
}
