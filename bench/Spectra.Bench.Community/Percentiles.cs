namespace Spectra.Bench.Community;

/// <summary>Latency summary of a sample of durations in milliseconds.</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(List<double> samples)
    {
        samples.Sort();
        double At(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
        return new Percentiles(samples.Count, At(0.50), At(0.95), At(0.99), samples[^1]);
    }

    public override string ToString() => $"n={Count} p50={P50:0.00} ms p95={P95:0.00} ms p99={P99:0.00} ms max={Max:0.00} ms";
}
