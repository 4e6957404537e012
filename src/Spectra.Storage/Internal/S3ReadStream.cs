using Amazon.S3.Model;

namespace Spectra.Storage.Internal;

/// <summary>
/// A seekable read-only view of one version of an S3 object. Nothing is fetched until the first read;
/// each read after a seek starts one ranged GET from the new position (If-Match the version opened, so
/// a replaced object fails rather than mixing two versions), and later reads continue on that response.
/// </summary>
internal sealed class S3ReadStream(S3ObjectStore store, StoredObjectInfo info) : Stream
{
    private GetObjectResponse? _response;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => info.Length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || _position >= info.Length)
        {
            return 0;
        }

        _response ??= await store.GetRangeAsync(info, _position, cancellationToken);
        int read;
        try
        {
            read = await _response.ResponseStream.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new ObjectStoreException($"S3 read of \"{info.Key}\" failed at byte {_position}: {ex.Message}", ex);
        }

        if (read == 0)
        {
            throw new ObjectStoreException($"S3 read of \"{info.Key}\" ended at byte {_position} of {info.Length}.");
        }

        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => info.Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (target != _position)
        {
            CloseResponse();
            _position = target;
        }

        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseResponse();
        }

        base.Dispose(disposing);
    }

    private void CloseResponse()
    {
        _response?.Dispose();
        _response = null;
    }
}
