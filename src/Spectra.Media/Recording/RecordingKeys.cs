using System.Globalization;

namespace Spectra.Media.Recording;

/// <summary>
/// Where a recording's objects live in the object store; every key is built from the generated recording
/// id, a rendition name from the ladder and numbers, never from request input:
/// <code>
/// recordings/{id:N}/recording.json                  renditions and their codecs
/// recordings/{id:N}/{rendition}/init-{key}.mp4       one CMAF header per packager generation
/// recordings/{id:N}/{rendition}/{sequence}.m4s       the live segments, as published
/// recordings/{id:N}/{rendition}/journal-{n:D6}.json  the segment list, in chunks (the crash-proof manifest)
/// recordings/{id:N}/download-{rendition}.mp4         the MP4 download, made on first request
/// recordings/{id:N}/poster.jpg                        a picture of the video, made when it is closed
/// </code>
/// </summary>
public static class RecordingKeys
{
    /// <summary>Entries per journal chunk: the open chunk is rewritten after each segment, so it stays small.</summary>
    public const int JournalChunkSize = 100;

    public static string Prefix(Guid recordingId) => $"recordings/{recordingId:N}/";

    public static string Manifest(Guid recordingId) => Prefix(recordingId) + "recording.json";

    public static string Poster(Guid recordingId) => Prefix(recordingId) + "poster.jpg";

    public static string Download(Guid recordingId, string rendition) => $"{Prefix(recordingId)}download-{rendition}.mp4";

    public static string Init(Guid recordingId, string rendition, string initKey) => $"{Prefix(recordingId)}{rendition}/init-{initKey}.mp4";

    public static string Segment(Guid recordingId, string rendition, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix(recordingId)}{rendition}/{sequence}.m4s");

    public static string Journal(Guid recordingId, string rendition, int chunk) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix(recordingId)}{rendition}/journal-{chunk:D6}.json");

    public static string JournalPrefix(Guid recordingId, string rendition) => $"{Prefix(recordingId)}{rendition}/";
}
