using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Server.Events;

namespace Spectra.Server.Tests.Events;

public sealed class InProcessEventBusTests
{
    private sealed record Ping(int Value);

    private sealed record Other(string Text);

    [Fact]
    public async Task Publish_DeliversToSubscribersOfThatTypeOnly_UntilDisposed()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var seen = new List<int>();
        var others = 0;
        var subscription = bus.Subscribe<Ping>((p, _) => { seen.Add(p.Value); return ValueTask.CompletedTask; });
        using var otherSubscription = bus.Subscribe<Other>((_, _) => { others++; return ValueTask.CompletedTask; });

        await bus.PublishAsync(new Ping(1));
        subscription.Dispose();
        await bus.PublishAsync(new Ping(2));

        Assert.Equal([1], seen);
        Assert.Equal(0, others);
    }

    [Fact]
    public async Task Publish_FailingHandler_DoesNotStopOthers()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var delivered = false;
        using var failing = bus.Subscribe<Ping>((_, _) => throw new InvalidOperationException("boom"));
        using var working = bus.Subscribe<Ping>((_, _) => { delivered = true; return ValueTask.CompletedTask; });

        await bus.PublishAsync(new Ping(1));

        Assert.True(delivered);
    }
}
