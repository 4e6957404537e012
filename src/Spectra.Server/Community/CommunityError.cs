namespace Spectra.Server.Community;

/// <summary>Why a community operation was refused; mapped to problem details by the API and to messages by pages.</summary>
internal enum CommunityError
{
    None = 0,
    NotFound,
    FollowSelf,
    AlreadyFollowing,
    NotFollowing,
    Blocked,
    BlockSelf,
    AlreadyBlocked,
    Invalid,
    Forbidden,
    LimitReached,
}
