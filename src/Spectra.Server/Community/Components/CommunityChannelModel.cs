using Spectra.Server.Community.Posts;
using Spectra.Server.Community.Schedule;

namespace Spectra.Server.Community.Components;

internal sealed record CommunityChannelModel(
    ChannelRef Channel,
    Guid? UserId,
    bool IsOwner,
    bool Following,
    bool Muted,
    bool Blocking,
    int Followers,
    IReadOnlyList<ScheduledShowInfo> Schedule,
    IReadOnlyList<PostInfo> Posts);
