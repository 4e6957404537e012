namespace Spectra.Server.Channels;

internal sealed record CategoryDto(string Slug, string Name);
