namespace Spectra.Media.Hls.Internal;

/// <summary>Outcome of evaluating a Range header against a representation.</summary>
internal enum HttpByteRangeKind
{
    /// <summary>No usable Range: serve the whole representation with 200.</summary>
    None,

    /// <summary>One satisfiable range: 206 with Content-Range.</summary>
    Satisfiable,

    /// <summary>Syntactically valid but outside the representation: 416 (RFC 9110 §15.5.17).</summary>
    Unsatisfiable,
}

/// <summary>
/// Single byte-range requests (RFC 9110 §14.1.2): "bytes=first-last", "bytes=first-",
/// "bytes=-suffix". Several ranges or invalid syntax are ignored, which §14.2 allows, and the whole
/// representation is sent. No allocation.
/// </summary>
internal static class HttpByteRange
{
    public static HttpByteRangeKind Evaluate(ReadOnlySpan<char> header, long length, out long start, out long count)
    {
        start = 0;
        count = length;
        header = header.Trim();
        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return HttpByteRangeKind.None;
        }

        var spec = header[6..].Trim();
        if (spec.IsEmpty || spec.Contains(','))
        {
            return HttpByteRangeKind.None;
        }

        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return HttpByteRangeKind.None;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.IsEmpty)
        {
            // Suffix range: the last N bytes.
            if (!TryParseDigits(last, out var suffix))
            {
                return HttpByteRangeKind.None;
            }

            if (suffix == 0 || length == 0)
            {
                return HttpByteRangeKind.Unsatisfiable;
            }

            count = Math.Min(suffix, length);
            start = length - count;
            return HttpByteRangeKind.Satisfiable;
        }

        if (!TryParseDigits(first, out var firstByte))
        {
            return HttpByteRangeKind.None;
        }

        long lastByte;
        if (last.IsEmpty)
        {
            lastByte = length - 1;
        }
        else if (!TryParseDigits(last, out lastByte) || lastByte < firstByte)
        {
            return HttpByteRangeKind.None;
        }

        if (firstByte >= length)
        {
            return HttpByteRangeKind.Unsatisfiable;
        }

        start = firstByte;
        count = Math.Min(lastByte, length - 1) - firstByte + 1;
        return HttpByteRangeKind.Satisfiable;
    }

    private static bool TryParseDigits(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 18)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
