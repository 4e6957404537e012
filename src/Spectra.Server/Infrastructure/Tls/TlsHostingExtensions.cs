using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Spectra.Rtmp;

namespace Spectra.Server.Infrastructure.Tls;

/// <summary>HTTPS on Http:HttpsPort and RTMPS on Ingest:RtmpsPort with one reloaded certificate; redirect and HSTS.</summary>
internal static class TlsHostingExtensions
{
    public static void AddSpectraTls(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TlsOptions>().BindConfiguration(TlsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (!IsEnabled(builder.Configuration))
        {
            return;
        }

        builder.Services.AddSingleton<ServerCertificate>();
        builder.Services.AddHostedService<ServerCertificateReloader>();
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<HttpOptions>>((o, http) => o.MaxAge = http.Value.HstsMaxAge);
        builder.Services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<HttpOptions>>((o, http) => o.HttpsPort = http.Value.HttpsPort);
    }

    /// <summary>
    /// The TLS endpoints; resolving the certificate here stops the start with a message naming the setting
    /// when it is missing or does not load.
    /// </summary>
    public static void ListenTls(this KestrelServerOptions kestrel, HttpOptions http, IngestOptions ingest, Action<KestrelServerOptions, int, Action<ListenOptions>> listen)
    {
        if (http.HttpsPort == 0 && ingest.RtmpsPort == 0)
        {
            return;
        }

        var certificate = kestrel.ApplicationServices.GetRequiredService<ServerCertificate>();
        var logger = kestrel.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TlsListenOptionsExtensions));
        if (http.HttpsPort != 0)
        {
            listen(kestrel, http.HttpsPort, l => l.UseSpectraTls(certificate, logger));
        }

        if (ingest.RtmpsPort != 0)
        {
            listen(kestrel, ingest.RtmpsPort, l => l.UseSpectraTls(certificate, logger).UseRtmp());
        }
    }

    /// <summary>With HTTPS on: HSTS on HTTPS responses and plain HTTP redirected, as <see cref="HttpOptions"/> says.</summary>
    public static WebApplication UseSpectraHttps(this WebApplication app)
    {
        var http = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value;
        if (http.HttpsPort == 0)
        {
            return app;
        }

        if (http.HstsMaxAge > TimeSpan.Zero)
        {
            app.UseHsts();
        }

        if (http.RedirectToHttps)
        {
            app.UseHttpsRedirection();
        }

        return app;
    }

    private static bool IsEnabled(IConfiguration configuration)
    {
        var http = configuration.GetSection(HttpOptions.SectionName).Get<HttpOptions>() ?? new HttpOptions();
        var ingest = configuration.GetSection(IngestOptions.SectionName).Get<IngestOptions>() ?? new IngestOptions();
        return http.HttpsPort != 0 || ingest.RtmpsPort != 0;
    }
}
