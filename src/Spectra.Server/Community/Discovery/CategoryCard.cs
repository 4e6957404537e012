namespace Spectra.Server.Community.Discovery;

/// <summary>A category with how many of its channels are live and how many watch them.</summary>
internal sealed record CategoryCard(int Id, string Slug, string Name, int LiveChannels, int Viewers, int Channels);
