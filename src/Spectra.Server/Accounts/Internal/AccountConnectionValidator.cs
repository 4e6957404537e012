using Microsoft.Extensions.Options;

namespace Spectra.Server.Accounts.Internal;

/// <summary>
/// Re-checks open connections against the database every <see cref="AccountOptions.ConnectionRevalidationInterval"/>:
/// the CLI and other nodes change stamps and sessions without telling this process.
/// </summary>
internal sealed partial class AccountConnectionValidator(
    AccountConnections connections,
    IOptions<AccountOptions> options,
    TimeProvider time,
    ILogger<AccountConnectionValidator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ConnectionRevalidationInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await connections.RevalidateAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Re-checking open connections against the database failed; trying again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
