namespace Spectra.Media.Tests.TestSupport;

/// <summary>Golden files under TestData/, produced once by ffmpeg (see TestData/README.md).</summary>
internal static class TestFiles
{
    /// <summary>4 s, 640x360 30 fps H.264 High (GOP 30) + AAC-LC 48 kHz; fragments of 250 ms and at keyframes.</summary>
    public const string AvcAac = "avc-aac-640x360-4s.mp4";

    /// <summary>2 s, 320x180 25 fps HEVC Main ('hvc1', GOP 25), one fragment per GOP.</summary>
    public const string Hevc = "hevc-320x180-2s.mp4";

    /// <summary>3 s AAC-LC 44.1 kHz mono, fragments of about 200 ms.</summary>
    public const string AacOnly = "aac-only-3s.mp4";

    /// <summary>2 s MPEG-TS, 320x180 25 fps H.264 Main with B-frames (GOP 25) + AAC-LC 48 kHz in ADTS: 50 frames, 95 AAC frames.</summary>
    public const string AvcAacTs = "avc-aac-320x180-2s.ts";

    /// <summary>0.5 s MPEG-TS, 160x90 HEVC (stream type 0x24) only.</summary>
    public const string HevcTs = "hevc-160x90.ts";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));
}
