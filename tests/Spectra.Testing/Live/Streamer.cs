namespace Spectra.Testing.Live;

/// <summary>A test user with a channel: its name, id, stream key and personal access token.</summary>
public sealed record Streamer(string Name, Guid ChannelId, string StreamKey, string Token);
