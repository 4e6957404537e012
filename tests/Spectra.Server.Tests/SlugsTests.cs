using Spectra.Data;

namespace Spectra.Server.Tests;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Science & Technology", "science-technology")]
    [InlineData("Just Chatting", "just-chatting")]
    [InlineData("  Art  ", "art")]
    public void FromName_MakesUrlSafeSlugs(string name, string slug) => Assert.Equal(slug, Slugs.FromName(name));
}
