using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Live;
using Spectra.Media;
using Spectra.Server.Live;

namespace Spectra.Server.Channels;

internal static class ApiMapping
{
    public static CategoryDto ToDto(this Category category) => new(category.Slug, category.Name);

    public static ChannelDto ToDto(this Channel channel, StreamSession? liveSession = null) => new(
        channel.Owner.UserName,
        channel.Title,
        channel.Category?.ToDto(),
        channel.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
        channel.Description,
        AvatarUrl(channel),
        "/" + channel.Owner.UserName,
        channel.UpdatedAt,
        liveSession is not null,
        liveSession?.ToDto(channel.Owner.UserName));

    public static LiveSessionDto ToDto(this StreamSession session, string channelName) => new(
        session.Id,
        DateTime.SpecifyKind(session.StartedAt, DateTimeKind.Utc),
        MediaUrls.MasterPlaylist(channelName),
        MediaUrls.Thumbnail(channelName),
        session.VideoCodec,
        session.Width,
        session.Height,
        session.FrameRate);

    public static string? AvatarUrl(Channel channel) =>
        channel.AvatarContentType is null ? null : $"/avatars/{channel.Owner.UserName}?v={channel.AvatarVersion}";
}
