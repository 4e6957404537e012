namespace Spectra.Server.Community.Search;

/// <summary>
/// A parsed query: its tokens and, per token, the index keys that satisfy it with a match weight
/// (whole word 1.0, word prefix 0.7, typo correction 0.5).
/// </summary>
internal sealed class SearchQuery
{
    public const double WordWeight = 1.0;
    public const double PrefixWeight = 0.7;
    public const double TypoWeight = 0.5;

    private SearchQuery(string compact, IReadOnlyList<string> tokens)
    {
        Compact = compact;
        Tokens = tokens;
        KeysByToken = tokens.Select(BaseKeys).ToArray();
    }

    /// <summary>The query as a compact name ("Cool Gamer" → "coolgamer").</summary>
    public string Compact { get; }

    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Index keys per token (same order as <see cref="Tokens"/>) with their match weights.</summary>
    public IReadOnlyList<Dictionary<string, double>> KeysByToken { get; }

    public bool IsEmpty => Tokens.Count == 0;

    /// <summary>
    /// The name-prefix key for this query. Prefixes are indexed up to <see cref="SearchKeys.MaxPrefixLength"/>
    /// characters, so a longer query looks up its first 12 and the ranker confirms against the name.
    /// </summary>
    public string NamePrefixKey => SearchKeys.NamePrefixKind + (Compact.Length > SearchKeys.MaxPrefixLength ? Compact[..SearchKeys.MaxPrefixLength] : Compact);

    public static SearchQuery Parse(string? text) => new(SearchText.CompactName(text ?? string.Empty), SearchText.Tokens(text));

    /// <summary>Every key worth looking up, name keys included.</summary>
    public IReadOnlyList<string> AllKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (Compact.Length > 0)
        {
            keys.Add(SearchKeys.NameKind + Compact);
            if (Compact.Length >= SearchKeys.MinPrefixLength)
            {
                keys.Add(NamePrefixKey);
            }
        }

        foreach (var perToken in KeysByToken)
        {
            keys.UnionWith(perToken.Keys);
        }

        return [.. keys];
    }

    /// <summary>
    /// Adds a vocabulary word found within the typo budget of token <paramref name="index"/>; returns
    /// its key, or null when the token already had that key.
    /// </summary>
    public string? AddCorrection(int index, string word)
    {
        var key = SearchKeys.WordKind + word;
        return KeysByToken[index].TryAdd(key, TypoWeight) ? key : null;
    }

    private static Dictionary<string, double> BaseKeys(string token)
    {
        var keys = new Dictionary<string, double>(StringComparer.Ordinal) { [SearchKeys.WordKind + token] = WordWeight };
        if (token.Length >= SearchKeys.MinPrefixLength && token.Length <= SearchKeys.MaxPrefixLength)
        {
            keys[SearchKeys.PrefixKind + token] = PrefixWeight;
        }

        return keys;
    }
}
