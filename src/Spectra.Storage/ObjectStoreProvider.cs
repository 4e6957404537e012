namespace Spectra.Storage;

public enum ObjectStoreProvider
{
    /// <summary>Files under a local directory (the data directory by default).</summary>
    Local,

    /// <summary>An S3-compatible object store (AWS S3, MinIO, Ceph, Garage, ...).</summary>
    S3,
}
