using Spectra.Media.Packaging;

namespace Spectra.Media.Tests.TestSupport;

/// <summary>Builds packagers over fresh windows for tests.</summary>
internal static class Packagers
{
    public static readonly RenditionInfo Rendition360 = new("360p", 640, 360, 30, 500_000, 400_000, IsSource: false);

    public static (CmafPackager Packager, LiveWindow Window, CollectingLoggerProvider Logs) Create(
        RenditionInfo? rendition = null,
        PackagerOptions? options = null,
        TimeProvider? time = null,
        long firstSequence = 100)
    {
        options ??= new PackagerOptions();
        var window = new LiveWindow(options.WindowSegmentCount, firstSequence);
        var logs = new CollectingLoggerProvider();
        var packager = new CmafPackager(rendition ?? Rendition360, window, options, time ?? TimeProvider.System, logs.CreateLogger<CmafPackager>());
        return (packager, window, logs);
    }

    /// <summary>Runs the packager over a whole file.</summary>
    public static async Task RunFileAsync(CmafPackager packager, string testFile)
    {
        await using var stream = File.OpenRead(TestFiles.PathOf(testFile));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await packager.RunAsync(stream, cts.Token);
    }
}
