namespace Spectra.Server.Channels;

internal sealed record StreamKeyDto(string StreamKey, string IngestUrl, string ServerUrl);
