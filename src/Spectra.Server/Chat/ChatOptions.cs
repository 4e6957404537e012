using System.ComponentModel.DataAnnotations;
using Spectra.Server.Chat.Internal.Limits;

namespace Spectra.Server.Chat;

/// <summary>Chat and audience-interaction settings, bound from the "Chat" configuration section.</summary>
internal sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>Messages shown on join (the issue asks for the last 50).</summary>
    [Range(1, 500)]
    public int HistorySize { get; set; } = 50;

    /// <summary>Most messages sent back when a client resumes with a sequence number.</summary>
    [Range(1, 5000)]
    public int ResumeLimit { get; set; } = 200;

    /// <summary>Largest hub frame accepted, in bytes; larger frames close the connection (SignalR MaximumReceiveMessageSize).</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxFrameBytes { get; set; } = 16 * 1024;

    /// <summary>Channels one connection may join at once.</summary>
    [Range(1, 100)]
    public int MaxChannelsPerConnection { get; set; } = 5;

    /// <summary>
    /// Messages to one channel posted within this window after a broadcast are sent together in
    /// one frame; a message arriving after a quiet window goes out at once. 0 sends every
    /// message alone. Milliseconds.
    /// </summary>
    [Range(0, 1000)]
    public int FanOutBatchMilliseconds { get; set; } = 40;

    /// <summary>Interval of reaction bursts in milliseconds.</summary>
    [Range(50, 5000)]
    public int ReactionBurstMilliseconds { get; set; } = 250;

    /// <summary>Interval of viewer-count pushes in milliseconds.</summary>
    [Range(250, 60000)]
    public int PresenceIntervalMilliseconds { get; set; } = 3000;

    /// <summary>Per signed-in user and hub method, except the methods listed in <see cref="MethodLimits"/>.</summary>
    public RateLimitRule UserLimit { get; set; } = new(20, 5);

    /// <summary>Per client address across all hub methods.</summary>
    public RateLimitRule AddressLimit { get; set; } = new(200, 100);

    /// <summary>
    /// JoinChannel by anonymous callers, per client address. Generous: a crowd behind one address (a
    /// school, a company, a carrier's NAT) opens the channel page at the same moment; the page's script
    /// retries a throttled join after the wait the refusal names.
    /// </summary>
    public RateLimitRule AnonymousJoinLimit { get; set; } = new(100, 20);

    /// <summary>
    /// Distinct anonymous viewers (viewer cookie or connection) one client address adds to a channel's
    /// viewer count; its further anonymous connections count as one more. Keeps made-up viewer cookies
    /// from inflating counts while a crowd behind one address still counts. Default 100. Chat__MaxAnonymousViewersPerAddress.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxAnonymousViewersPerAddress { get; set; } = 100;

    /// <summary>Per user (or per address when anonymous) limits of specific hub methods.</summary>
    public Dictionary<string, RateLimitRule> MethodLimits { get; set; } = new(StringComparer.Ordinal)
    {
        ["SendMessage"] = new(5, 1),
        ["React"] = new(20, 10),
        ["JoinChannel"] = new(10, 2),
        ["AskQuestion"] = new(3, 0.1),
        ["ReportMessage"] = new(5, 0.2),
    };
}
