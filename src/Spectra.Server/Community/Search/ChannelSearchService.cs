using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Search;

/// <summary>
/// Channel search over the key tables: equality lookups only (indexed on both databases), typo
/// corrections from the trigram vocabulary for query words that match nothing as they are, ranking
/// in memory by <see cref="SearchRanker"/>.
/// Work per query is bounded: at most <see cref="RowsPerKey"/> rows per key, and full details are
/// loaded only for the best 3 × limit candidates.
/// </summary>
internal sealed class ChannelSearchService(SpectraDbContext db, ILiveChannelDirectory live)
{
    public const int MaxQueryLength = 100;
    public const int MaxLimit = 50;
    public const int RowsPerKey = 1500;
    private const int MaxCorrectionsPerToken = 5;

    public async Task<IReadOnlyList<SearchResult>> SearchAsync(string? text, int limit, CancellationToken ct)
    {
        if (text is { Length: > MaxQueryLength })
        {
            text = text[..MaxQueryLength];
        }

        var query = SearchQuery.Parse(text);
        if (query.IsEmpty)
        {
            return [];
        }

        limit = Math.Clamp(limit, 1, MaxLimit);
        var matches = new Dictionary<Guid, List<SearchKey>>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        await LookUpAsync(query.AllKeys(), matches, found, ct);

        // Typo corrections only for tokens that matched nothing as a word or prefix (the way
        // Typesense's typo_tokens_threshold works): a word the catalogue already contains needs no
        // fuzzy neighbours, and the trigram grouping is the most expensive query of a search.
        var corrected = await AddCorrectionsAsync(query, i => !query.KeysByToken[i].Keys.Any(found.Contains), ct);
        if (corrected.Count > 0)
        {
            await LookUpAsync(corrected, matches, found, ct);
        }

        var keys = query.AllKeys();

        // Live channels must never fall off the per-key cap: fetch their matches explicitly.
        var liveNow = live.GetLiveChannels().ToDictionary(l => l.ChannelId);
        if (liveNow.Count is > 0 and <= 2000)
        {
            var liveIds = liveNow.Keys.ToArray();
            var rows = await db.Set<ChannelSearchKey>().AsNoTracking()
                .Where(k => keys.Contains(k.Key) && liveIds.Contains(k.ChannelId))
                .Select(k => new { k.ChannelId, k.Key, k.Field })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                if (!matches.TryGetValue(row.ChannelId, out var list) || !list.Exists(k => k.Key == row.Key && (byte)k.Field == row.Field))
                {
                    AddMatch(matches, row.ChannelId, row.Key, row.Field);
                }
            }
        }

        // Stage 1: rank on keys alone, keep the best few.
        var firstPass = SearchRanker.Rank(
            query,
            matches.Select(m => Candidate(m.Key, string.Empty, string.Empty, null, m.Value, liveNow)),
            limit * 3);
        var ids = firstPass.Select(h => h.Channel.ChannelId).ToArray();
        var documents = await db.Set<ChannelSearchDocument>().AsNoTracking()
            .Where(d => ids.Contains(d.ChannelId))
            .ToDictionaryAsync(d => d.ChannelId, ct);

        // Stage 2: rank again with names (prefix tiers for long names) and return.
        var final = SearchRanker.Rank(
            query,
            firstPass.Where(h => documents.ContainsKey(h.Channel.ChannelId)).Select(h =>
            {
                var d = documents[h.Channel.ChannelId];
                return Candidate(d.ChannelId, d.Name, d.Title, d.Category, h.Channel.MatchedKeys, liveNow);
            }),
            limit);
        return final.Select(h => new SearchResult(
            h.Channel.ChannelId, h.Channel.Name, h.Channel.Title, h.Channel.Category, h.Channel.IsLive, h.Channel.Viewers, Describe(h.Tier))).ToList();
    }

    /// <summary>
    /// Equality lookups of <paramref name="keys"/>, at most <see cref="RowsPerKey"/> rows each, as one
    /// statement (UNION ALL of the per-key lookups: one round trip however many keys); records which
    /// keys had rows.
    /// </summary>
    private async Task LookUpAsync(IReadOnlyCollection<string> keys, Dictionary<Guid, List<SearchKey>> matches, HashSet<string> found, CancellationToken ct)
    {
        IQueryable<ChannelSearchKey>? lookups = null;
        foreach (var key in keys)
        {
            // Key order (the primary key is Key, ChannelId, Field): deterministic, and no sort.
            var lookup = db.Set<ChannelSearchKey>().AsNoTracking().Where(k => k.Key == key).OrderBy(k => k.ChannelId).ThenBy(k => k.Field).Take(RowsPerKey);
            lookups = lookups is null ? lookup : lookups.Concat(lookup);
        }

        if (lookups is null)
        {
            return;
        }

        foreach (var row in await lookups.Select(k => new { k.Key, k.ChannelId, k.Field }).ToListAsync(ct))
        {
            found.Add(row.Key);
            AddMatch(matches, row.ChannelId, row.Key, row.Field);
        }
    }

    private static void AddMatch(Dictionary<Guid, List<SearchKey>> matches, Guid channelId, string key, byte field)
    {
        if (!matches.TryGetValue(channelId, out var list))
        {
            matches[channelId] = list = [];
        }

        list.Add(new SearchKey(key, (SearchField)field));
    }

    /// <summary>
    /// Adds vocabulary words within the typo budget of each query token that <paramref name="wanted"/>
    /// selects; returns the new keys.
    /// </summary>
    private async Task<List<string>> AddCorrectionsAsync(SearchQuery query, Func<int, bool> wanted, CancellationToken ct)
    {
        var added = new List<string>();
        for (var i = 0; i < query.Tokens.Count; i++)
        {
            var token = query.Tokens[i];
            var budget = SearchText.AllowedTypos(token.Length);
            if (budget == 0 || !wanted(i))
            {
                continue;
            }

            var grams = SearchText.Trigrams(token).ToArray();
            var needed = Math.Max(1, grams.Length - (3 * budget));
            int min = token.Length - budget, max = token.Length + budget;
            var candidates = await db.Set<SearchTermTrigram>().AsNoTracking()
                .Where(t => grams.Contains(t.Trigram) && t.TermLength >= min && t.TermLength <= max)
                .GroupBy(t => t.Term)
                .Where(g => g.Count() >= needed)
                .Select(g => g.Key)
                .OrderBy(term => term)
                .Take(200)
                .ToListAsync(ct);
            var corrections = candidates
                .Where(term => term != token)
                .Select(term => (term, distance: SearchText.EditDistance(token, term, budget)))
                .Where(x => x.distance <= budget)
                .OrderBy(x => x.distance).ThenBy(x => x.term, StringComparer.Ordinal)
                .Take(MaxCorrectionsPerToken);
            foreach (var (term, _) in corrections)
            {
                if (query.AddCorrection(i, term) is string key)
                {
                    added.Add(key);
                }
            }
        }

        return added;
    }

    private static SearchCandidate Candidate(Guid id, string name, string title, string? category, IReadOnlyCollection<SearchKey> keys, Dictionary<Guid, LiveChannel> liveNow) =>
        liveNow.TryGetValue(id, out var l)
            ? new SearchCandidate(id, name, title, category, keys, true, l.Viewers)
            : new SearchCandidate(id, name, title, category, keys, false, 0);

    private static string Describe(SearchTier tier) => tier switch
    {
        SearchTier.ExactName => "name",
        SearchTier.NamePrefix => "name-prefix",
        SearchTier.Words => "words",
        _ => "some-words",
    };
}
