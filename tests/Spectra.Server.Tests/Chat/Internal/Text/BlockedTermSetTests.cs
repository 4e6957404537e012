using Spectra.Server.Chat.Internal.Text;

namespace Spectra.Server.Tests.Chat.Internal.Text;

public class BlockedTermSetTests
{
    private static BlockedTermSet Set(params string[] terms) => new(terms.Select(t => (t, BlockedTermAction.Reject)));

    [Theory]
    [InlineData("this is bad")]
    [InlineData("BAD news")]
    [InlineData("b a d")]
    [InlineData("b.a.d")]
    [InlineData("b-a_d!")]
    [InlineData("ba d")]
    [InlineData("b4d")]
    [InlineData("bаd")] // Cyrillic а
    [InlineData("ｂａｄ")] // fullwidth
    [InlineData("bád")]
    [InlineData("b\u200Bad")] // zero-width space
    [InlineData("baaaad")]
    [InlineData("bad!")]
    [InlineData("(bad)")]
    public void Match_DisguisedTerm_Matches(string message)
    {
        Assert.NotNull(Set("bad").Match(message));
    }

    [Theory]
    [InlineData("badge")]
    [InlineData("a badly made thing")]
    [InlineData("embad")]
    [InlineData("ba dge")]
    [InlineData("nothing here")]
    [InlineData("")]
    public void Match_NotWholeWord_DoesNotMatch(string message)
    {
        Assert.Null(Set("bad").Match(message));
    }

    [Fact]
    public void Match_DoubledLetterNotStretched_DoesNotMatch()
    {
        Assert.Null(Set("god").Match("good game"));
        Assert.NotNull(Set("god").Match("gooood"));
    }

    [Theory]
    [InlineData("k1ll it")]
    [InlineData("k!ll")]
    [InlineData("KILL")]
    [InlineData("ki11")]
    public void Match_LeetSpeak_Matches(string message)
    {
        Assert.NotNull(Set("kill").Match(message));
    }

    [Theory]
    [InlineData("$hit")]
    [InlineData("sh1t")]
    [InlineData("s h i t")]
    public void Match_SymbolsAsLetters_Matches(string message)
    {
        Assert.NotNull(Set("shit").Match(message));
    }

    [Theory]
    [InlineData("you are a bad word indeed")]
    [InlineData("badword")]
    [InlineData("BAD   WORD")]
    public void Match_MultiWordTerm_Matches(string message)
    {
        Assert.NotNull(Set("bad word").Match(message));
    }

    [Fact]
    public void Match_MultiWordTermPartly_DoesNotMatch()
    {
        Assert.Null(Set("bad word").Match("bad words"));
        Assert.Null(Set("bad word").Match("bad, then a word"));
    }

    [Fact]
    public void Match_RejectAndHoldBothMatch_RejectWins()
    {
        var set = new BlockedTermSet([("spoiler", BlockedTermAction.Hold), ("bad", BlockedTermAction.Reject)]);
        var match = set.Match("spoiler: bad");
        Assert.Equal(BlockedTermAction.Reject, match?.Action);
        Assert.Equal("bad", match?.Term);
    }

    [Fact]
    public void Match_HoldTerm_ReturnsHold()
    {
        var set = new BlockedTermSet([("spoiler", BlockedTermAction.Hold)]);
        Assert.Equal(BlockedTermAction.Hold, set.Match("SP0ILER alert")?.Action);
    }

    [Fact]
    public void Constructor_TermWithoutLetters_IsIgnored()
    {
        var set = new BlockedTermSet([("...", BlockedTermAction.Reject)]);
        Assert.Equal(0, set.Count);
        Assert.Null(set.Match("..."));
    }
}
