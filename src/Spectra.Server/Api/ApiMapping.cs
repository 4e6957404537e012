using Spectra.Data.Entities.Channels;

namespace Spectra.Server.Api;

internal static class ApiMapping
{
    public static CategoryDto ToDto(this Category category) => new(category.Slug, category.Name);

    public static ChannelDto ToDto(this Channel channel) => new(
        channel.Owner.UserName,
        channel.Title,
        channel.Category?.ToDto(),
        channel.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
        channel.Description,
        AvatarUrl(channel),
        "/" + channel.Owner.UserName,
        channel.UpdatedAt);

    public static string? AvatarUrl(Channel channel) =>
        channel.AvatarContentType is null ? null : $"/avatars/{channel.Owner.UserName}?v={channel.AvatarVersion}";
}
