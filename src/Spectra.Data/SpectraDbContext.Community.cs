using Microsoft.EntityFrameworkCore;
using Spectra.Data.Entities.Community;

namespace Spectra.Data;

/// <summary>Community tables (follows and blocks are shared with chat): notifications, webhooks, schedule, posts, history, analytics, search.</summary>
public partial class SpectraDbContext
{
    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<NotificationMute> NotificationMutes => Set<NotificationMute>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<ScheduledShow> ScheduledShows => Set<ScheduledShow>();

    public DbSet<CommunityPost> CommunityPosts => Set<CommunityPost>();

    public DbSet<WatchHistoryEntry> WatchHistory => Set<WatchHistoryEntry>();

    public DbSet<ViewSession> ViewSessions => Set<ViewSession>();

    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    public DbSet<ViewerCountSample> ViewerCountSamples => Set<ViewerCountSample>();

    public DbSet<ChannelSearchDocument> ChannelSearchDocuments => Set<ChannelSearchDocument>();

    public DbSet<ChannelSearchKey> ChannelSearchKeys => Set<ChannelSearchKey>();

    public DbSet<SearchTermTrigram> SearchTermTrigrams => Set<SearchTermTrigram>();
}
