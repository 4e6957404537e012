using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Infrastructure;

/// <summary>Configuration section "Http": where the web server listens.</summary>
internal sealed class HttpOptions
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
}
