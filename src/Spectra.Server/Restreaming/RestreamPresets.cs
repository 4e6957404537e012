namespace Spectra.Server.Restreaming;

/// <summary>The ingest servers a creator can pick instead of typing a URL.</summary>
internal static class RestreamPresets
{
    public const string Custom = "custom";

    public static IReadOnlyList<RestreamPreset> All { get; } =
    [
        new("twitch", "Twitch", "rtmp://live.twitch.tv/app"),
        new("youtube", "YouTube", "rtmp://a.rtmp.youtube.com/live2"),
        new("kick", "Kick", "rtmps://fa723fc1b171.global-contribute.live-video.net/app"),
    ];

    public static RestreamPreset? Find(string? id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
}

/// <param name="Id">Stable id used in forms and the API ("twitch").</param>
/// <param name="Name">Shown name and default destination name.</param>
/// <param name="ServerUrl">The platform's ingest server.</param>
internal sealed record RestreamPreset(string Id, string Name, string ServerUrl);
