namespace Spectra.Server.Community.Webhooks;

internal static class WebhookEventTypes
{
    public const string StreamOnline = "stream.online";
    public const string StreamOffline = "stream.offline";
    public const string ChannelFollow = "channel.follow";

    public static readonly IReadOnlyList<string> All = [StreamOnline, StreamOffline, ChannelFollow];
}
