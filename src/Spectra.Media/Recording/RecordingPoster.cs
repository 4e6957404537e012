namespace Spectra.Media.Recording;

/// <summary>
/// The poster of a recording (<see cref="RecordingKeys.Poster"/>): one frame from about a tenth into the video,
/// decoded by ffmpeg from the smallest rendition with video and scaled to at most 360 lines, as JPEG.
/// </summary>
public static class RecordingPoster
{
    /// <returns>False when the recording has no video to take a picture from.</returns>
    /// <exception cref="InvalidOperationException">ffmpeg failed.</exception>
    public static async Task<bool> CreateAsync(Storage.IObjectStore store, RecordedVideo video, string ffmpegPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(video);
        var rendition = video.Renditions.Where(r => r.Height > 0 && r.Segments.Count > 0).OrderBy(r => r.Height).FirstOrDefault();
        if (rendition is null)
        {
            return false;
        }

        var segment = rendition.Segments[Math.Min(rendition.Segments.Count - 1, rendition.Segments.Count / 10)];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var output = Path.Combine(Path.GetTempPath(), $"spectra-poster-{Guid.NewGuid():N}.jpg");
        try
        {
            await Internal.RecordingFfmpeg.RunAsync(
                ffmpegPath,
                ["-hide_banner", "-nostdin", "-v", "error", "-f", "mp4", "-i", "pipe:0", "-frames:v", "1", "-vf", "scale=-2:'min(360,ih)'", "-q:v", "4", "-y", output],
                async stdin =>
                {
                    await Internal.RecordingFfmpeg.CopyAsync(store, RecordingKeys.Init(video.Id, rendition.Name, segment.InitKey), stdin, deadline.Token);
                    await Internal.RecordingFfmpeg.CopyAsync(store, RecordingKeys.Segment(video.Id, rendition.Name, segment.Sequence), stdin, deadline.Token);
                },
                deadline.Token);
            await using var file = File.OpenRead(output);
            await store.WriteAsync(RecordingKeys.Poster(video.Id), file, deadline.Token);
            return true;
        }
        finally
        {
            File.Delete(output);
        }
    }
}
