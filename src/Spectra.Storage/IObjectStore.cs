namespace Spectra.Storage;

/// <summary>
/// Storage for everything that is not a database row (recordings, clips, thumbnails, avatars): local disk
/// under the data directory, or S3-compatible object storage. Keys are built by code from generated ids
/// (<see cref="ObjectKeys"/> says which are valid; any other is an <see cref="ArgumentException"/>).
/// A write is atomic: until it completes, readers see the previous object or none, never part of one.
/// Failures of the storage itself (disk, network, S3 errors, timeouts) are <see cref="ObjectStoreException"/>.
/// </summary>
public interface IObjectStore
{
    /// <summary>
    /// Stores <paramref name="content"/> (read to its end; need not be seekable) under <paramref name="key"/>,
    /// replacing any object there. If reading or writing fails, nothing is stored and an object that was
    /// there stays as it was.
    /// </summary>
    Task<StoredObjectInfo> WriteAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the object for reading, or returns null when there is none. The content stream is seekable
    /// (range reads read only what they need) and always shows the object as it was when opened.
    /// </summary>
    Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The object's size and version, or null when there is none.</summary>
    Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every object whose key starts with <paramref name="prefix"/> (whole segments, ending in
    /// '/': "recordings/{id}/"); returns how many there were.
    /// </summary>
    Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Objects whose key starts with <paramref name="prefix"/> (as above), in ordinal key order.</summary>
    IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
