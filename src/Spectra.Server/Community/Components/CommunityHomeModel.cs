using Spectra.Server.Community.Discovery;
using Spectra.Server.Community.Recommendations;

namespace Spectra.Server.Community.Components;

internal sealed record CommunityHomeModel(
    bool SignedIn,
    IReadOnlyList<ChannelCard> FollowedLive,
    IReadOnlyList<RecommendedChannel> Recommended,
    IReadOnlyList<CategoryCard> Categories);
