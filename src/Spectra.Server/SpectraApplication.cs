using System.Net;
using Spectra.Server.Accounts;
using Spectra.Server.Api;
using Spectra.Server.Channels;
using Spectra.Server.Chat;
using Spectra.Server.Events;
using Spectra.Server.Health;
using Spectra.Server.Infrastructure;

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
        builder.AddSpectraHealth();
        builder.AddSpectraPages();
        builder.AddSpectraChat();
        return builder;
    }

    public static WebApplication UseSpectra(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSpectraSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapSpectraHealth();
        app.MapSpectraApi();
        app.MapAvatars();
        app.MapSpectraChat();
        app.MapSpectraPages();
        return app;
    }

    /// <summary>HTTP on Http:Address/Http:Port; RTMP on Ingest:RtmpPort (reserved; the ingest server binds it).</summary>
    private static void AddSpectraListeners(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var http = context.Configuration.GetSection(HttpOptions.SectionName).Get<HttpOptions>() ?? new HttpOptions();
            switch (http.Address)
            {
                case "*":
                    kestrel.ListenAnyIP(http.Port);
                    break;
                case "localhost":
                    kestrel.ListenLocalhost(http.Port);
                    break;
                default:
                    kestrel.Listen(IPAddress.Parse(http.Address), http.Port);
                    break;
            }

            kestrel.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
        });
    }
}
