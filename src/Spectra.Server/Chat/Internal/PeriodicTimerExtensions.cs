namespace Spectra.Server.Chat.Internal;

internal static class PeriodicTimerExtensions
{
    /// <summary>Waits for the next tick; false when stopping (instead of throwing).</summary>
    public static async ValueTask<bool> TickAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
