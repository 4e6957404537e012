namespace Spectra.Server.Community.Search;

/// <summary>
/// Orders candidates: exact name, then name prefix, then channels matching every query word, then
/// channels matching some. Inside a tier the text score (best match per word, weighted by field:
/// name 1.0, title 0.8, category and tags 0.6) is averaged over the words and live channels get a
/// boost of 0.5 plus 0.1 per decade of viewers, so a live match outranks an equal offline one.
/// </summary>
internal static class SearchRanker
{
    public const double LiveBoost = 0.5;
    public const double ViewerBoostPerDecade = 0.1;

    public static IReadOnlyList<SearchHit> Rank(SearchQuery query, IEnumerable<SearchCandidate> candidates, int limit)
    {
        var hits = new List<SearchHit>();
        foreach (var candidate in candidates)
        {
            var hit = Score(query, candidate);
            if (hit is not null)
            {
                hits.Add(hit);
            }
        }

        hits.Sort(static (a, b) =>
        {
            var byTier = b.Tier.CompareTo(a.Tier);
            if (byTier != 0)
            {
                return byTier;
            }

            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.Channel.Name, b.Channel.Name);
        });
        return hits.Count > limit ? hits.GetRange(0, limit) : hits;
    }

    public static SearchHit? Score(SearchQuery query, SearchCandidate candidate)
    {
        if (query.IsEmpty)
        {
            return null;
        }

        var matchedTokens = 0;
        var text = 0.0;
        for (var i = 0; i < query.Tokens.Count; i++)
        {
            var best = 0.0;
            foreach (var matched in candidate.MatchedKeys)
            {
                if (query.KeysByToken[i].TryGetValue(matched.Key, out var weight))
                {
                    best = Math.Max(best, weight * FieldWeight(matched.Field));
                }
            }

            if (best > 0)
            {
                matchedTokens++;
                text += best;
            }
        }

        // The tier comes from the name when known, else from the name keys the index matched.
        var compactName = SearchText.CompactName(candidate.Name);
        var exactKey = SearchKeys.NameKind + query.Compact;
        var prefixKey = query.NamePrefixKey;
        var exact = compactName.Length > 0 ? compactName == query.Compact : HasKey(candidate, exactKey);
        var prefix = query.Compact.Length >= SearchKeys.MinPrefixLength
            && (compactName.Length > 0 ? compactName.StartsWith(query.Compact, StringComparison.Ordinal) : HasKey(candidate, prefixKey));
        SearchTier tier;
        if (exact)
        {
            tier = SearchTier.ExactName;
        }
        else if (prefix)
        {
            tier = SearchTier.NamePrefix;
        }
        else if (matchedTokens == query.Tokens.Count)
        {
            tier = SearchTier.Words;
        }
        else if (matchedTokens > 0)
        {
            tier = SearchTier.PartialWords;
        }
        else
        {
            return null;
        }

        var score = text / query.Tokens.Count;
        if (candidate.IsLive)
        {
            score += LiveBoost + (ViewerBoostPerDecade * Math.Log10(1 + Math.Max(0, candidate.Viewers)));
        }

        return new SearchHit(candidate, tier, score);
    }

    private static bool HasKey(SearchCandidate candidate, string key)
    {
        foreach (var matched in candidate.MatchedKeys)
        {
            if (matched.Key == key)
            {
                return true;
            }
        }

        return false;
    }

    public static double FieldWeight(SearchField field) => field switch
    {
        SearchField.Name => 1.0,
        SearchField.Title => 0.8,
        _ => 0.6,
    };
}
