using System.Globalization;
using System.Text.Json;
using Xunit;

namespace Spectra.Testing.Live;

/// <summary>Minimal HLS playlist reading (RFC 8216) and ffprobe checks for the end-to-end tests.</summary>
public static class HlsPlaylists
{
    public sealed record Variant(string Uri, IReadOnlyDictionary<string, string> Attributes);

    public sealed record MediaPlaylist(long MediaSequence, double TargetDuration, string? MapUri, IReadOnlyList<string> Segments, IReadOnlyList<string> Lines);

    public static IReadOnlyList<Variant> ParseMaster(string text)
    {
        var lines = Lines(text);
        Assert.Equal("#EXTM3U", lines[0]);
        var variants = new List<Variant>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal))
            {
                variants.Add(new Variant(lines[i + 1], ParseAttributes(lines[i]["#EXT-X-STREAM-INF:".Length..])));
            }
        }

        return variants;
    }

    public static MediaPlaylist ParseMedia(string text)
    {
        var lines = Lines(text);
        Assert.Equal("#EXTM3U", lines[0]);
        long sequence = 0;
        double target = 0;
        string? map = null;
        var segments = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("#EXT-X-MEDIA-SEQUENCE:", StringComparison.Ordinal))
            {
                sequence = long.Parse(line["#EXT-X-MEDIA-SEQUENCE:".Length..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("#EXT-X-TARGETDURATION:", StringComparison.Ordinal))
            {
                target = double.Parse(line["#EXT-X-TARGETDURATION:".Length..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("#EXT-X-MAP:", StringComparison.Ordinal))
            {
                map = ParseAttributes(line["#EXT-X-MAP:".Length..])["URI"];
            }
            else if (!line.StartsWith('#'))
            {
                segments.Add(line);
            }
        }

        return new MediaPlaylist(sequence, target, map, segments, lines);
    }

    /// <summary>Downloads init + segment, writes them as one fragmented MP4 and returns ffprobe's video stream (width, height, codec).</summary>
    public static async Task<JsonElement> ProbeSegmentAsync(HttpClient client, Uri playlistUri, MediaPlaylist playlist, string segment)
    {
        var init = await client.GetByteArrayAsync(new Uri(playlistUri, playlist.MapUri));
        var media = await client.GetByteArrayAsync(new Uri(playlistUri, segment));
        var file = Path.Combine(Path.GetTempPath(), $"spectra-seg-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(file, [.. init, .. media]);
        try
        {
            var (exit, output, error) = await ExternalProcess.RunAsync(
                "ffprobe",
                ["-v", "error", "-count_frames", "-show_streams", "-of", "json", file],
                TimeSpan.FromSeconds(30));
            Assert.True(exit == 0, $"ffprobe failed on {segment}: {error}");
            using var json = JsonDocument.Parse(output);
            foreach (var stream in json.RootElement.GetProperty("streams").EnumerateArray())
            {
                if (stream.GetProperty("codec_type").GetString() == "video")
                {
                    return stream.Clone();
                }
            }

            throw new Xunit.Sdk.XunitException($"No video stream in {segment}: {output}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static IReadOnlyDictionary<string, string> ParseAttributes(string list)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < list.Length)
        {
            var eq = list.IndexOf('=', i);
            var name = list[i..eq];
            string value;
            if (list[eq + 1] == '"')
            {
                var end = list.IndexOf('"', eq + 2);
                value = list[(eq + 2)..end];
                i = end + 1;
            }
            else
            {
                var end = list.IndexOf(',', eq + 1);
                end = end < 0 ? list.Length : end;
                value = list[(eq + 1)..end];
                i = end;
            }

            result[name] = value;
            if (i < list.Length && list[i] == ',')
            {
                i++;
            }
        }

        return result;
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];
}
