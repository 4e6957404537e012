using Spectra.Server.Chat.Internal.Limits;

namespace Spectra.Server.Chat.Internal.State;

/// <summary>Once a minute drops idle rate-limit buckets and stale slow-mode entries.</summary>
internal sealed class ChatMaintenanceService(KeyedRateLimiter limiter, ChatStateStore states, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.TickAsync(stoppingToken))
        {
            limiter.Sweep();
            states.Sweep();
        }
    }
}
