namespace Spectra.Server.Channels;

/// <summary>The broadcast a live channel is in: started (UTC) and the ingest facts known so far.</summary>
internal sealed record LiveSessionDto(Guid Id, DateTime StartedAt, string PlaylistUrl, string ThumbnailUrl, string? VideoCodec, int? Width, int? Height, double? FrameRate);
