namespace Spectra.Server.Channels;

public sealed record StreamKeyDto(string StreamKey, string IngestUrl, string ServerUrl);
