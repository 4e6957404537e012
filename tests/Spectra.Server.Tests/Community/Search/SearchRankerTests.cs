using Spectra.Server.Community.Search;

namespace Spectra.Server.Tests.Community.Search;

public sealed class SearchRankerTests
{
    private static SearchCandidate Candidate(string name, string title, string? category = null, string[]? tags = null, bool live = false, int viewers = 0)
    {
        var query = SearchKeys.ForChannel(name, title, category, tags ?? []);
        return new SearchCandidate(Guid.NewGuid(), name, title, category, query, live, viewers);
    }

    private static IReadOnlyList<string> Rank(string q, params SearchCandidate[] candidates)
    {
        var query = SearchQuery.Parse(q);
        var keys = query.AllKeys().ToHashSet();
        // Simulate the index: a candidate only carries the keys the query looked up.
        var retrieved = candidates.Select(c => c with { MatchedKeys = c.MatchedKeys.Where(k => keys.Contains(k.Key)).ToArray() });
        return SearchRanker.Rank(query, retrieved, 10).Select(h => h.Channel.Name).ToList();
    }

    [Fact]
    public void Rank_ExactNamePrefixAndWords_InThatOrder()
    {
        var result = Rank(
            "chess",
            Candidate("chessfan", "casual games"),
            Candidate("alice", "Chess openings explained", live: true, viewers: 5000),
            Candidate("chess", "all sorts of things"),
            Candidate("bob", "cooking"));

        Assert.Equal(["chess", "chessfan", "alice"], result);
    }

    [Fact]
    public void Rank_SameTier_LiveChannelBoosted()
    {
        var result = Rank(
            "speedrun",
            Candidate("offline", "Speedrun practice"),
            Candidate("online", "Speedrun practice", live: true, viewers: 3));

        Assert.Equal(["online", "offline"], result);
    }

    [Fact]
    public void Rank_BothLive_MoreViewersFirst()
    {
        var result = Rank(
            "speedrun",
            Candidate("small", "Speedrun", live: true, viewers: 3),
            Candidate("big", "Speedrun", live: true, viewers: 3000));

        Assert.Equal(["big", "small"], result);
    }

    [Fact]
    public void Rank_AllWordsMatched_BeforePartialMatch()
    {
        var result = Rank(
            "retro racing",
            Candidate("partial", "Retro platformers", live: true, viewers: 900),
            Candidate("full", "Racing in retro cars"));

        Assert.Equal(["full", "partial"], result);
    }

    [Fact]
    public void Rank_WholeWord_BeforeWordPrefix()
    {
        var result = Rank(
            "art",
            Candidate("zz1", "Artistic streams"),
            Candidate("zz2", "Pixel art"));

        Assert.Equal(["zz2", "zz1"], result);
    }

    [Fact]
    public void Rank_TitleMatch_BeforeTagMatch()
    {
        var result = Rank(
            "cozy",
            Candidate("tagged", "Evening stream", tags: ["cozy"]),
            Candidate("titled", "Cozy evening"));

        Assert.Equal(["titled", "tagged"], result);
    }

    [Fact]
    public void Rank_CategoryAndTag_AreSearchable()
    {
        var result = Rank(
            "minecraft",
            Candidate("one", "Building", category: "Minecraft"),
            Candidate("two", "Other", tags: ["minecraft"]),
            Candidate("three", "Unrelated"));

        Assert.Equal(2, result.Count);
    }

    [Fact]
    public void Rank_TypoCorrection_MatchesWithLowerWeight()
    {
        var query = SearchQuery.Parse("minecraf");
        query.AddCorrection(0, "minecraft");
        var exact = new SearchCandidate(Guid.NewGuid(), "a", "Minecraf", null, [new SearchKey("w:minecraf", SearchField.Title)], false, 0);
        var corrected = new SearchCandidate(Guid.NewGuid(), "b", "Minecraft", null, [new SearchKey("w:minecraft", SearchField.Title)], false, 0);

        var result = SearchRanker.Rank(query, [corrected, exact], 10);

        Assert.Equal(["a", "b"], result.Select(h => h.Channel.Name));
        Assert.Equal(SearchTier.Words, result[1].Tier);
    }

    [Fact]
    public void Rank_LongNamePrefix_FoundThroughTruncatedPrefixKey()
    {
        var result = Rank(
            "averyveryverylongname",
            Candidate("averyveryverylongnamefan", "other"),
            Candidate("bob", "averyveryverylongname fan club"));

        Assert.Equal(["averyveryverylongnamefan", "bob"], result);
    }

    [Fact]
    public void Rank_KeysOnly_TierFromNameKeys()
    {
        var query = SearchQuery.Parse("alice");
        var keysOnly = new SearchCandidate(Guid.NewGuid(), string.Empty, string.Empty, null, [new SearchKey("n:alice", SearchField.Name)], false, 0);

        Assert.Equal(SearchTier.ExactName, SearchRanker.Score(query, keysOnly)!.Tier);
    }

    [Fact]
    public void Rank_NoMatch_IsDropped()
    {
        Assert.Empty(Rank("zzz", Candidate("alice", "chess")));
    }

    [Fact]
    public void ForChannel_Keys_ContainNameWordsAndPrefixes()
    {
        var keys = SearchKeys.ForChannel("Cool_Gamer", "Late night", "Just Chatting", ["cozy"]).Select(k => k.Key).ToHashSet();

        Assert.Contains("n:coolgamer", keys);
        Assert.Contains("m:cool", keys);
        Assert.Contains("w:gamer", keys);
        Assert.Contains("p:nig", keys);
        Assert.Contains("w:chatting", keys);
        Assert.Contains("w:cozy", keys);
        Assert.DoesNotContain("p:c", keys);
    }
}
