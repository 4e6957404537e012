using Microsoft.Extensions.Options;

namespace Spectra.Server.Community.Search;

/// <summary>
/// Keeps the search index current. The first pass after start-up, and one every
/// <see cref="FullPassInterval"/>, reconciles the whole catalogue in key order; every other pass (each
/// <see cref="CommunityOptions.SearchIndexIntervalSeconds"/>, or at once after <see cref="Wake"/>)
/// only looks at channels whose UpdatedAt is at or after the watermark minus <see cref="Overlap"/>.
/// The watermark is the newest UpdatedAt seen before the previous pass began; the overlap covers
/// edits that committed after that pass read the watermark and clocks of other nodes that lag
/// behind. Anything older that slips through is picked up by the next full pass.
/// </summary>
internal sealed class SearchIndexHost(IServiceScopeFactory scopes, IOptions<CommunityOptions> options, TimeProvider clock, ILogger<SearchIndexHost> logger) : BackgroundService
{
    /// <summary>How far before the watermark an incremental pass looks (1 minute).</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    /// <summary>Time between full reconcile passes (1 hour).</summary>
    public static readonly TimeSpan FullPassInterval = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _pass = new(1, 1);
    private DateTime? _watermark;
    private DateTimeOffset _nextFullPass = DateTimeOffset.MinValue;

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

    /// <summary>Reconciles every channel (pages of <see cref="ChannelSearchIndexer.BatchSize"/>); returns how many were re-indexed.</summary>
    public async Task<int> CatchUpAllAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            return await FullPassAsync(ct);
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>
    /// Re-indexes channels updated since the watermark (a full pass instead when none ran yet or one
    /// is due); returns how many were re-indexed.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            if (_watermark is not DateTime watermark || clock.GetUtcNow() >= _nextFullPass)
            {
                return await FullPassAsync(ct);
            }

            await using var scope = scopes.CreateAsyncScope();
            var indexer = scope.ServiceProvider.GetRequiredService<ChannelSearchIndexer>();
            var latest = await indexer.LatestUpdateAsync(ct);
            var since = watermark - Overlap;
            var total = 0;
            int count;
            do
            {
                count = await indexer.CatchUpSinceAsync(since, ct);
                total += count;
            }
            while (count == ChannelSearchIndexer.BatchSize);

            if (latest > watermark)
            {
                _watermark = latest;
            }

            return total;
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
                var count = await CatchUpAsync(stoppingToken);
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

    /// <summary>Caller holds <see cref="_pass"/>.</summary>
    private async Task<int> FullPassAsync(CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        DateTime? latest;
        await using (var scope = scopes.CreateAsyncScope())
        {
            latest = await scope.ServiceProvider.GetRequiredService<ChannelSearchIndexer>().LatestUpdateAsync(ct);
        }

        var total = 0;
        Guid? after = null;
        do
        {
            // A fresh context per page keeps memory flat on large catalogues.
            await using var scope = scopes.CreateAsyncScope();
            (after, var count) = await scope.ServiceProvider.GetRequiredService<ChannelSearchIndexer>().ReconcilePageAsync(after, ct);
            total += count;
        }
        while (after is not null);

        // An empty catalogue leaves no watermark: passes stay full (and trivial) until a channel exists.
        _watermark = latest ?? _watermark;
        _nextFullPass = started + FullPassInterval;
        return total;
    }
}
