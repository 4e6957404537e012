using System.Globalization;
using System.Text;

namespace Spectra.Server.Community.Search;

/// <summary>
/// Text normalisation shared by indexing and querying: lower case, diacritics removed, every run of
/// characters that is not a letter or digit becomes one separator. Both sides must agree byte for
/// byte, so every key in the search tables is produced here.
/// </summary>
internal static class SearchText
{
    /// <summary>Longest token kept; longer words are cut (keys stay short and indexable).</summary>
    public const int MaxTokenLength = 32;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Distinct tokens of the normalised text, in order of first appearance.</summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return [];
        }

        var result = new List<string>();
        foreach (var part in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = part.Length > MaxTokenLength ? part[..MaxTokenLength] : part;
            if (!result.Contains(token, StringComparer.Ordinal))
            {
                result.Add(token);
            }
        }

        return result;
    }

    /// <summary>The whole name as one key: normalised with separators removed ("Cool_Gamer" → "coolgamer").</summary>
    public static string CompactName(string name) => Normalize(name).Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// Trigrams of a token padded with a start and end marker ('^' and '$'), so a token of n characters
    /// has n trigrams and one edit changes at most three of them.
    /// </summary>
    public static IReadOnlyList<string> Trigrams(string token)
    {
        var padded = "^" + token + "$";
        var result = new List<string>(padded.Length);
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            var gram = padded.Substring(i, 3);
            if (!result.Contains(gram, StringComparer.Ordinal))
            {
                result.Add(gram);
            }
        }

        return result;
    }

    /// <summary>
    /// Edits tolerated for a query token of this length: none up to 3 characters (too many false
    /// friends), one up to 7, two from 8.
    /// </summary>
    public static int AllowedTypos(int length) => length switch
    {
        <= 3 => 0,
        <= 7 => 1,
        _ => 2,
    };

    /// <summary>
    /// Optimal string alignment distance (Levenshtein plus adjacent transposition), stopping early once
    /// it exceeds <paramref name="max"/>; returns max + 1 in that case.
    /// </summary>
    public static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 512 ? stackalloc int[width * 3] : new int[width * 3];
        var prev2 = rows[..width];
        var prev = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        for (var j = 0; j < width; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(prev[j] + 1, current[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, prev2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = prev2;
            prev2 = prev;
            prev = current;
            current = recycled;
        }

        return Math.Min(prev[width - 1], max + 1);
    }
}
