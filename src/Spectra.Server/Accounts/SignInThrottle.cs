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

    /// <summary>
    /// Takes one attempt from the address's allowance before the password is checked, so parallel
    /// guesses cannot all pass the check before any failure is counted. Returns the reservation (give
    /// it back with <see cref="Release"/> when the sign-in succeeds), or null with the time until the
    /// address may try again.
    /// </summary>
    public Reservation? TryReserve(IPAddress? address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (address is null)
        {
            return new Reservation(null, default);
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
            if (queue.Count >= options.Value.MaxFailedSignInsPerIp)
            {
                retryAfter = queue.Peek() + options.Value.IpWindow - now;
                return null;
            }

            queue.Enqueue(now);
            return new Reservation(address, now);
        }
    }

    /// <summary>Gives back an attempt that succeeded: only failures count against an address.</summary>
    public void Release(Reservation reservation)
    {
        if (reservation.Address is null || !_failures.TryGetValue(reservation.Address, out var queue))
        {
            return;
        }

        lock (queue)
        {
            // Rotate through the queue once, dropping one entry with the reservation's time; order is kept.
            var count = queue.Count;
            var removed = false;
            for (var i = 0; i < count; i++)
            {
                var at = queue.Dequeue();
                if (!removed && at == reservation.At)
                {
                    removed = true;
                    continue;
                }

                queue.Enqueue(at);
            }
        }
    }

    /// <summary>One attempt taken from an address's allowance.</summary>
    public readonly record struct Reservation(IPAddress? Address, DateTime At);

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
