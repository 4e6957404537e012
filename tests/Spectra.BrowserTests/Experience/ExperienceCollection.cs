namespace Spectra.BrowserTests.Experience;

/// <summary>The experience tests share one <see cref="ExperienceSite"/>: one server, one live channel, one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class ExperienceCollection : ICollectionFixture<ExperienceSite>
{
    public const string Name = "Experience";
}
