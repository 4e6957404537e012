namespace Spectra.Bench.Live;

/// <summary>Server settings shared by the benchmarks: the source plus one rendition of the given height.</summary>
internal static class LadderSettings
{
    public static Dictionary<string, string?> SourcePlus(string height) => new()
    {
        ["Transcoding:Preset"] = "veryfast",
        ["Transcoding:Renditions:0:Name"] = height + "p",
        ["Transcoding:Renditions:0:Height"] = height,
        ["Transcoding:Renditions:0:VideoBitrateKbps"] = "800",
        ["Transcoding:ThumbnailIntervalSeconds"] = "30",
        ["Transcoding:ThumbnailHeight"] = "360",
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
