namespace Spectra.Media.Hls;

/// <summary>The latest JPEG still of a channel.</summary>
/// <param name="Jpeg">The image bytes (a private copy).</param>
/// <param name="ETag">Quoted strong entity tag derived from the content.</param>
/// <param name="UpdatedAt">When it was set.</param>
internal sealed record HlsThumbnail(ReadOnlyMemory<byte> Jpeg, string ETag, DateTimeOffset UpdatedAt);
