namespace Spectra.Storage;

/// <summary>
/// An object opened for reading: its <see cref="Info"/> and a seekable, read-only <see cref="Content"/>
/// stream of <see cref="StoredObjectInfo.Length"/> bytes. Disposing it disposes the stream; whoever takes
/// the stream (an HTTP result, for one) may dispose that instead.
/// </summary>
public sealed class StoredObject(StoredObjectInfo info, Stream content) : IDisposable, IAsyncDisposable
{
    public StoredObjectInfo Info { get; } = info;

    public Stream Content { get; } = content;

    public void Dispose() => Content.Dispose();

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
