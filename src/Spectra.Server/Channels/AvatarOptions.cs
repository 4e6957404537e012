using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Channels;

/// <summary>Configuration section "Avatars".</summary>
internal sealed class AvatarOptions
{
    public const string SectionName = "Avatars";

    /// <summary>Largest accepted upload in bytes. Default 2 MiB. Environment: Avatars__MaxBytes.</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest accepted width or height in pixels. Default 4096. Environment: Avatars__MaxDimension.</summary>
    [Range(16, 16384)]
    public int MaxDimension { get; set; } = 4096;
}
