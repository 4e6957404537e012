using System.ComponentModel.DataAnnotations;

namespace Spectra.Media.Restream;

/// <summary>Settings of restreaming (pushing a live stream to other RTMP servers), bound from the "Restream" section.</summary>
/// <remarks>Valid ranges are the <see cref="RangeAttribute"/>s on the properties, checked at start-up.</remarks>
public sealed class RestreamOptions
{
    public const string SectionName = "Restream";

    /// <summary>
    /// Tag bytes one destination may have waiting (default 8 MiB, about 25 s at 2.65 Mbit/s). Beyond it the
    /// queue is dropped, whole groups of pictures, and the push resumes at the next keyframe.
    /// </summary>
    [Range(256d * 1024, 256d * 1024 * 1024)]
    public long MaxQueuedBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Wait before the first reconnect (default 1 s); each failed attempt doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnects (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>TCP, TLS and the publish commands together (default 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A destination that takes no data for this long is disconnected and retried (default 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Accept any TLS certificate from rtmps:// destinations (default false). Only for tests against a local
    /// server with a self-signed certificate.
    /// </summary>
    public bool AllowUntrustedCertificates { get; set; }
}
