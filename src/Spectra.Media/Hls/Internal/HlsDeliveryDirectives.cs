using System.Globalization;

namespace Spectra.Media.Hls.Internal;

/// <summary>
/// The Playlist Delivery Directives of a media playlist request (RFC 8216bis §6.2.5): _HLS_msn and
/// _HLS_part (blocking playlist reload, §6.2.5.2) and _HLS_skip (delta update, §6.2.5.1). Parsed from
/// the raw query string without allocating.
/// </summary>
/// <param name="Sequence">_HLS_msn, or -1 when absent.</param>
/// <param name="Part">_HLS_part, or -1 when absent.</param>
/// <param name="Skip">_HLS_skip=YES or v2 (v2 also skips date ranges, of which Spectra writes none).</param>
internal readonly record struct HlsDeliveryDirectives(long Sequence, int Part, bool Skip)
{
    public bool IsBlocking => Sequence >= 0;

    /// <summary>
    /// Parses <paramref name="query"/> ("?a=b&amp;c=d" or without '?'). Unknown parameters are ignored.
    /// False (answer 400, §6.2.5.2) for a value that is not a decimal-integer (§4.2) within range, a
    /// directive given twice, _HLS_part without _HLS_msn, or an _HLS_skip other than YES or v2.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> query, out HlsDeliveryDirectives directives)
    {
        directives = new HlsDeliveryDirectives(-1, -1, false);
        if (query.StartsWith('?'))
        {
            query = query[1..];
        }

        long sequence = -1;
        var part = -1;
        var skip = false;
        var sawSkip = false;
        while (!query.IsEmpty)
        {
            var end = query.IndexOf('&');
            var pair = end < 0 ? query : query[..end];
            query = end < 0 ? [] : query[(end + 1)..];
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? [] : pair[(equals + 1)..];
            if (name.SequenceEqual("_HLS_msn"))
            {
                if (sequence >= 0 || !TryParseInteger(value, long.MaxValue, out sequence))
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("_HLS_part"))
            {
                if (part >= 0 || !TryParseInteger(value, int.MaxValue, out var parsed))
                {
                    return false;
                }

                part = (int)parsed;
            }
            else if (name.SequenceEqual("_HLS_skip"))
            {
                if (sawSkip || !(value.SequenceEqual("YES") || value.SequenceEqual("v2")))
                {
                    return false;
                }

                sawSkip = true;
                skip = true;
            }
        }

        if (part >= 0 && sequence < 0)
        {
            return false;
        }

        directives = new HlsDeliveryDirectives(sequence, part, skip);
        return true;
    }

    /// <summary>A decimal-integer (§4.2): 1–19 digits, no sign, at most <paramref name="max"/>.</summary>
    private static bool TryParseInteger(ReadOnlySpan<char> value, long max, out long result)
    {
        if (value.Length is > 0 and <= 19
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result)
            && result <= max)
        {
            return true;
        }

        result = -1;
        return false;
    }
}
