namespace Spectra.Rtmp.Tests.TestData;

internal static class GoldenFiles
{
    /// <summary>Everything ffmpeg 5.1 sent while publishing one second (see TestData/README.md).</summary>
    public static byte[] FfmpegPublish => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "ffmpeg-publish-1s.bin"));
}
