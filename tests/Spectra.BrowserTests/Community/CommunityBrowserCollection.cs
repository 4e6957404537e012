namespace Spectra.BrowserTests.Community;

/// <summary>
/// Community browser tests run one at a time: each starts a server and a Chromium, and the reference
/// machine has two cores shared with the other browser and media tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CommunityBrowserCollection
{
    public const string Name = "Community browser";
}
