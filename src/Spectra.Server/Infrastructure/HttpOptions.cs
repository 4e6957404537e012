using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Infrastructure;

/// <summary>Configuration section "Http": where the web server listens.</summary>
internal sealed class HttpOptions : IValidatableObject
{
    public const string SectionName = "Http";

    /// <summary>
    /// IP address to bind, or "*" for every interface (default, so OBS and viewers on the network can
    /// reach the server; it includes localhost). Environment: Http__Address.
    /// </summary>
    [Required]
    public string Address { get; set; } = "*";

    /// <summary>TCP port, default 8080; 0 picks a free port. Environment: Http__Port.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8080;

    /// <summary>
    /// HTTPS port on the same address, with the certificate of the "Tls" section; default 0 = no HTTPS
    /// (TLS ended by a reverse proxy, or none). Environment: Http__HttpsPort.
    /// </summary>
    [Range(0, 65535)]
    public int HttpsPort { get; set; }

    /// <summary>With <see cref="HttpsPort"/> set, plain HTTP requests are redirected (307) to HTTPS. Default true. Environment: Http__RedirectToHttps.</summary>
    public bool RedirectToHttps { get; set; } = true;

    /// <summary>
    /// With <see cref="HttpsPort"/> set, HTTPS responses carry Strict-Transport-Security with this max-age
    /// (default 365 days; 0 = no header). Not sent to localhost. Environment: Http__HstsMaxAge.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Reverse proxies (IP addresses, or networks as address/prefix such as 10.0.0.0/8) whose
    /// X-Forwarded-For and X-Forwarded-Proto headers are believed: the client address (sign-in
    /// throttling, rate limits) and the scheme (Secure cookies) then come from them. Empty (default):
    /// forwarded headers are ignored. Environment: Http__TrustedProxies__0, Http__TrustedProxies__1, ...
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// The site is reachable only over HTTPS, with TLS ended by a proxy that is not listed in
    /// <see cref="TrustedProxies"/>: every request is treated as HTTPS, so every cookie is marked Secure
    /// and absolute URLs use https. Default false. Environment: Http__AssumeHttps.
    /// </summary>
    public bool AssumeHttps { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HttpsPort != 0 && HttpsPort == Port)
        {
            yield return new ValidationResult($"Http:HttpsPort {HttpsPort} is also Http:Port.", [nameof(HttpsPort)]);
        }

        foreach (var proxy in TrustedProxies)
        {
            if (!TryParseProxy(proxy, out _, out _))
            {
                yield return new ValidationResult($"Http:TrustedProxies entry '{proxy}' is neither an IP address nor address/prefix.", [nameof(TrustedProxies)]);
            }
        }
    }

    /// <summary>An address ("10.1.2.3") or a network ("10.0.0.0/8"); a plain address gets a null network.</summary>
    public static bool TryParseProxy(string value, out System.Net.IPAddress? address, out System.Net.IPNetwork? network)
    {
        address = null;
        network = null;
        if (value.Contains('/', StringComparison.Ordinal))
        {
            if (System.Net.IPNetwork.TryParse(value, out var parsed))
            {
                network = parsed;
                return true;
            }

            return false;
        }

        return System.Net.IPAddress.TryParse(value, out address);
    }
}
