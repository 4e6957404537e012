namespace Spectra.Server.Community.Components;

/// <summary>Part: "nav" (links in the main navigation) or "actions" (the bell and page-wide helpers).</summary>
internal sealed record CommunityHeaderModel(string Part, int? Unread);
