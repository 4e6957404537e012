using System.Net;
using System.Net.Sockets;

namespace Spectra.Server.Community.Webhooks;

/// <summary>
/// Rules for webhook targets: absolute http or https URL, no user info, and — unless the operator
/// allows private networks — a host that is not (and does not resolve to) a loopback, private,
/// link-local, carrier-grade NAT, unspecified, multicast or otherwise non-public address. The same
/// address check runs again when the delivery connects, so a DNS answer that changes after
/// registration cannot redirect a delivery inside the network.
/// </summary>
internal static class WebhookUrlValidator
{
    public const int MaxUrlLength = 2000;

    /// <summary>Checks the URL's shape; returns an error message or null.</summary>
    public static string? CheckShape(string? url, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return "The URL is required.";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"The URL is longer than {MaxUrlLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            return "The URL is not an absolute URL.";
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            return "Only http and https URLs are accepted.";
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            return "The URL must not contain a user name or password.";
        }

        if (string.IsNullOrEmpty(parsed.Host))
        {
            return "The URL has no host.";
        }

        uri = parsed;
        return null;
    }

    /// <summary>Full check: shape, then every address the host resolves to.</summary>
    public static async Task<string?> CheckAsync(string? url, bool allowPrivateNetworks, CancellationToken ct)
    {
        var error = CheckShape(url, out var uri);
        if (error is not null || allowPrivateNetworks)
        {
            return error;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri!.IdnHost.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else if (uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase) || uri.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "Loopback addresses are not accepted.";
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
            }
            catch (SocketException)
            {
                return "The host name does not resolve.";
            }
        }

        if (addresses.Length == 0)
        {
            return "The host name does not resolve.";
        }

        foreach (var address in addresses)
        {
            if (!IsPublic(address))
            {
                return "Loopback, private and link-local addresses are not accepted.";
            }
        }

        return null;
    }

    /// <summary>True for globally routable unicast addresses only.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] == 0                                   // 0.0.0.0/8 "this network"
                || b[0] == 10                                    // 10/8 RFC 1918
                || (b[0] == 100 && (b[1] & 0xC0) == 64)          // 100.64/10 RFC 6598 CGNAT
                || b[0] == 127                                   // 127/8 loopback
                || (b[0] == 169 && b[1] == 254)                  // 169.254/16 link-local (cloud metadata)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)          // 172.16/12 RFC 1918
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // 192.0.0/24 IETF assignments
                || (b[0] == 192 && b[1] == 168)                  // 192.168/16 RFC 1918
                || (b[0] == 198 && (b[1] & 0xFE) == 18)          // 198.18/15 benchmarking
                || b[0] >= 224);                                 // multicast, reserved, broadcast
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            if (EmbeddedIPv4(b) is { } embedded && !embedded.All(IsPublic))
            {
                return false;
            }

            return !(address.Equals(IPAddress.IPv6None)          // ::
                || address.IsIPv6LinkLocal                       // fe80::/10
                || address.IsIPv6SiteLocal                       // fec0::/10
                || address.IsIPv6Multicast                       // ff00::/8
                || (b[0] & 0xFE) == 0xFC                         // fc00::/7 unique local
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) // 2001:db8::/32 documentation
                || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1)); // 64:ff9b:1::/48 local-use NAT64
        }

        return false;
    }

    /// <summary>
    /// The IPv4 addresses an IPv6 address carries and may deliver to: IPv4-compatible (::a.b.c.d,
    /// RFC 4291 §2.5.5.1), 6to4 (2002:AABB:CCDD::/16, RFC 3056), Teredo (2001:0::/32, RFC 4380: the
    /// server address, and the client address stored inverted in the last 32 bits) and well-known-prefix
    /// NAT64 (64:ff9b::/96, RFC 6052). Null for any other address.
    /// </summary>
    private static IPAddress[]? EmbeddedIPv4(ReadOnlySpan<byte> b)
    {
        if (b[..12].IndexOfAnyExcept((byte)0) < 0 && b[12..].IndexOfAnyExcept((byte)0) >= 0)
        {
            return b[12..].SequenceEqual(new byte[] { 0, 0, 0, 1 }) ? null : [new IPAddress(b[12..])]; // ::1 is loopback, checked below
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return [new IPAddress(b[2..6])];
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        {
            Span<byte> client = stackalloc byte[4];
            for (var i = 0; i < 4; i++)
            {
                client[i] = (byte)~b[12 + i];
            }

            return [new IPAddress(b[4..8]), new IPAddress(client)];
        }

        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return [new IPAddress(b[12..])];
        }

        return null;
    }
}
