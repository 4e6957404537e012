namespace Spectra.Server.Community.Discovery.Pages;

/// <summary>Model of the directory partial: a page of channels, the page's path and the tag filter.</summary>
internal sealed record DirectoryView(DirectoryPage Page, string Path, string? Tag, IReadOnlyList<string> Tags);
