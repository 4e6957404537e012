using System.Text.Json;
using Spectra.Media.Recording.Internal;
using Spectra.Storage;

namespace Spectra.Media.Recording;

/// <summary>
/// Reads a recording back from the object store: recording.json and each rendition's journal chunks. Works
/// the same on a recording that ended cleanly and on one cut short by a crash (its journals list every
/// segment that was stored).
/// </summary>
public static class RecordingReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The recording, or null when nothing of it is stored (no recording.json).</summary>
    /// <exception cref="ObjectStoreException">Storage failed.</exception>
    /// <exception cref="InvalidDataException">recording.json or a journal is not what a recorder writes.</exception>
    public static async Task<RecordedVideo?> LoadAsync(IObjectStore store, Guid recordingId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var manifest = await ReadJsonAsync<RecordingManifest>(store, RecordingKeys.Manifest(recordingId), cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            return null;
        }

        var renditions = new List<RecordedRendition>(manifest.Renditions.Count);
        foreach (var rendition in manifest.Renditions)
        {
            if (!Hls.HlsNames.IsValid(rendition.Name))
            {
                throw new InvalidDataException($"Recording {recordingId:N} names an invalid rendition.");
            }

            var segments = new List<RecordedSegment>();
            var journalPrefix = RecordingKeys.JournalPrefix(recordingId, rendition.Name);
            var journals = new List<string>();
            await foreach (var item in store.ListAsync(journalPrefix, cancellationToken).ConfigureAwait(false))
            {
                var name = item.Key[journalPrefix.Length..];
                if (name.StartsWith("journal-", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
                {
                    journals.Add(item.Key);
                }
            }

            journals.Sort(StringComparer.Ordinal);
            var last = long.MinValue;
            foreach (var journal in journals)
            {
                var chunk = await ReadJsonAsync<List<RecordedSegment>>(store, journal, cancellationToken).ConfigureAwait(false) ?? [];
                foreach (var segment in chunk)
                {
                    if (segment.Sequence > last)
                    {
                        segments.Add(segment);
                        last = segment.Sequence;
                    }
                }
            }

            var firstInit = segments.Count > 0 ? segments[0].InitKey : null;
            var codecs = firstInit is not null && rendition.Inits.TryGetValue(firstInit, out var c) ? c : rendition.Inits.Values.FirstOrDefault();
            renditions.Add(new RecordedRendition(rendition.Name, rendition.Width, rendition.Height, rendition.FrameRate,
                rendition.Bandwidth, rendition.AverageBandwidth, codecs, segments));
        }

        return new RecordedVideo(recordingId, manifest.StartedAt, renditions);
    }

    private static async Task<T?> ReadJsonAsync<T>(IObjectStore store, string key, CancellationToken cancellationToken)
        where T : class
    {
        var stored = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        await using (stored.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync<T>(stored.Content, Json, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{key} is not a valid recording file.", ex);
            }
        }
    }
}
