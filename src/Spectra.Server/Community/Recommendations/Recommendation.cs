namespace Spectra.Server.Community.Recommendations;

/// <summary>
/// A recommended channel, its blended score and why: <see cref="BecauseOfChannelId"/> is set for the
/// collaborative reasons, <see cref="BecauseOfCategoryId"/> for category affinity.
/// </summary>
internal sealed record Recommendation(
    Guid ChannelId,
    double Score,
    RecommendationReasonKind Reason,
    Guid? BecauseOfChannelId,
    int? BecauseOfCategoryId);
