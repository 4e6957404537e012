using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Spectra.Media.Recording;
using Spectra.Server.Videos.Internal;
using Spectra.Storage;
using Spectra.Storage.Internal;

namespace Spectra.Bench.Media;

/// <summary>
/// A 4-hour recording of one 720p rendition with 2 s or 1 s segments (7,200 or 14,400): writing its VOD media
/// playlist, building the VOD origin's cache entry (master and media playlists written once, segment index),
/// a cached playlist lookup (what every request but the first costs before the socket), and loading the
/// recording from the local object store (recording.json and journal chunks of 100 entries, as a recorder
/// writes them: the cold-cache cost of the first request). The goal is ≤ 5 ms per playlist request.
/// </summary>
[MemoryDiagnoser]
public class VodPlaylistBenchmarks
{
    private const string Rendition = "source";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private string _directory = null!;
    private IObjectStore _store = null!;
    private Guid _recordingId;
    private RecordedVideo _video = null!;
    private Dictionary<Guid, VodEntry> _catalog = null!;

    [Params(2, 1)]
    public int SegmentSeconds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var count = 4 * 3600 / SegmentSeconds;
        var start = new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
        var random = new Random(42);
        var segments = new List<RecordedSegment>(count);
        for (var i = 0; i < count; i++)
        {
            // 2.5 Mbit/s video + AAC; a reconnect an hour in (new packager generation, new init, discontinuity).
            var sequence = 1000L + i;
            var generation = i < count / 4 ? "1000-1" : $"{1000 + (count / 4)}-2";
            segments.Add(new RecordedSegment(sequence, generation, SegmentSeconds, i == count / 4,
                start.ToUnixTimeMilliseconds() + (i * SegmentSeconds * 1000L), (SegmentSeconds * 330_000L) + random.Next(-40_000, 40_000)));
        }

        _directory = Path.Combine(Path.GetTempPath(), "spectra-bench-vod-" + Guid.NewGuid().ToString("N"));
        _store = new FileSystemObjectStore(_directory);
        _recordingId = Guid.NewGuid();
        Write(RecordingKeys.Manifest(_recordingId), new
        {
            Version = 1,
            StartedAt = start,
            Renditions = new[]
            {
                new
                {
                    Name = Rendition, Width = 1280, Height = 720, FrameRate = 30.0, Bandwidth = 2_800_000, AverageBandwidth = 2_600_000,
                    Inits = new Dictionary<string, string> { ["1000-1"] = "avc1.64001f,mp4a.40.2", [$"{1000 + (count / 4)}-2"] = "avc1.64001f,mp4a.40.2" },
                },
            },
        });
        for (var chunk = 0; chunk * RecordingKeys.JournalChunkSize < count; chunk++)
        {
            Write(RecordingKeys.Journal(_recordingId, Rendition, chunk), segments.Skip(chunk * RecordingKeys.JournalChunkSize).Take(RecordingKeys.JournalChunkSize).ToList());
        }

        _video = RecordingReader.LoadAsync(_store, _recordingId).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("The recording was not stored.");
        if (_video.Renditions[0].Segments.Count != count)
        {
            throw new InvalidOperationException($"Loaded {_video.Renditions[0].Segments.Count} segments, wrote {count}.");
        }

        _catalog = new Dictionary<Guid, VodEntry> { [_recordingId] = new VodEntry(_video) };
        var playlist = _catalog[_recordingId].Renditions[Rendition].Playlist;
        Console.WriteLine($"// {count} segments: media playlist {playlist.Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Description = "VodPlaylistWriter.WriteMedia (4 h)")]
    public string WriteMedia() => VodPlaylistWriter.WriteMedia(_video.Renditions[0]);

    [Benchmark(Description = "new VodEntry (all playlists + index, 4 h)")]
    public object BuildEntry() => new VodEntry(_video);

    [Benchmark(Description = "cached media playlist lookup (4 h)")]
    public byte[]? CachedPlaylist() =>
        _catalog.TryGetValue(_recordingId, out var entry) && entry.Renditions.TryGetValue(Rendition, out var found) ? found.Playlist : null;

    [Benchmark(Description = "RecordingReader.LoadAsync, local store (4 h)")]
    public Task<RecordedVideo?> Load() => RecordingReader.LoadAsync(_store, _recordingId);

    private void Write<T>(string key, T value)
    {
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, Json));
        _store.WriteAsync(key, content).GetAwaiter().GetResult();
    }
}
