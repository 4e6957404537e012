namespace Spectra.Server.Channels;

public sealed record CategoryDto(string Slug, string Name);
