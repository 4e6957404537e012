namespace Spectra.Server.Restreaming;

/// <summary>A new destination, from the dashboard form or the API.</summary>
/// <param name="Preset">"twitch", "youtube", "kick", or "custom" (or null) with <paramref name="ServerUrl"/>.</param>
/// <param name="ServerUrl">rtmp:// or rtmps:// URL with the application path; ignored for presets.</param>
/// <param name="StreamKey">The key the platform gave the creator.</param>
/// <param name="Name">A label; defaults to the preset's name or the URL's host.</param>
/// <param name="Enabled">Pushed while live; default true.</param>
internal sealed record RestreamDestinationInput(string? Preset, string? ServerUrl, string? StreamKey, string? Name, bool? Enabled);
