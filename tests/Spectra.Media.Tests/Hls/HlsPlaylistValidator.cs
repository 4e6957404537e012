using System.Globalization;
using System.Text.RegularExpressions;

namespace Spectra.Media.Tests.Hls;

/// <summary>Checks the RFC 8216 rules a live fMP4 media playlist must follow.</summary>
internal static partial class HlsPlaylistValidator
{
    /// <param name="ended">The stream has ended: the playlist must end with EXT-X-ENDLIST (§4.3.3.4), and only then.</param>
    public static void ValidateMedia(string playlist, bool ended = false)
    {
        Assert.EndsWith("\n", playlist, StringComparison.Ordinal);
        var lines = playlist[..^1].Split('\n');
        Assert.Equal("#EXTM3U", lines[0]);                                           // §4.3.1.1
        Assert.DoesNotContain(lines, l => l.Length == 0 || l.Contains('\r', StringComparison.Ordinal));
        var version = int.Parse(Single(lines, "#EXT-X-VERSION:"), CultureInfo.InvariantCulture);
        Assert.True(version >= 7);
        var target = int.Parse(Single(lines, "#EXT-X-TARGETDURATION:"), CultureInfo.InvariantCulture);
        var mediaSequence = long.Parse(Single(lines, "#EXT-X-MEDIA-SEQUENCE:"), CultureInfo.InvariantCulture);
        long.Parse(Single(lines, "#EXT-X-DISCONTINUITY-SEQUENCE:"), CultureInfo.InvariantCulture);
        if (ended)
        {
            Assert.Equal("#EXT-X-ENDLIST", lines[^1]);                                // §4.3.3.4
            lines = lines[..^1];
        }

        Assert.DoesNotContain("#EXT-X-ENDLIST", lines);
        var sawMap = false;
        var sawExtinf = false;
        var sawDate = false;
        var expectedSequence = mediaSequence;
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("#EXT-X-MAP:", StringComparison.Ordinal))
            {
                Assert.Matches(MapPattern(), line);
                sawMap = true;
            }
            else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                var match = ExtinfPattern().Match(line);
                Assert.True(match.Success, line);
                var duration = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.True(Math.Round(duration, MidpointRounding.AwayFromZero) <= target, $"{line} exceeds target {target}"); // §4.3.3.1
                sawExtinf = true;
            }
            else if (line.StartsWith("#EXT-X-PROGRAM-DATE-TIME:", StringComparison.Ordinal))
            {
                Assert.True(DateTimeOffset.TryParseExact(line[25..], "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), line);
                sawDate = true;
            }
            else if (!line.StartsWith('#'))
            {
                Assert.True(sawMap, "segment before EXT-X-MAP");                       // §4.3.2.5
                Assert.True(sawExtinf, $"{line} without EXTINF");                       // §4.3.2.1
                Assert.True(sawDate, $"{line} without EXT-X-PROGRAM-DATE-TIME");
                Assert.Equal($"{expectedSequence}.m4s", line);
                expectedSequence++;
                sawExtinf = false;
                sawDate = false;
            }
            else
            {
                Assert.Contains(line.Split(':')[0], (string[])["#EXT-X-VERSION", "#EXT-X-TARGETDURATION", "#EXT-X-MEDIA-SEQUENCE", "#EXT-X-DISCONTINUITY-SEQUENCE", "#EXT-X-INDEPENDENT-SEGMENTS", "#EXT-X-DISCONTINUITY"]);
            }
        }

        Assert.True(expectedSequence > mediaSequence, "no segment");
    }

    private static string Single(string[] lines, string prefix) =>
        Assert.Single(lines, l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    [GeneratedRegex(@"^#EXTINF:(\d+\.\d{3}),$")]
    private static partial Regex ExtinfPattern();

    [GeneratedRegex("^#EXT-X-MAP:URI=\"init-\\d+-\\d+\\.mp4\"$")]
    private static partial Regex MapPattern();
}
