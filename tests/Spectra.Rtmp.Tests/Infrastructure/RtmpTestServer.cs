using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Spectra.Rtmp.Tests.Infrastructure;

/// <summary>
/// A real Kestrel host serving RTMP on 127.0.0.1 and a free port, with a test publish handler. Disposing it fails the
/// test when anything was logged at error level (unless the test declared it expected).
/// </summary>
public sealed class RtmpTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RtmpTestServer(WebApplication app, TestLogCollector logs, TestPublishHandler handler, int port)
    {
        _app = app;
        Logs = logs;
        Handler = handler;
        Port = port;
    }

    public TestLogCollector Logs { get; }

    public TestPublishHandler Handler { get; }

    public int Port { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Error-level entries a test provokes on purpose; anything else fails the test at dispose.</summary>
    public Func<TestLogCollector.LogEntry, bool> ExpectedError { get; set; } = _ => false;

    /// <summary>
    /// Strings that must appear in no log entry, besides the handler's keys and the stream names it was asked for:
    /// tokens a test put in a query string, for example.
    /// </summary>
    public ConcurrentBag<string> Secrets { get; } = [];

    public string Url(string path) => $"rtmp://127.0.0.1:{Port}/{path}";

    public static async Task<RtmpTestServer> StartAsync(TestPublishHandler handler, Action<RtmpOptions>? configure = null, LogLevel minimumLevel = LogLevel.Debug, IRtmpPlayHandler? playHandler = null)
    {
        var logs = new TestLogCollector();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Services.AddSingleton<IRtmpPublishHandler>(handler);
        if (playHandler is not null)
        {
            builder.Services.AddSingleton(playHandler);
        }
        builder.Services.AddSpectraRtmp(configure);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseRtmp()));
        var app = builder.Build();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = int.Parse(address[(address.LastIndexOf(':') + 1)..].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
        return new RtmpTestServer(app, logs, handler, port);
    }

    public async ValueTask DisposeAsync()
    {
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await _app.StopAsync(cts.Token);
        }

        await _app.DisposeAsync();
        var unexpected = Logs.Errors().Where(e => !ExpectedError(e)).ToList();
        Assert.True(unexpected.Count == 0, "Unexpected error logs:\n" + string.Join("\n", unexpected));

        var leaks = Logs.Containing([.. Secrets, .. Handler.Secrets]);
        Assert.True(leaks.Count == 0, "Stream keys in the log:\n" + string.Join("\n", leaks));
    }
}
