using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Spectra.Server.Infrastructure;

internal static class ForwardedHeadersHostingExtensions
{
    /// <summary>
    /// Believes X-Forwarded-For/-Proto from <see cref="HttpOptions.TrustedProxies"/> only (with none
    /// configured a client cannot choose its own address by sending the header), and treats every
    /// request as HTTPS when <see cref="HttpOptions.AssumeHttps"/> is set.
    /// </summary>
    public static WebApplication UseSpectraForwardedHeaders(this WebApplication app)
    {
        var http = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value;
        if (http.AssumeHttps)
        {
            app.Use((context, next) =>
            {
                context.Request.Scheme = Uri.UriSchemeHttps;
                return next(context);
            });
        }

        if (http.TrustedProxies.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // The defaults trust loopback; only what the operator listed is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in http.TrustedProxies)
        {
            HttpOptions.TryParseProxy(proxy, out var address, out var network);
            if (network is { } n)
            {
                options.KnownIPNetworks.Add(n);
            }
            else if (address is not null)
            {
                options.KnownProxies.Add(address);
            }
        }

        app.UseForwardedHeaders(options);
        return app;
    }
}
