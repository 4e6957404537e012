using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Storage;

namespace Spectra.Testing.Storage;

/// <summary>
/// The host's real object store, with writes that fail on demand (as a full disk or an unreachable S3 would:
/// <see cref="ObjectStoreException"/>). Reads, lists and deletes pass through.
/// </summary>
public sealed class FaultyObjectStore(IObjectStore inner) : IObjectStore
{
    private volatile bool _failing;

    /// <summary>While true, every write fails.</summary>
    public bool FailWrites
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>Writes refused while failing.</summary>
    public int RefusedWrites => Volatile.Read(ref _refused);

    private int _refused;

    /// <summary>Wraps the store the host registers; the instance is then <c>Services.GetRequiredService&lt;IObjectStore&gt;()</c>.</summary>
    public static void Install(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var original = builder.Services.Last(d => d.ServiceType == typeof(IObjectStore));
        builder.Services.Remove(original);
        builder.Services.AddSingleton<IObjectStore>(sp => new FaultyObjectStore(
            original.ImplementationInstance as IObjectStore
            ?? (IObjectStore)(original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
    }

    public async Task<StoredObjectInfo> WriteAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        if (_failing)
        {
            Interlocked.Increment(ref _refused);
            throw new ObjectStoreException($"Writing {key} failed: no space left on device (injected).");
        }

        return await inner.WriteAsync(key, content, cancellationToken);
    }

    public Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

    public Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default) => inner.GetInfoAsync(key, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

    public Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.DeleteByPrefixAsync(prefix, cancellationToken);

    public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
