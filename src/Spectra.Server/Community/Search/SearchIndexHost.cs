using Microsoft.Extensions.Options;

namespace Spectra.Server.Community.Search;

/// <summary>Runs <see cref="ChannelSearchIndexer.CatchUpAsync"/> every few seconds (immediately again while there is backlog).</summary>
public sealed class SearchIndexHost(IServiceScopeFactory scopes, IOptions<CommunityOptions> options, ILogger<SearchIndexHost> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Asks for a catch-up pass now (after a channel edit).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    /// <summary>Runs passes until nothing is stale; one caller at a time on this node.</summary>
    public async Task<int> CatchUpAllAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            var total = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var count = await scope.ServiceProvider.GetRequiredService<ChannelSearchIndexer>().CatchUpAsync(ct);
                total += count;
                if (count < ChannelSearchIndexer.BatchSize)
                {
                    return total;
                }
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.SearchIndexIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var count = await CatchUpAllAsync(stoppingToken);
                if (count > 0)
                {
                    CommunityLog.Indexed(logger, count);
                }

                await _wake.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                CommunityLog.BackgroundFailed(logger, ex, "search index");
                try
                {
                    await Task.Delay(interval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
