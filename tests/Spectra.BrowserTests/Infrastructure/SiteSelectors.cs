namespace Spectra.BrowserTests.Infrastructure;

/// <summary>The CSS selectors the browser tests rely on: the contract between the pages and the tests, in one place.</summary>
public static class SiteSelectors
{
    /// <summary>The player container; data-state is "live" or "offline".</summary>
    public const string Player = "#player";

    public const string LivePlayer = "#player[data-state='live']";

    /// <summary>The box of the player that the video and its controls sit in.</summary>
    public const string PlayerFrame = ".player-frame";

    public const string PlayerVideo = "video.player-video";

    /// <summary>A chat panel (channel page, pop-out); data-state is "connecting" until it joined the channel.</summary>
    public const string Chat = "[data-spectra-chat]";

    /// <summary>The chat panel beside or below the player on the channel page.</summary>
    public const string ChannelChat = ".chat";

    public const string SiteHeader = ".site-header";

    /// <summary>The header's menu button on narrow screens (aria-expanded tells whether the menu is open).</summary>
    public const string MenuButton = ".site-menu-button";

    /// <summary>
    /// Text and pictures that change from one run to the next (the video, thumbnails, counters, durations,
    /// times, charts, stream health, the ingest address (its port is free-picked), chat messages, the quality the player picked): masked in visual comparisons.
    /// </summary>
    public static readonly IReadOnlyList<string> Volatile =
    [
        ".player-video", ".player-message", ".pc-select", ".pc-live", "img.live-thumb", ".live-viewers",
        "time", "[data-role='viewers']", "[data-role='channel-viewers']", "[data-role='messages']",
        ".stream-health", "#ingest-server", "#ingest-url", "#stream-key",
        ".community-figures dd", ".community-chart", ".community-table td",
    ];
}
