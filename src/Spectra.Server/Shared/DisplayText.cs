using System.Globalization;

namespace Spectra.Server.Shared;

/// <summary>Counts and durations as pages show them: "1 viewer", "1,204 viewers", "2 min", "1 h 05 min".</summary>
/// <remarks>English text with invariant number formatting, like the pages; the scripts that update counts in place
/// say the same (viewersText in ClientApp/src/live/live-events.js, plural in ClientApp/src/chat/render.js).</remarks>
internal static class DisplayText
{
    /// <summary>"1 follower", "0 followers", "12,345 followers".</summary>
    public static string Count(long count, string one, string many) =>
        count == 1 ? "1 " + one : count.ToString("N0", CultureInfo.InvariantCulture) + " " + many;

    /// <summary>
    /// A duration for people: seconds below a minute ("45 s"), minutes below an hour ("2 min"), then hours
    /// and two-digit minutes ("1 h 05 min", "26 h 00 min"). Rounded to the nearest second or minute;
    /// zero and negative durations are "0 min".
    /// </summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0 min";
        }

        var seconds = (long)Math.Round(duration.TotalSeconds, MidpointRounding.AwayFromZero);
        if (seconds < 60)
        {
            return seconds.ToString(CultureInfo.InvariantCulture) + " s";
        }

        var minutes = (long)Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero);
        if (minutes < 60)
        {
            return minutes.ToString(CultureInfo.InvariantCulture) + " min";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:00} min");
    }
}
