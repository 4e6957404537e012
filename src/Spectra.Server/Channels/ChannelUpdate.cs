namespace Spectra.Server.Channels;

/// <summary>Fields a channel owner may change. Null leaves a field unchanged.</summary>
public sealed record ChannelUpdate(string? Title, string? CategorySlug, IReadOnlyList<string>? Tags, string? Description);
