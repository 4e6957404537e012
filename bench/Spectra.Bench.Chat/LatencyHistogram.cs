namespace Spectra.Bench.Chat;

/// <summary>Lock-free latency histogram: 50 µs buckets up to 10 s, one overflow bucket.</summary>
internal sealed class LatencyHistogram
{
    private const double BucketMicroseconds = 50;
    private readonly long[] _buckets = new long[200_001];

    public void Record(double milliseconds)
    {
        var index = (long)(milliseconds * 1000 / BucketMicroseconds);
        if (index < 0)
        {
            index = 0;
        }

        if (index >= _buckets.Length)
        {
            index = _buckets.Length - 1;
        }

        Interlocked.Increment(ref _buckets[index]);
    }

    public long Count()
    {
        long total = 0;
        foreach (var b in _buckets)
        {
            total += Volatile.Read(in b);
        }

        return total;
    }

    /// <summary>Latency at quantile <paramref name="q"/> (0–1), in milliseconds (bucket upper edge).</summary>
    public double Quantile(double q)
    {
        var total = Count();
        if (total == 0)
        {
            return double.NaN;
        }

        var target = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= target)
            {
                return (i + 1) * BucketMicroseconds / 1000;
            }
        }

        return double.PositiveInfinity;
    }

    public void Reset() => Array.Clear(_buckets);
}
