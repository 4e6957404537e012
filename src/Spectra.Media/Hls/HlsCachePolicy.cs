using System.Globalization;

namespace Spectra.Media.Hls;

/// <summary>
/// Cache-Control values of the origin.
/// <list type="bullet">
/// <item>Segments and generation-keyed init segments: their URLs never name other bytes (sequence
/// numbers start at the window's Unix-ms epoch and only grow; init URLs carry first sequence and
/// generation), so they are immutable for a year.</item>
/// <item>Playlists: half the target duration, at least 1 s (HTTP's resolution). A caching edge
/// then asks the origin at most once a second per rendition however many players poll it, and a
/// player sees the live edge at most max-age late; 0 would send every poll to the origin.</item>
/// </list>
/// </summary>
internal static class HlsCachePolicy
{
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Thumbnails change every few seconds.</summary>
    public const string Thumbnail = "public, max-age=5";

    /// <summary>Errors (unknown channel, expired segment) are not cached.</summary>
    public const string NoStore = "no-store";

    private static readonly string[] PlaylistValues = CreatePlaylistValues();

    /// <summary>Cache-Control of a playlist whose EXT-X-TARGETDURATION is <paramref name="targetDurationSeconds"/>.</summary>
    public static string ForPlaylist(int targetDurationSeconds)
    {
        var maxAge = Math.Max(1, targetDurationSeconds / 2);
        return maxAge < PlaylistValues.Length ? PlaylistValues[maxAge] : "public, max-age=" + maxAge.ToString(CultureInfo.InvariantCulture);
    }

    private static string[] CreatePlaylistValues()
    {
        var values = new string[8];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = "public, max-age=" + i.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
