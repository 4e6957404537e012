using System.Diagnostics;

namespace Spectra.Bench.Chat;

/// <summary>Deliveries and latency across all clients.</summary>
internal sealed class LoadStats
{
    public long Deliveries;
    public long SendErrors;
    public volatile bool Measuring;

    public LatencyHistogram Latency { get; } = new();

    public void Record(long nowTicks, long stampTicks)
    {
        if (!Measuring)
        {
            return;
        }

        Interlocked.Increment(ref Deliveries);
        Latency.Record((nowTicks - stampTicks) * 1000.0 / Stopwatch.Frequency);
    }
}
