namespace Spectra.BrowserTests.Experience;

/// <summary>Who can open a page: anyone, or only a signed-in user (signed out it redirects to sign-in).</summary>
public enum PageAccess
{
    Anyone,
    SignedIn,
    SignedOutOnly,
}

/// <summary>A page of the site as the experience tests open it, on the data <see cref="ExperienceSite"/> arranges.</summary>
/// <param name="Name">Short stable name, used in test case names and baseline file names.</param>
/// <param name="Path">Path and query from the site root.</param>
public sealed record SitePage(string Name, string Path, PageAccess Access)
{
    public static readonly SitePage Home = new("home", "/", PageAccess.Anyone);
    public static readonly SitePage Categories = new("categories", "/categories", PageAccess.Anyone);
    public static readonly SitePage Category = new("category", "/category/" + ExperienceSite.CategorySlug, PageAccess.Anyone);
    public static readonly SitePage Search = new("search", "/search?q=" + ExperienceSite.SearchTerm, PageAccess.Anyone);
    public static readonly SitePage ChannelLive = new("channel-live", "/" + ExperienceSite.LiveChannel, PageAccess.Anyone);
    public static readonly SitePage ChannelOffline = new("channel-offline", "/" + ExperienceSite.OfflineChannel, PageAccess.Anyone);
    public static readonly SitePage ChatPopout = new("chat-popout", $"/{ExperienceSite.LiveChannel}/chat", PageAccess.Anyone);
    public static readonly SitePage SignIn = new("sign-in", "/signin", PageAccess.SignedOutOnly);
    public static readonly SitePage SignUp = new("sign-up", "/signup", PageAccess.SignedOutOnly);
    public static readonly SitePage Settings = new("settings", "/settings", PageAccess.SignedIn);
    public static readonly SitePage Dashboard = new("dashboard", "/dashboard", PageAccess.SignedIn);
    public static readonly SitePage ChatSettings = new("chat-settings", "/dashboard/chat", PageAccess.SignedIn);
    public static readonly SitePage Moderation = new("moderation", "/dashboard/chat-moderation", PageAccess.SignedIn);
    public static readonly SitePage Analytics = new("analytics", "/dashboard/analytics", PageAccess.SignedIn);
    public static readonly SitePage CommunityManage = new("community-manage", "/dashboard/community", PageAccess.SignedIn);
    public static readonly SitePage Restream = new("restream", "/dashboard/restream", PageAccess.SignedIn);
    public static readonly SitePage Followers = new("followers", $"/{ExperienceSite.LiveChannel}/followers", PageAccess.Anyone);
    public static readonly SitePage Following = new("following", "/following", PageAccess.SignedIn);
    public static readonly SitePage Notifications = new("notifications", "/notifications", PageAccess.SignedIn);
    public static readonly SitePage History = new("history", "/history", PageAccess.SignedIn);
    public static readonly SitePage Schedule = new("schedule", "/schedule", PageAccess.Anyone);
    public static readonly SitePage Feed = new("feed", "/feed", PageAccess.SignedIn);
    public static readonly SitePage ChannelVideos = new("channel-videos", $"/{ExperienceSite.OfflineChannel}/videos", PageAccess.Anyone);
    public static readonly SitePage Video = new("video", ExperienceSite.PastBroadcastPath, PageAccess.Anyone);
    public static readonly SitePage DashboardVideos = new("dashboard-videos", "/dashboard/videos", PageAccess.SignedIn);

    public static readonly IReadOnlyList<SitePage> All =
    [
        Home, Categories, Category, Search, ChannelLive, ChannelOffline, ChatPopout, SignIn, SignUp, Settings, Dashboard,
        ChatSettings, Moderation, Analytics, CommunityManage, Followers, Following, Notifications, History, Schedule, Feed,
        ChannelVideos, Video, DashboardVideos, Restream,
    ];

    public static SitePage Named(string name) =>
        All.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"No page '{name}'.", nameof(name));

    /// <summary>Whether the page shows itself (rather than redirecting) to a visitor signed in or not.</summary>
    public bool OpensFor(bool signedIn) => Access switch
    {
        PageAccess.SignedIn => signedIn,
        PageAccess.SignedOutOnly => !signedIn,
        _ => true,
    };

    public override string ToString() => Name;
}
