using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Infrastructure;
using Spectra.Storage;

namespace Spectra.Server.Channels;

/// <summary>
/// Channel avatars in the object store under "avatars/{channelId:N}" (on local disk: {data}/avatars/...).
/// An upload is checked (size, signature, pixel size) before anything is written; the store's atomic
/// write means a failed upload never leaves half an image.
/// </summary>
internal sealed partial class AvatarStore(SpectraDbContext db, IOptions<AvatarOptions> options, IObjectStore store, TimeProvider time, ILogger<AvatarStore> logger)
{
    public async Task<OperationResult<Channel>> SaveAsync(Channel channel, Stream content, long? declaredLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(content);
        var max = options.Value.MaxBytes;
        if (declaredLength > max)
        {
            return TooLarge(channel, max);
        }

        // Read at most max + 1 bytes: enough to know the upload is too large without buffering more.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return TooLarge(channel, max);
            }
        }

        if (buffer.Length == 0)
        {
            return OperationResult<Channel>.Failure("Avatar", "Choose an image file.");
        }

        var info = ImageSniffer.Identify(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (info is null)
        {
            LogRejected(logger, channel.Id, "not an image");
            return OperationResult<Channel>.Failure("Avatar", "The file is not a PNG, JPEG, GIF or WebP image.");
        }

        if (info.Value.Width > options.Value.MaxDimension || info.Value.Height > options.Value.MaxDimension)
        {
            LogRejected(logger, channel.Id, "too many pixels");
            return OperationResult<Channel>.Failure("Avatar", $"Images are at most {options.Value.MaxDimension}×{options.Value.MaxDimension} pixels.");
        }

        buffer.Position = 0;
        await store.WriteAsync(KeyFor(channel.Id), buffer, cancellationToken);

        channel.AvatarContentType = info.Value.ContentType;
        channel.AvatarVersion++;
        channel.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<Channel>.Success(channel);
    }

    /// <summary>The avatar's object key; the URL is /avatars/{owner name} (ChannelDtoMapping).</summary>
    public static string KeyFor(Guid channelId) => "avatars/" + channelId.ToString("N");

    private OperationResult<Channel> TooLarge(Channel channel, int max)
    {
        LogRejected(logger, channel.Id, "too large");
        return OperationResult<Channel>.Failure("Avatar", $"Images are at most {max / 1024} KiB.");
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Avatar upload for channel {ChannelId} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, Guid channelId, string reason);
}
