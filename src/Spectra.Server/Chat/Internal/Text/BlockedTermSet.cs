namespace Spectra.Server.Chat.Internal.Text;

/// <summary>
/// A channel's blocked terms, compiled once and matched against every message.
/// </summary>
/// <remarks>
/// Matching is case-insensitive, on whole words, after look-alike reduction
/// (<see cref="LookAlikeSkeleton"/>). Spacing tricks are caught by joining neighbouring words
/// when every joined word is at most two letters long ("b a d", "b.a.d", "ba d") or when the
/// words line up one-to-one with the term's words. Stretched letters match when a run is
/// three or more long ("baaad" matches "bad", but "good" does not match "god").
/// A term of several words ("bad word") also matches them written together ("badword").
/// </remarks>
internal sealed class BlockedTermSet
{
    private const int ShortWordLength = 2;

    private readonly CompiledTerm[] _terms;

    public BlockedTermSet(IEnumerable<(string Term, BlockedTermAction Action)> terms)
    {
        var compiled = new List<CompiledTerm>();
        foreach (var (term, action) in terms)
        {
            var words = SkeletonTokenizer.Tokenize(term);
            if (words.Count == 0)
            {
                continue;
            }

            compiled.Add(new CompiledTerm(term, action, [.. words], RunString.Encode(string.Concat(words))));
        }

        // Rejecting terms first: a message that matches both kinds is rejected.
        _terms = [.. compiled.OrderBy(t => t.Action == BlockedTermAction.Reject ? 0 : 1)];
    }

    public static BlockedTermSet Empty { get; } = new([]);

    public int Count => _terms.Length;

    public BlockedTermMatch? Match(string message)
    {
        if (_terms.Length == 0)
        {
            return null;
        }

        var words = SkeletonTokenizer.Tokenize(message);
        if (words.Count == 0)
        {
            return null;
        }

        foreach (var term in _terms)
        {
            if (Matches(term, words))
            {
                return new BlockedTermMatch(term.Original, term.Action);
            }
        }

        return null;
    }

    private static bool Matches(CompiledTerm term, List<string> words)
    {
        var maxWords = term.Joined.TotalLength;
        for (var start = 0; start < words.Count; start++)
        {
            var allShort = true;
            var joinedLength = 0;
            for (var end = start; end < words.Count && end - start < maxWords; end++)
            {
                allShort &= words[end].Length <= ShortWordLength;
                joinedLength += words[end].Length;
                if (RunString.MinimumLength(term.Joined) > joinedLength)
                {
                    continue;
                }

                var single = end == start;
                var aligned = end - start + 1 == term.Words.Length && WordsAlign(term, words, start);
                if (!single && !allShort && !aligned)
                {
                    continue;
                }

                var candidate = single ? words[start] : string.Concat(words.GetRange(start, end - start + 1));
                if (RunString.Matches(RunString.Encode(candidate), term.Joined))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool WordsAlign(CompiledTerm term, List<string> words, int start)
    {
        for (var k = 0; k < term.Words.Length; k++)
        {
            if (!RunString.Matches(RunString.Encode(words[start + k]), RunString.Encode(term.Words[k])))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record CompiledTerm(string Original, BlockedTermAction Action, string[] Words, RunString Joined);
}
