using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Infrastructure;

/// <summary>Configuration section "Storage".</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Root for the SQLite file, Data Protection keys and uploaded avatars. Relative paths are taken
    /// from the working directory. Default "./data". Environment: Storage__DataDirectory.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
