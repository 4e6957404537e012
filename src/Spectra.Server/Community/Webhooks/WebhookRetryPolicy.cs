using System.Net;

namespace Spectra.Server.Community.Webhooks;

/// <summary>
/// When to try a delivery again: network errors, timeouts, 408, 429 and 5xx are retried; any other
/// status is final. Delay before attempt n+1 is <see cref="BaseDelay"/> × 2^(n−1), capped at
/// <see cref="MaxDelay"/>, with ±<see cref="JitterFraction"/> jitter so many failed receivers do not
/// come back in lockstep.
/// </summary>
internal sealed class WebhookRetryPolicy
{
    /// <summary>Total attempts including the first (default 6: roughly 1 h of retries at the defaults).</summary>
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>0–1; 0.2 means the delay is drawn uniformly from 80 %–120 % of the nominal value.</summary>
    public double JitterFraction { get; init; } = 0.2;

    public static bool IsRetryable(HttpStatusCode? status) => status switch
    {
        null => true,
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => true,
        var s => (int)s >= 500,
    };

    public static bool IsSuccess(HttpStatusCode? status) => status is { } s && (int)s is >= 200 and < 300;

    /// <summary>The delay after failed attempt <paramref name="attempt"/> (1-based), or null when no attempt is left.</summary>
    public TimeSpan? DelayAfter(int attempt, HttpStatusCode? status, Random random)
    {
        if (attempt >= MaxAttempts || !IsRetryable(status))
        {
            return null;
        }

        var nominal = BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        nominal = Math.Min(nominal, MaxDelay.TotalMilliseconds);
        var jitter = 1 + (((random.NextDouble() * 2) - 1) * JitterFraction);
        return TimeSpan.FromMilliseconds(nominal * jitter);
    }
}
