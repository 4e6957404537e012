using Spectra.Server.Channels;

namespace Spectra.Server.Tests.Channels;

public sealed class TagRulesTests
{
    [Fact]
    public void Normalize_LowerCasesTrimsAndMergesDuplicates()
    {
        var (tags, error) = TagRules.Normalize(TagRules.Split(" Speedrun, speedrun ,,Co-op,ÉTÉ"));

        Assert.Null(error);
        Assert.Equal(["speedrun", "co-op", "été"], tags);
    }

    [Fact]
    public void Normalize_ElevenTags_IsAnError()
    {
        var (_, error) = TagRules.Normalize(Enumerable.Range(0, 11).Select(i => $"t{i}"));

        Assert.Equal("A channel has at most 10 tags.", error);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("<b>")]
    [InlineData("abcdefghijklmnopqrstuvwxyz")]
    public void Normalize_InvalidTag_IsAnError(string tag)
    {
        var (_, error) = TagRules.Normalize([tag]);

        Assert.NotNull(error);
    }
}
