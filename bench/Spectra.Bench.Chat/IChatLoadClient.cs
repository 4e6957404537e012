namespace Spectra.Bench.Chat;

/// <summary>A reader of the benchmark: one hub connection joined to the channel under load.</summary>
internal interface IChatLoadClient : IAsyncDisposable
{
    /// <summary>Connects and joins <paramref name="channel"/>; throws when the join fails.</summary>
    Task ConnectAsync(string channel, CancellationToken cancellationToken);
}
