namespace Spectra.Server.Community.Search;

/// <summary>Builds the index keys of one channel and the lookup keys of a query token.</summary>
internal static class SearchKeys
{
    public const string NameKind = "n:";
    public const string NamePrefixKind = "m:";
    public const string WordKind = "w:";
    public const string PrefixKind = "p:";

    /// <summary>Shortest prefix indexed; one-letter prefixes would match a large part of the catalogue.</summary>
    public const int MinPrefixLength = 2;

    /// <summary>Longest prefix indexed; beyond it a query word is looked up as a whole word or typo.</summary>
    public const int MaxPrefixLength = 12;

    public static IReadOnlyList<SearchKey> ForChannel(string name, string? title, string? category, IEnumerable<string> tags)
    {
        var keys = new HashSet<SearchKey>();
        var compact = SearchText.CompactName(name);
        if (compact.Length > 0)
        {
            keys.Add(new SearchKey(NameKind + Cut(compact), SearchField.Name));
            for (var length = MinPrefixLength; length < Math.Min(compact.Length, MaxPrefixLength + 1); length++)
            {
                keys.Add(new SearchKey(NamePrefixKind + compact[..length], SearchField.Name));
            }
        }

        AddWords(keys, name, SearchField.Name);
        AddWords(keys, title, SearchField.Title);
        AddWords(keys, category, SearchField.Category);
        foreach (var tag in tags)
        {
            AddWords(keys, tag, SearchField.Tag);
        }

        return [.. keys];
    }

    /// <summary>Distinct words of everything indexed for a channel: the typo vocabulary.</summary>
    public static IReadOnlyList<string> Vocabulary(string name, string? title, string? category, IEnumerable<string> tags)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        words.UnionWith(SearchText.Tokens(name));
        words.UnionWith(SearchText.Tokens(title));
        words.UnionWith(SearchText.Tokens(category));
        foreach (var tag in tags)
        {
            words.UnionWith(SearchText.Tokens(tag));
        }

        return [.. words];
    }

    private static void AddWords(HashSet<SearchKey> keys, string? text, SearchField field)
    {
        foreach (var token in SearchText.Tokens(text))
        {
            keys.Add(new SearchKey(WordKind + token, field));
            for (var length = MinPrefixLength; length < Math.Min(token.Length, MaxPrefixLength + 1); length++)
            {
                keys.Add(new SearchKey(PrefixKind + token[..length], field));
            }
        }
    }

    private static string Cut(string value) => value.Length > 64 ? value[..64] : value;
}
