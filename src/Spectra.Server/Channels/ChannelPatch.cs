namespace Spectra.Server.Channels;

/// <summary>PATCH body: absent or null fields are left unchanged; an empty category clears it.</summary>
internal sealed record ChannelPatch(string? Title, string? Category, IReadOnlyList<string>? Tags, string? Description);
