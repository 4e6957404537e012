namespace Spectra.Server.Community.Components;

internal sealed record CommunityHeaderModel(int? Unread);
