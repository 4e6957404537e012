using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Spectra.Storage;

/// <summary>The one way stored objects reach HTTP clients.</summary>
public static class ObjectStoreResults
{
    /// <summary>
    /// The object as a response of <paramref name="contentType"/>, or 404 when there is none: range requests
    /// (206, 416), ETag and Last-Modified with their conditional requests (304, 412), and HEAD, all from
    /// ASP.NET Core's file results over the store's seekable stream. Caching headers are the caller's, set
    /// when the result is a <see cref="FileStreamHttpResult"/>.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, NotFound>> ServeAsync(IObjectStore store, string key, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.OpenReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return TypedResults.NotFound();
        }

        // The result disposes the stream once the response is written.
        return TypedResults.Stream(
            stored.Content,
            contentType,
            lastModified: stored.Info.LastModified,
            entityTag: EntityTagHeaderValue.Parse(stored.Info.ETag),
            enableRangeProcessing: true);
    }
}
