using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Spectra.Server.Accounts;

/// <summary>
/// Counts failed sign-ins per client IP address in a sliding window, so that one address cannot try
/// passwords across many accounts. Per-account lockout lives in the database (<see cref="AccountService"/>).
/// In memory: with several nodes each node throttles on its own, which still bounds the rate.
/// </summary>
internal sealed class SignInThrottle(IOptions<AccountOptions> options, TimeProvider time)
{
    private const int MaxTrackedAddresses = 100_000;
    private readonly ConcurrentDictionary<IPAddress, Queue<DateTime>> _failures = new();

    /// <summary>When the address is blocked, the time until it may try again; otherwise null.</summary>
    public TimeSpan? RetryAfter(IPAddress? address)
    {
        if (address is null || !_failures.TryGetValue(address, out var queue))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        lock (queue)
        {
            Trim(queue, now);
            if (queue.Count < options.Value.MaxFailedSignInsPerIp)
            {
                return null;
            }

            return queue.Peek() + options.Value.IpWindow - now;
        }
    }

    public void RecordFailure(IPAddress? address)
    {
        if (address is null)
        {
            return;
        }

        if (_failures.Count >= MaxTrackedAddresses)
        {
            Sweep();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var queue = _failures.GetOrAdd(address, _ => new Queue<DateTime>());
        lock (queue)
        {
            Trim(queue, now);
            queue.Enqueue(now);
        }
    }

    private void Trim(Queue<DateTime> queue, DateTime now)
    {
        var cutoff = now - options.Value.IpWindow;
        while (queue.Count > 0 && queue.Peek() <= cutoff)
        {
            queue.Dequeue();
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (address, queue) in _failures)
        {
            lock (queue)
            {
                Trim(queue, now);
                if (queue.Count == 0)
                {
                    _failures.TryRemove(address, out _);
                }
            }
        }
    }
}
