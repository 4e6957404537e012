namespace Spectra.Server.Chat;

/// <summary>SignalR group names.</summary>
internal static class ChatGroups
{
    /// <summary>Every connection that joined the channel's chat.</summary>
    public static string Channel(Guid channelId) => "c:" + channelId.ToString("N");
}
