namespace Spectra.Storage;

/// <summary>
/// An object's key, size in bytes, last write time (UTC) and entity tag (quoted, as HTTP sends it); the
/// tag changes whenever the object is written again.
/// </summary>
public sealed record StoredObjectInfo(string Key, long Length, DateTimeOffset LastModified, string ETag);
