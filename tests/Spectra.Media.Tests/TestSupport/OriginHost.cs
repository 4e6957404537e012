using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectra.Media.Dash;
using Spectra.Media.Hls;

namespace Spectra.Media.Tests.TestSupport;

/// <summary>A real Kestrel server on 127.0.0.1 (ephemeral port) serving the HLS origin and DASH.</summary>
internal sealed class OriginHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OriginHost(WebApplication app, CollectingLoggerProvider logs, Uri address)
    {
        _app = app;
        Logs = logs;
        Address = address;
        Registry = app.Services.GetRequiredService<HlsStreamRegistry>();
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CollectingLoggerProvider Logs { get; }

    public Uri Address { get; }

    public HlsStreamRegistry Registry { get; }

    public HttpClient Client { get; }

    public static async Task<OriginHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSpectraHls();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapHlsOrigin();
        app.MapDashOrigin();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OriginHost(app, logs, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
