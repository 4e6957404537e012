namespace Spectra.Media.Hls;

/// <summary>Channel and rendition names as they appear in origin URLs.</summary>
internal static class HlsNames
{
    /// <summary>1–64 characters of ASCII letters, digits, '_' and '-': safe in a URL path without escaping.</summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
