using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Spectra.Server.Accounts;

/// <summary>
/// Per client IP address back-off for failed sign-ins, so that one address cannot try passwords across
/// many accounts: after <see cref="AccountOptions.MaxFailedSignInsPerIp"/> failures each further
/// attempt must wait a growing time (<see cref="SignInBackoff"/>, up to
/// <see cref="AccountOptions.MaxAddressBackoff"/>); the count is forgotten after
/// <see cref="AccountOptions.IpWindow"/> without a failure. There is no fixed lockout that a
/// stranger could keep extending for a whole network. Per-account back-off lives in the database
/// (<see cref="AccountService"/>). In memory: with several nodes each node throttles on its own,
/// which still bounds the rate.
/// </summary>
internal sealed class SignInThrottle(IOptions<AccountOptions> options, TimeProvider time)
{
    private const int MaxTrackedAddresses = 100_000;
    private readonly ConcurrentDictionary<IPAddress, State> _states = new();

    /// <summary>
    /// Takes one attempt from the address's allowance before the password is checked, so parallel
    /// guesses cannot all pass the check before any failure is counted. Returns the reservation (give
    /// it back with <see cref="Release"/> when the sign-in succeeds or no password was checked), or
    /// null with the time until the address may try again.
    /// </summary>
    public Reservation? TryReserve(IPAddress? address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (address is null)
        {
            return new Reservation(null, default);
        }

        if (_states.Count >= MaxTrackedAddresses)
        {
            Sweep();
        }

        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var state = _states.GetOrAdd(address, _ => new State());
        lock (state)
        {
            Forget(state, now);
            if (now < state.NextAllowed)
            {
                retryAfter = state.NextAllowed - now;
                return null;
            }

            state.Failures++;
            state.LastFailure = now;
            state.NextAllowed = now + SignInBackoff.After(state.Failures, o.MaxFailedSignInsPerIp, o.BackoffBase, o.MaxAddressBackoff);
            return new Reservation(address, now);
        }
    }

    /// <summary>Gives back an attempt that succeeded: only failures count against an address.</summary>
    public void Release(Reservation reservation)
    {
        if (reservation.Address is null || !_states.TryGetValue(reservation.Address, out var state))
        {
            return;
        }

        var o = options.Value;
        lock (state)
        {
            if (state.Failures > 0)
            {
                state.Failures--;
            }

            var wait = SignInBackoff.After(state.Failures, o.MaxFailedSignInsPerIp, o.BackoffBase, o.MaxAddressBackoff);
            if (state.LastFailure + wait < state.NextAllowed)
            {
                state.NextAllowed = state.LastFailure + wait;
            }
        }
    }

    /// <summary>
    /// The reserved attempt failed: its wait is counted from now, after the slow password check, so the
    /// back-off is the time between a failure and the next attempt.
    /// </summary>
    public void Failed(Reservation reservation)
    {
        if (reservation.Address is null || !_states.TryGetValue(reservation.Address, out var state))
        {
            return;
        }

        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        lock (state)
        {
            state.LastFailure = now;
            var next = now + SignInBackoff.After(state.Failures, o.MaxFailedSignInsPerIp, o.BackoffBase, o.MaxAddressBackoff);
            if (next > state.NextAllowed)
            {
                state.NextAllowed = next;
            }
        }
    }

    /// <summary>One attempt taken from an address's allowance.</summary>
    public readonly record struct Reservation(IPAddress? Address, DateTime At);

    private void Forget(State state, DateTime now)
    {
        if (state.Failures > 0 && now - state.LastFailure > options.Value.IpWindow && now >= state.NextAllowed)
        {
            state.Failures = 0;
            state.NextAllowed = default;
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (address, state) in _states)
        {
            lock (state)
            {
                Forget(state, now);
                if (state.Failures == 0)
                {
                    _states.TryRemove(address, out _);
                }
            }
        }
    }

    private sealed class State
    {
        public int Failures;
        public DateTime LastFailure;
        public DateTime NextAllowed;
    }
}
