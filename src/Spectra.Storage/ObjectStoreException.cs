namespace Spectra.Storage;

/// <summary>
/// The object store failed: the disk, the network, the S3 service (an error status, an unreachable
/// endpoint, a timeout). The message names the store and the key or prefix.
/// </summary>
public sealed class ObjectStoreException : IOException
{
    public ObjectStoreException()
    {
    }

    public ObjectStoreException(string message)
        : base(message)
    {
    }

    public ObjectStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
