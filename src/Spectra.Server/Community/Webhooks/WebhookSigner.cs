using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Spectra.Server.Community.Webhooks;

/// <summary>
/// Signs webhook bodies. The receiver recomputes
/// <c>hex(HMAC-SHA256(secret, timestamp + "." + body))</c> and compares it with the
/// <c>Spectra-Signature: sha256=&lt;hex&gt;</c> header; the timestamp (Unix seconds, header
/// <c>Spectra-Timestamp</c>) is inside the MAC so a captured delivery cannot be replayed later
/// with a fresh timestamp.
/// </summary>
internal static class WebhookSigner
{
    public const string SignatureHeader = "Spectra-Signature";
    public const string TimestampHeader = "Spectra-Timestamp";
    public const string EventHeader = "Spectra-Event";
    public const string DeliveryHeader = "Spectra-Delivery";
    public const string SignaturePrefix = "sha256=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return SignaturePrefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>Constant-time check of a received signature header value.</summary>
    public static bool Verify(string secret, long timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>A new random secret: 32 bytes, base64url, prefixed "whsec_".</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
