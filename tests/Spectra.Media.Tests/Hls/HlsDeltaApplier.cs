namespace Spectra.Media.Tests.Hls;

/// <summary>
/// Applies a Playlist Delta Update (RFC 8216bis §6.2.5.1) to the previous full playlist as a client
/// does: EXT-X-SKIP:SKIPPED-SEGMENTS=n stands for the first n segments (with their tags) of the
/// playlist it updates; EXT-X-VERSION is taken from the full playlist, and an EXT-X-MAP restated right
/// after the skip is dropped when it is the map already in effect.
/// </summary>
internal static class HlsDeltaApplier
{
    public static string Apply(string previous, string delta)
    {
        var full = previous[..^1].Split('\n');
        var lines = delta[..^1].Split('\n');
        var skipAt = Array.FindIndex(lines, l => l.StartsWith("#EXT-X-SKIP:SKIPPED-SEGMENTS=", StringComparison.Ordinal));
        if (skipAt < 0)
        {
            return delta;
        }

        var skipped = int.Parse(lines[skipAt]["#EXT-X-SKIP:SKIPPED-SEGMENTS=".Length..], System.Globalization.CultureInfo.InvariantCulture);

        // The skipped segments' lines: from after the header (EXT-X-INDEPENDENT-SEGMENTS) to the n-th URI.
        var start = Array.IndexOf(full, "#EXT-X-INDEPENDENT-SEGMENTS") + 1;
        var end = start;
        string? map = null;
        for (var seen = 0; seen < skipped; end++)
        {
            if (full[end].StartsWith("#EXT-X-MAP:", StringComparison.Ordinal))
            {
                map = full[end];
            }
            else if (!full[end].StartsWith('#'))
            {
                seen++;
            }
        }

        var rest = lines.Skip(skipAt + 1).ToList();
        if (rest.Count > 0 && rest[0] == map)
        {
            rest.RemoveAt(0);
        }

        var header = lines.Take(skipAt).Select(l => l.StartsWith("#EXT-X-VERSION:", StringComparison.Ordinal) ? full[1] : l);
        return string.Join('\n', header.Concat(full[start..end]).Concat(rest)) + "\n";
    }
}
