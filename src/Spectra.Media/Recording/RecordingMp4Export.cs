using System.Globalization;
using Spectra.Storage;

namespace Spectra.Media.Recording;

/// <summary>
/// A recorded rendition as one progressive MP4 file, remuxed by ffmpeg with <c>-c copy</c> (never re-encoded):
/// each encoder generation's init segment and media segments are piped from storage into ffmpeg, and
/// generations (after a transcoder restart or a storage gap with a new init) are joined with the concat demuxer.
/// </summary>
public static class RecordingMp4Export
{
    /// <summary>Writes the MP4 to <paramref name="outputPath"/> (moov at the front: it plays while downloading).</summary>
    /// <exception cref="InvalidOperationException">ffmpeg failed; the message has its last lines.</exception>
    public static async Task ExportAsync(IObjectStore store, Guid recordingId, RecordedRendition rendition, string ffmpegPath, string outputPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(rendition);
        if (rendition.Segments.Count == 0)
        {
            throw new InvalidOperationException($"Rendition {rendition.Name} has no stored segments.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var work = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, ".export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var parts = new List<string>();
            foreach (var run in Generations(rendition.Segments))
            {
                var part = Path.Combine(work, parts.Count.ToString(CultureInfo.InvariantCulture) + ".mp4");
                await Internal.RecordingFfmpeg.RunAsync(ffmpegPath, ["-hide_banner", "-nostdin", "-v", "error", "-f", "mp4", "-i", "pipe:0", "-map", "0", "-c", "copy", "-f", "mp4", part],
                    stdin => CopySegmentsAsync(store, recordingId, rendition.Name, run, stdin, deadline.Token), deadline.Token);
                parts.Add(part);
            }

            var list = Path.Combine(work, "parts.txt");
            await File.WriteAllLinesAsync(list, parts.Select(p => $"file '{p}'"), deadline.Token);
            await Internal.RecordingFfmpeg.RunAsync(ffmpegPath, ["-hide_banner", "-nostdin", "-v", "error", "-f", "concat", "-safe", "0", "-i", list, "-map", "0", "-c", "copy",
                "-movflags", "+faststart", "-f", "mp4", "-y", outputPath], null, deadline.Token);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Runs of consecutive segments that share an init segment.</summary>
    private static IEnumerable<List<RecordedSegment>> Generations(IReadOnlyList<RecordedSegment> segments)
    {
        var run = new List<RecordedSegment>();
        foreach (var segment in segments)
        {
            if (run.Count > 0 && !string.Equals(run[0].InitKey, segment.InitKey, StringComparison.Ordinal))
            {
                yield return run;
                run = [];
            }

            run.Add(segment);
        }

        yield return run;
    }

    private static async Task CopySegmentsAsync(IObjectStore store, Guid recordingId, string rendition, List<RecordedSegment> run, Stream stdin, CancellationToken cancellationToken)
    {
        await Internal.RecordingFfmpeg.CopyAsync(store, RecordingKeys.Init(recordingId, rendition, run[0].InitKey), stdin, cancellationToken);
        foreach (var segment in run)
        {
            await Internal.RecordingFfmpeg.CopyAsync(store, RecordingKeys.Segment(recordingId, rendition, segment.Sequence), stdin, cancellationToken);
        }
    }
}
