namespace Spectra.Server.Channels;

/// <summary>Fields a channel owner may change. Null leaves a field unchanged.</summary>
internal sealed record ChannelUpdate(string? Title, string? CategorySlug, IReadOnlyList<string>? Tags, string? Description);
