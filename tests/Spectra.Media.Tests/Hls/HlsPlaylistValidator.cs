using System.Globalization;
using System.Text.RegularExpressions;

namespace Spectra.Media.Tests.Hls;

/// <summary>Checks the RFC 8216 (and RFC 8216bis LL-HLS) rules a live fMP4 media playlist must follow.</summary>
internal static partial class HlsPlaylistValidator
{
    private static readonly string[] KnownTags =
    [
        "#EXT-X-VERSION", "#EXT-X-TARGETDURATION", "#EXT-X-MEDIA-SEQUENCE", "#EXT-X-DISCONTINUITY-SEQUENCE",
        "#EXT-X-INDEPENDENT-SEGMENTS", "#EXT-X-DISCONTINUITY", "#EXT-X-SERVER-CONTROL", "#EXT-X-PART-INF",
        "#EXT-X-PRELOAD-HINT", "#EXT-X-RENDITION-REPORT", "#EXT-X-SKIP",
    ];

    /// <param name="ended">The stream has ended: the playlist must end with EXT-X-ENDLIST (§4.3.3.4), and only then.</param>
    /// <param name="lowLatency">The playlist must carry the LL-HLS tags of RFC 8216bis.</param>
    public static void ValidateMedia(string playlist, bool ended = false, bool lowLatency = false)
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
        var partTarget = double.NaN;
        if (lowLatency)
        {
            // RFC 8216bis §4.4.3.7, §4.4.3.8.
            partTarget = double.Parse(Single(lines, "#EXT-X-PART-INF:PART-TARGET="), CultureInfo.InvariantCulture);
            Assert.InRange(partTarget, 0.05, target);
            var control = ServerControlPattern().Match(Single(lines, "#EXT-X-SERVER-CONTROL:"));
            Assert.True(control.Success, "EXT-X-SERVER-CONTROL attributes");
            var skipUntil = double.Parse(control.Groups[1].Value, CultureInfo.InvariantCulture);
            var partHoldBack = double.Parse(control.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.True(skipUntil >= 6 * target, "CAN-SKIP-UNTIL below six target durations");
            Assert.True(partHoldBack >= 3 * partTarget - 0.0005, "PART-HOLD-BACK below three part targets");
            if (!ended)
            {
                Single(lines, "#EXT-X-PRELOAD-HINT:");
            }
        }
        else
        {
            Assert.DoesNotContain(lines, l => l.StartsWith("#EXT-X-PART", StringComparison.Ordinal));
        }

        var sawMap = false;
        var sawExtinf = false;
        var sawDate = false;
        var expectedSequence = mediaSequence;
        var expectedPart = 0;
        var partSum = 0.0;
        var firstSegment = true;
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("#EXT-X-MAP:", StringComparison.Ordinal))
            {
                Assert.Matches(MapPattern(), line);
                sawMap = true;
            }
            else if (line.StartsWith("#EXT-X-SKIP:", StringComparison.Ordinal))
            {
                // §4.4.5.2: only in a delta update (version 9), before the first segment.
                Assert.True(version >= 9, "EXT-X-SKIP needs EXT-X-VERSION 9");
                Assert.True(firstSegment, "EXT-X-SKIP after a segment");
                var skipped = int.Parse(line["#EXT-X-SKIP:SKIPPED-SEGMENTS=".Length..], CultureInfo.InvariantCulture);
                Assert.True(skipped > 0);
                expectedSequence += skipped;
            }
            else if (line.StartsWith("#EXT-X-PART:", StringComparison.Ordinal))
            {
                // §4.4.4.9: parts of one segment in order from 0, each at most PART-TARGET; the first independent.
                var match = PartPattern().Match(line);
                Assert.True(match.Success, line);
                var duration = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.True(duration <= partTarget, $"{line} exceeds PART-TARGET {partTarget}");
                Assert.Equal(expectedSequence, long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
                Assert.Equal(expectedPart, int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
                Assert.True(expectedPart > 0 || match.Groups[4].Success, $"{line}: a segment's first part is independent");
                Assert.True(sawMap, "part before EXT-X-MAP");
                expectedPart++;
                partSum += duration;
            }
            else if (line.StartsWith("#EXT-X-PRELOAD-HINT:", StringComparison.Ordinal))
            {
                // §4.4.5.3: names the part after the last one listed.
                Assert.Equal($"#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"{expectedSequence}.{expectedPart}.m4s\"", line);
            }
            else if (line.StartsWith("#EXT-X-RENDITION-REPORT:", StringComparison.Ordinal))
            {
                Assert.Matches(ReportPattern(), line);                                  // §4.4.5.4
            }
            else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                var match = ExtinfPattern().Match(line);
                Assert.True(match.Success, line);
                var duration = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.True(Math.Round(duration, MidpointRounding.AwayFromZero) <= target, $"{line} exceeds target {target}"); // §4.3.3.1
                if (expectedPart > 0)
                {
                    Assert.True(Math.Abs(partSum - duration) <= 0.001 * (expectedPart + 1), $"{line}: parts sum to {partSum}");
                }

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
                expectedPart = 0;
                partSum = 0;
                firstSegment = false;
                sawExtinf = false;
                sawDate = false;
            }
            else
            {
                Assert.Contains(line.Split(':')[0], KnownTags);
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

    [GeneratedRegex("^#EXT-X-PART:DURATION=(\\d+\\.\\d{3}),URI=\"(\\d+)\\.(\\d+)\\.m4s\"(,INDEPENDENT=YES)?$")]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"^CAN-BLOCK-RELOAD=YES,CAN-SKIP-UNTIL=(\d+\.\d+),PART-HOLD-BACK=(\d+\.\d{3})$")]
    private static partial Regex ServerControlPattern();

    [GeneratedRegex("^#EXT-X-RENDITION-REPORT:URI=\"\\.\\./[A-Za-z0-9_-]+/index\\.m3u8\",LAST-MSN=\\d+,LAST-PART=\\d+$")]
    private static partial Regex ReportPattern();
}
