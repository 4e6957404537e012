namespace Spectra.Data.Entities.Community;

/// <summary>Stored as an integer; keep the numbers stable.</summary>
public enum NotificationKind
{
    StreamOnline = 0,
    ScheduledShowStarting = 1,
    CommunityPost = 2,
}
