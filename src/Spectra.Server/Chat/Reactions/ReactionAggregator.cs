using System.Collections.Concurrent;

namespace Spectra.Server.Chat.Reactions;

/// <summary>
/// Counts reaction taps per channel between two drains. Adding is lock-free (one interlocked
/// increment), so 10,000 taps cost 10,000 increments and turn into one burst per drain.
/// </summary>
internal sealed class ReactionAggregator
{
    private readonly ConcurrentDictionary<Guid, int[]> _counts = new();

    /// <summary>Counts one tap of reaction <paramref name="kind"/> (0 ≤ kind &lt; <see cref="ReactionKinds.Count"/>).</summary>
    public void Add(Guid channelId, int kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(kind);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(kind, ReactionKinds.Count);
        var counts = _counts.GetOrAdd(channelId, static _ => new int[ReactionKinds.Count]);
        Interlocked.Increment(ref counts[kind]);
    }

    /// <summary>
    /// Takes the counts gathered since the last drain, one burst per channel with at least one
    /// tap. Taps added while draining land in this burst or the next one, never in none.
    /// </summary>
    public List<ReactionBurst> Drain()
    {
        var bursts = new List<ReactionBurst>();
        foreach (var (channelId, counts) in _counts)
        {
            int[]? taken = null;
            for (var i = 0; i < counts.Length; i++)
            {
                var value = Interlocked.Exchange(ref counts[i], 0);
                if (value != 0)
                {
                    taken ??= new int[counts.Length];
                    taken[i] = value;
                }
            }

            if (taken is not null)
            {
                bursts.Add(new ReactionBurst(channelId, taken));
            }
        }

        return bursts;
    }
}
