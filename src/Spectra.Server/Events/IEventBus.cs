namespace Spectra.Server.Events;

/// <summary>
/// Publish/subscribe between parts of the server (and, when scaled out, between nodes). Events are
/// immutable records; handlers run asynchronously and must not assume they run on the publisher's node.
/// </summary>
internal interface IEventBus
{
    ValueTask PublishAsync<T>(T evt, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Subscribes a handler until the returned object is disposed.</summary>
    IDisposable Subscribe<T>(Func<T, CancellationToken, ValueTask> handler)
        where T : class;
}
