namespace Spectra.Media.Hls;

/// <summary>Origin settings, bound from configuration section "Hls".</summary>
public sealed class HlsOriginOptions
{
    public const string SectionName = "Hls";

    /// <summary>Access-Control-Allow-Origin of every origin response. Default "*": players on any site may read.</summary>
    public string AllowedOrigin { get; set; } = "*";
}
