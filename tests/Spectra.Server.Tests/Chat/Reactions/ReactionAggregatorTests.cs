using Spectra.Server.Chat.Internal.State;
using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Reactions;

namespace Spectra.Server.Tests.Chat.Reactions;

public class ReactionAggregatorTests
{
    [Fact]
    public void Drain_ManyTaps_OneBurstPerChannel()
    {
        var aggregator = new ReactionAggregator();
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Parallel.For(0, 10_000, i => aggregator.Add(a, i % 2));
        aggregator.Add(b, 5);

        var bursts = aggregator.Drain();

        Assert.Equal(2, bursts.Count);
        var burstA = Assert.Single(bursts, x => x.ChannelId == a);
        Assert.Equal([5000, 5000, 0, 0, 0, 0], burstA.Counts);
        Assert.Equal(1, Assert.Single(bursts, x => x.ChannelId == b).Counts[5]);
    }

    [Fact]
    public void Drain_NothingNew_NoBurst()
    {
        var aggregator = new ReactionAggregator();
        aggregator.Add(Guid.NewGuid(), 0);
        aggregator.Drain();
        Assert.Empty(aggregator.Drain());
    }

    [Fact]
    public async Task Drain_ConcurrentAdds_NoTapLost()
    {
        var aggregator = new ReactionAggregator();
        var channel = Guid.NewGuid();
        var total = 0L;
        using var stop = new CancellationTokenSource();
        var drainer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var burst in aggregator.Drain())
                {
                    Interlocked.Add(ref total, burst.Counts.Sum());
                }
            }
        });
        Parallel.For(0, 50_000, _ => aggregator.Add(channel, 2));
        stop.Cancel();
        await drainer.WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var burst in aggregator.Drain())
        {
            total += burst.Counts.Sum();
        }

        Assert.Equal(50_000, total);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void Add_UnknownKind_Throws(int kind)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReactionAggregator().Add(Guid.NewGuid(), kind));
    }

    [Fact]
    public void IndexOf_Names_RoundTrip()
    {
        Assert.Equal(2, ReactionKinds.IndexOf("fire"));
        Assert.Equal(-1, ReactionKinds.IndexOf("nope"));
        Assert.Equal(ReactionKinds.Names.Count, ReactionKinds.Emoji.Count);
    }
}
