using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Infrastructure;

/// <summary>Configuration section "Storage": the data directory and the key ring. The object store's settings in the same section are <see cref="Spectra.Storage.ObjectStoreOptions"/>.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Root for the SQLite file, Data Protection keys and, unless the object store is configured elsewhere
    /// (Storage:Provider, Storage:LocalDirectory), stored files such as avatars. Relative paths are taken
    /// from the working directory. Default "./data". Environment: Storage__DataDirectory.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    /// <summary>
    /// A certificate (PKCS#12 .pfx/.p12 with its private key) that encrypts the Data Protection key
    /// ring at rest; without it the keys lie in clear in {data}/keys, guarded only by the folder's
    /// permissions. Keep the certificate outside the data folder and back it up: without it the stored
    /// stream keys, webhook secrets and sign-in cookies cannot be read. Environment:
    /// Storage__KeyRingCertificatePath.
    /// </summary>
    public string? KeyRingCertificatePath { get; set; }

    /// <summary>Password of <see cref="KeyRingCertificatePath"/>, if any. Environment: Storage__KeyRingCertificatePassword.</summary>
    public string? KeyRingCertificatePassword { get; set; }
}
