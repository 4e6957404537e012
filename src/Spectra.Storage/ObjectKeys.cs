namespace Spectra.Storage;

/// <summary>
/// The rules every object key and prefix follows, checked by each store before it touches anything, so
/// a key can never reach outside its store (no path traversal on disk, no foreign keys in a bucket).
/// Keys are built by code from generated ids ("avatars/{channelId:N}", "recordings/{id}/720p/42.m4s"),
/// never taken from input:
/// <list type="bullet">
/// <item>segments separated by '/', none empty: no leading or trailing '/', no "//";</item>
/// <item>segments of ASCII letters, digits, '-', '_' and '.', not starting with '.' (so no "." or "..",
/// and names starting with '.' stay free for the stores' temporary files);</item>
/// <item>no backslash, no control characters, at most <see cref="MaxLength"/> characters.</item>
/// </list>
/// A prefix is a valid key followed by '/'.
/// </summary>
public static class ObjectKeys
{
    /// <summary>Longest key, well inside S3's 1024 bytes once a configured prefix is added.</summary>
    public const int MaxLength = 512;

    /// <summary>Throws <see cref="ArgumentException"/> naming the broken rule unless <paramref name="key"/> is a valid key.</summary>
    public static void ThrowIfInvalid(string key, string paramName = "key")
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        var problem = Check(key);
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid object key \"{Printable(key)}\": {problem}.", paramName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="prefix"/> is a valid key followed by '/'.</summary>
    public static void ThrowIfInvalidPrefix(string prefix, string paramName = "prefix")
    {
        ArgumentNullException.ThrowIfNull(prefix, paramName);
        var problem = prefix.EndsWith('/') ? Check(prefix[..^1]) : "a prefix ends with '/'";
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid object key prefix \"{Printable(prefix)}\": {problem}.", paramName);
        }
    }

    public static bool IsValid(string? key) => key is not null && Check(key) is null;

    private static string? Check(string key)
    {
        if (key.Length == 0)
        {
            return "it is empty";
        }

        if (key.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        var segmentStart = 0;
        for (var i = 0; i <= key.Length; i++)
        {
            if (i == key.Length || key[i] == '/')
            {
                if (i == segmentStart)
                {
                    return i == 0 ? "it starts with '/'" : "it has an empty segment (\"//\" or a trailing '/')";
                }

                if (key[segmentStart] == '.')
                {
                    return key.AsSpan(segmentStart, i - segmentStart) is ".." or "."
                        ? "it has a \".\" or \"..\" segment"
                        : "a segment starts with '.'";
                }

                segmentStart = i + 1;
                continue;
            }

            var c = key[i];
            if (c == '\\')
            {
                return "it contains a backslash";
            }

            if (char.IsControl(c))
            {
                return "it contains a control character";
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return $"it contains '{c}' (segments are ASCII letters, digits, '-', '_' and '.')";
            }
        }

        return null;
    }

    /// <summary>The key as it can go into a message: control characters shown as \uXXXX, long keys cut.</summary>
    private static string Printable(string key)
    {
        var shown = key.Length > 80 ? key[..80] + "…" : key;
        return shown.Any(char.IsControl)
            ? string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()))
            : shown;
    }
}
