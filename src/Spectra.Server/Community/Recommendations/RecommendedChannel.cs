namespace Spectra.Server.Community.Recommendations;

/// <summary>A recommendation ready to show: the channel and a human explanation.</summary>
internal sealed record RecommendedChannel(
    Guid ChannelId,
    string Name,
    string Title,
    string? Category,
    bool IsLive,
    int Viewers,
    string Reason,
    string Explanation,
    string? BecauseOf);
