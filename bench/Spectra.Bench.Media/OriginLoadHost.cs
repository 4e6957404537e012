using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Media.Hls;
using Spectra.Media.Packaging;

namespace Spectra.Bench.Media;

/// <summary>
/// The memory side of the HLS origin load test: packages a fragmented MP4 file into a window,
/// serves it with MapHlsOrigin on 127.0.0.1:{port} as channel "bench", rendition "720p", and exports
/// the same segments, init segment and playlist as files under {export}/hls/bench/720p for nginx.
/// </summary>
internal static class OriginLoadHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3)
        {
            await Console.Error.WriteLineAsync("usage: origin <fragmented.mp4> <port> <export-dir>");
            return 2;
        }

        var input = await File.ReadAllBytesAsync(args[0]);
        var port = int.Parse(args[1], CultureInfo.InvariantCulture);
        var export = args[2];
        var rendition = new RenditionInfo("720p", 1280, 720, 30, 3_000_000, 2_500_000, false);
        var options = new PackagerOptions { WindowSegmentCount = 12 };
        var window = new LiveWindow(12, 1000);
        var packager = new CmafPackager(rendition, window, options, TimeProvider.System, NullLogger<CmafPackager>.Instance);
        await packager.RunAsync(new MemoryStream(input, writable: false), CancellationToken.None);

        var directory = Path.Combine(export, "hls", "bench", "720p");
        Directory.CreateDirectory(directory);
        var snapshot = window.Snapshot;
        await File.WriteAllBytesAsync(Path.Combine(directory, $"init-{snapshot.CurrentInit!.Key}.mp4"), snapshot.CurrentInit.Data.ToArray());
        foreach (var segment in snapshot.Segments)
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, $"{segment.Sequence}.m4s"), segment.Data.ToArray());
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "index.m3u8"), HlsPlaylistWriter.WriteMediaPlaylist(snapshot));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        if (Environment.GetEnvironmentVariable("SPECTRA_BENCH_UNBOUNDED_RESPONSE_BUFFER") == "1")
        {
            // Let a whole segment enter Kestrel's output pipe without waiting for the socket to drain.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxResponseBufferSize = null);
        }
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddConsole();
        builder.Services.AddSpectraHls();
        var app = builder.Build();
        app.MapHlsOrigin();
        app.Services.GetRequiredService<HlsStreamRegistry>().Publish(new HlsStream("bench", [new HlsRendition(rendition, window)]));
        await app.StartAsync();
        var sizes = string.Join(",", snapshot.Segments.Select(s => s.Data.Length.ToString(CultureInfo.InvariantCulture)));
        Console.WriteLine($"ready first={snapshot.MediaSequence} count={snapshot.Segments.Count} sizes={sizes}");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
