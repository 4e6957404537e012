using Spectra.Server.Community.Search;

namespace Spectra.Server.Tests.Community.Search;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Café Olé!", "cafe ole")]
    [InlineData("  Speed--Run  2024 ", "speed run 2024")]
    [InlineData("ÜBER_Gamer", "uber gamer")]
    [InlineData("", "")]
    public void Normalize_MixedText_LowersStripsAccentsAndSeparators(string input, string expected)
    {
        Assert.Equal(expected, SearchText.Normalize(input));
    }

    [Fact]
    public void Tokens_RepeatedWords_AreDistinctInOrder()
    {
        Assert.Equal(["speed", "run", "any"], SearchText.Tokens("Speed run, speed RUN any%"));
    }

    [Fact]
    public void CompactName_Underscores_AreRemoved()
    {
        Assert.Equal("coolgamer42", SearchText.CompactName("Cool_Gamer_42"));
    }

    [Fact]
    public void Trigrams_Token_ArePaddedAndCountEqualsLength()
    {
        Assert.Equal(["^ca", "cat", "at$"], SearchText.Trigrams("cat"));
    }

    [Theory]
    [InlineData("minecraft", "minecraft", 0)]
    [InlineData("minecraft", "minecraf", 1)]
    [InlineData("minecraft", "mincraft", 1)]
    [InlineData("minecraft", "mienecraft", 1)]
    [InlineData("minecraft", "mniecraft", 1)]
    [InlineData("minecraft", "mnecrat", 2)]
    [InlineData("chess", "chose", 2)]
    public void EditDistance_KnownPairs_Matches(string a, string b, int expected)
    {
        Assert.Equal(expected, SearchText.EditDistance(a, b, 3));
    }

    [Fact]
    public void EditDistance_BeyondMax_ReturnsMaxPlusOne()
    {
        Assert.Equal(2, SearchText.EditDistance("abcdef", "uvwxyz", 1));
        Assert.Equal(2, SearchText.EditDistance("a", "abcdef", 1));
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    public void AllowedTypos_ByLength_GrowsWithLength(int length, int expected)
    {
        Assert.Equal(expected, SearchText.AllowedTypos(length));
    }
}
