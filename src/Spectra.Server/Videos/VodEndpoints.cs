using System.Globalization;
using Microsoft.Net.Http.Headers;
using Spectra.Media.Recording;
using Spectra.Server.Videos.Internal;
using Spectra.Storage;

namespace Spectra.Server.Videos;

/// <summary>
/// The VOD origin: <c>/vod/{id}/master.m3u8</c>, <c>/vod/{id}/{rendition}/index.m3u8</c> and the stored init
/// and media segments beside them, for ready videos the requester may watch (others: 404). Playlists come
/// from memory (<see cref="VodCatalog"/>); segments stream from the object store with range support.
/// Only segments the recording's journal lists are served: keys are built from them, never from the URL.
/// </summary>
internal static class VodEndpoints
{
    private const string PlaylistContentType = "application/vnd.apple.mpegurl";
    private const string PublicMedia = "public, max-age=31536000, immutable";
    private const string PrivateMedia = "private, max-age=3600";

    public static IEndpointRouteBuilder MapVod(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/vod/{videoId:guid}").ExcludeFromDescription();
        group.MapMethods("master.m3u8", ["GET", "HEAD"], MasterAsync);
        group.MapMethods("poster.jpg", ["GET", "HEAD"], PosterAsync);
        group.MapMethods("{rendition}/index.m3u8", ["GET", "HEAD"], MediaPlaylistAsync);
        group.MapMethods("{rendition}/{file}", ["GET", "HEAD"], FileAsync);
        endpoints.MapGet("/videos/{videoId:guid}/download/{rendition}.mp4", DownloadAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> MasterAsync(Guid videoId, HttpContext http, VideoService videos, VodCatalog catalog, CancellationToken cancellationToken)
    {
        var (entry, _) = await OpenAsync(videoId, http, videos, catalog, cancellationToken);
        return entry is null ? NotFound() : Playlist(http, entry.Master);
    }

    private static async Task<IResult> MediaPlaylistAsync(Guid videoId, string rendition, HttpContext http, VideoService videos, VodCatalog catalog, CancellationToken cancellationToken)
    {
        var (entry, _) = await OpenAsync(videoId, http, videos, catalog, cancellationToken);
        return entry is not null && entry.Renditions.TryGetValue(rendition, out var found) ? Playlist(http, found.Playlist) : NotFound();
    }

    private static async Task<IResult> FileAsync(Guid videoId, string rendition, string file, HttpContext http, VideoService videos, VodCatalog catalog, IObjectStore store, CancellationToken cancellationToken)
    {
        var (entry, isPrivate) = await OpenAsync(videoId, http, videos, catalog, cancellationToken);
        if (entry is null || !entry.Renditions.TryGetValue(rendition, out var found))
        {
            return NotFound();
        }

        string key;
        string contentType;
        if (file.EndsWith(".m4s", StringComparison.Ordinal)
            && long.TryParse(file.AsSpan(0, file.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && found.Sequences.Contains(sequence))
        {
            key = RecordingKeys.Segment(videoId, found.Rendition.Name, sequence);
            contentType = "video/iso.segment";
        }
        else if (file.StartsWith("init-", StringComparison.Ordinal) && file.EndsWith(".mp4", StringComparison.Ordinal)
            && found.InitKeys.TryGetValue(file[5..^4], out var initKey))
        {
            key = RecordingKeys.Init(videoId, found.Rendition.Name, initKey);
            contentType = "video/mp4";
        }
        else
        {
            return NotFound();
        }

        var stored = await store.OpenReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        http.Response.Headers.CacheControl = isPrivate ? PrivateMedia : PublicMedia;
        return TypedResults.Stream(stored.Content, contentType, entityTag: new EntityTagHeaderValue(stored.Info.ETag.StartsWith('"') ? stored.Info.ETag : $"\"{stored.Info.ETag}\""),
            enableRangeProcessing: true);
    }

    /// <summary>The video's poster, or a neutral placeholder picture while it has none.</summary>
    private static async Task<IResult> PosterAsync(Guid videoId, HttpContext http, VideoService videos, IObjectStore store, CancellationToken cancellationToken)
    {
        var playback = await videos.GetPlaybackAsync(videoId, http.User, cancellationToken);
        if (!playback.MayPlay)
        {
            return NotFound();
        }

        var stored = await store.OpenReadAsync(RecordingKeys.Poster(videoId), cancellationToken);
        if (stored is null)
        {
            http.Response.Headers.CacheControl = "public, max-age=60";
            return TypedResults.Bytes(PlaceholderPoster, "image/svg+xml");
        }

        http.Response.Headers.CacheControl = playback.IsPrivate ? PrivateMedia : "public, max-age=86400";
        return TypedResults.Stream(stored.Content, "image/jpeg", enableRangeProcessing: true);
    }

    private static readonly byte[] PlaceholderPoster = System.Text.Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 9\"><rect width=\"16\" height=\"9\" fill=\"#1d1d27\"/><path d=\"M6.5 2.75v3.5L9.5 4.5z\" fill=\"#b0b0bb\"/></svg>");

    /// <summary>The rendition as one MP4 file (made on the first request; copy only, never re-encoded).</summary>
    private static async Task<IResult> DownloadAsync(Guid videoId, string rendition, HttpContext http, VideoService videos, VideoDownloads downloads, CancellationToken cancellationToken)
    {
        var video = await videos.GetAsync(videoId, http.User, cancellationToken);
        if (video is null || video.Status != Data.Entities.Videos.VideoStatus.Ready)
        {
            return NotFound();
        }

        var stored = await downloads.OpenAsync(videoId, rendition, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        http.Response.Headers.CacheControl = video.Visibility == Data.Entities.Videos.VideoVisibility.Private ? PrivateMedia : "public, max-age=3600";
        var name = string.Create(CultureInfo.InvariantCulture, $"{video.ChannelName}-{video.StartedAt:yyyy-MM-dd-HHmm}-{rendition}.mp4");
        return TypedResults.Stream(stored.Content, "video/mp4", fileDownloadName: name, enableRangeProcessing: true);
    }

    /// <summary>The loaded recording if the requester may play it (null otherwise), and whether it is private.</summary>
    private static async Task<(VodEntry? Entry, bool IsPrivate)> OpenAsync(Guid videoId, HttpContext http, VideoService videos, VodCatalog catalog, CancellationToken cancellationToken)
    {
        var (mayPlay, isPrivate) = await videos.GetPlaybackAsync(videoId, http.User, cancellationToken);
        return mayPlay ? (await catalog.GetAsync(videoId, cancellationToken), isPrivate) : (null, false);
    }

    private static IResult Playlist(HttpContext http, byte[] body)
    {
        // Closed recordings do not change; a short max-age still lets an edit (visibility) take effect soon.
        http.Response.Headers.CacheControl = "private, max-age=60";
        return TypedResults.Bytes(body, PlaylistContentType);
    }

    private static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such video, or not yours to watch.");
}
