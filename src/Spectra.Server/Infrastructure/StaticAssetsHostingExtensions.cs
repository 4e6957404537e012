using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Spectra.Server.Infrastructure;

/// <summary>
/// Static files from wwwroot. The client bundle under /dist is built with a Brotli (.br) and a gzip (.gz)
/// copy of every script and stylesheet (ClientApp/scripts/build.mjs); a browser that accepts one gets it
/// instead of the original, with the original's content type. Versioned URLs (?v=, from asp-append-version)
/// and content-hashed chunk and font names are cached for a year; anything else is revalidated.
/// </summary>
internal static class StaticAssetsHostingExtensions
{
    private static readonly PathString Dist = "/dist";
    private static readonly PathString[] Hashed = ["/dist/chunks", "/dist/fonts"];

    public static WebApplication UseSpectraStaticFiles(this WebApplication app)
    {
        var files = app.Environment.WebRootFileProvider;
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        app.Use((context, next) =>
        {
            ServePrecompressed(context, files);
            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new PrecompressedContentTypes(types),
            OnPrepareResponse = static context => PrepareResponse(context.Context),
        });
        return app;
    }

    private static void ServePrecompressed(HttpContext context, IFileProvider files)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(Dist)
            || request.Path.Value is not { } path
            || !(path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".css", StringComparison.Ordinal)))
        {
            return;
        }

        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        var encoding = PreferredEncoding(request.Headers.AcceptEncoding);
        if (encoding is null)
        {
            return;
        }

        var suffix = encoding == "br" ? ".br" : ".gz";
        if (files.GetFileInfo(path + suffix).Exists)
        {
            request.Path = path + suffix;
            context.Response.Headers.ContentEncoding = encoding;
        }
    }

    /// <summary>"br" when accepted, else "gzip" when accepted, else null (q=0 refuses a coding).</summary>
    internal static string? PreferredEncoding(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return null;
        }

        string? best = null;
        foreach (var coding in codings)
        {
            if (coding.Quality is 0)
            {
                continue;
            }

            if (coding.Value.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                return "br";
            }

            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                best = "gzip";
            }
        }

        return best;
    }

    private static void PrepareResponse(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (context.Response.Headers.ContentEncoding.Count == 0 && path.StartsWith(Dist.Value!, StringComparison.Ordinal))
        {
            // A compressed copy asked for by its own name: still label it as what it is.
            if (path.EndsWith(".br", StringComparison.Ordinal))
            {
                context.Response.Headers.ContentEncoding = "br";
            }
            else if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                context.Response.Headers.ContentEncoding = "gzip";
            }
        }

        var immutable = request.Query.ContainsKey("v") || Array.Exists(Hashed, p => request.Path.StartsWithSegments(p));
        context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
    }

    /// <summary>Content types by extension, looking through a trailing .br or .gz.</summary>
    private sealed class PrecompressedContentTypes(FileExtensionContentTypeProvider inner) : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            if (subpath.EndsWith(".br", StringComparison.Ordinal) || subpath.EndsWith(".gz", StringComparison.Ordinal))
            {
                return inner.TryGetContentType(subpath[..^3], out contentType!);
            }

            return inner.TryGetContentType(subpath, out contentType!);
        }
    }
}
