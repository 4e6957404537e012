using System.Net;
using Spectra.Rtmp;
using Spectra.Server.Accounts;
using Spectra.Server.Channels;
using Spectra.Server.Chat;
using Spectra.Server.Community;
using Spectra.Server.Events;
using Spectra.Server.Health;
using Spectra.Server.Infrastructure;
using Spectra.Server.Infrastructure.RateLimiting;
using Spectra.Server.Infrastructure.Tls;
using Spectra.Server.Live;
using Spectra.Server.Restreaming;
using Spectra.Server.Videos;

namespace Spectra.Server;

/// <summary>The whole server as a list of areas; Program.cs and the test host both use it.</summary>
public static class SpectraApplication
{
    public static WebApplicationBuilder AddSpectra(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSpectraListeners();
        builder.AddSpectraData();
        builder.AddSpectraEvents();
        builder.AddSpectraAccounts();
        builder.AddSpectraChannels();
        builder.AddSpectraApi();
        builder.AddSpectraRateLimiting();
        builder.AddSpectraHealth();
        builder.AddSpectraPages();
        builder.AddSpectraVideos();
        builder.AddSpectraLive();
        builder.AddSpectraChat();
        builder.AddSpectraCommunity();
        builder.AddSpectraRestreaming();
        return builder;
    }

    public static WebApplication UseSpectra(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSpectraForwardedHeaders();
        app.UseSpectraHttps();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSpectraSecurityHeaders();
        app.UseSpectraStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        // The chat hub and the notifications socket; 30 s pings keep idle proxies from closing them.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

        app.MapSpectraHealth();
        var api = app.MapSpectraApi();
        app.MapSpectraAccounts(api);
        app.MapSpectraChannels(api);
        app.MapSpectraLive(api);
        app.MapSpectraVideos(api);
        app.MapSpectraChat();
        app.MapSpectraCommunity(api);
        app.MapSpectraRestreaming(api);
        app.MapSpectraPages();
        return app;
    }

    /// <summary>
    /// HTTP on Http:Address/Http:Port; RTMP on the same address and Ingest:RtmpPort (0 disables RTMP);
    /// HTTPS on Http:HttpsPort and RTMPS on Ingest:RtmpsPort when set (0 = off).
    /// </summary>
    private static void AddSpectraListeners(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddSpectraTls();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var http = context.Configuration.GetSection(HttpOptions.SectionName).Get<HttpOptions>() ?? new HttpOptions();
            var ingest = context.Configuration.GetSection(IngestOptions.SectionName).Get<IngestOptions>() ?? new IngestOptions();
            Listen(kestrel, http.Address, http.Port, null);
            if (ingest.RtmpPort != 0)
            {
                Listen(kestrel, http.Address, ingest.RtmpPort, static l => l.UseRtmp());
            }

            kestrel.ListenTls(http, ingest, (k, port, configure) => Listen(k, http.Address, port, configure));

            kestrel.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
        });
    }

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, string address, int port, Action<Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions>? configure)
    {
        configure ??= static _ => { };
        switch (address)
        {
            case "*":
                kestrel.ListenAnyIP(port, configure);
                break;
            case "localhost":
                kestrel.ListenLocalhost(port, configure);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(address), port, configure);
                break;
        }
    }
}
