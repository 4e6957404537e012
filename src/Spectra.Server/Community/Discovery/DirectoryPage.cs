namespace Spectra.Server.Community.Discovery;

/// <summary>One page of the channel directory.</summary>
internal sealed record DirectoryPage(IReadOnlyList<ChannelCard> Channels, int Page, int PageSize, int Total);
