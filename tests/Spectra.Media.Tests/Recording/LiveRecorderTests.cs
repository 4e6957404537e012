using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Media.Hls;
using Spectra.Media.Packaging;
using Spectra.Media.Recording;
using Spectra.Media.Tests.TestSupport;
using Spectra.Storage;

namespace Spectra.Media.Tests.Recording;

public sealed class LiveRecorderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "spectra-recorder-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly IObjectStore _store;

    public LiveRecorderTests()
    {
        Directory.CreateDirectory(_directory);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddObjectStore(_directory);
        _services = services.BuildServiceProvider();
        _store = _services.GetRequiredService<IObjectStore>();
    }

    [Fact]
    public async Task Record_TwoGenerations_JournalListsEverySegmentWithDiscontinuityAtTheNewInit()
    {
        var driver = await WindowDriver.CreateAsync(capacity: 20);
        var id = Guid.NewGuid();
        var recorder = Start(id, driver.Window, new RecordingOptions());
        driver.PublishSegments(3);
        driver.NewGeneration();
        driver.PublishSegments(2);
        await recorder.CompleteAsync();

        var video = await RecordingReader.LoadAsync(_store, id);
        Assert.NotNull(video);
        var rendition = Assert.Single(video.Renditions);
        Assert.Equal([200L, 201, 202, 203, 204], rendition.Segments.Select(s => s.Sequence));
        Assert.Equal([false, false, false, true, false], rendition.Segments.Select(s => s.Discontinuity));
        Assert.Equal(2, rendition.Segments.Select(s => s.InitKey).Distinct().Count());
        Assert.NotNull(rendition.Codecs);
        Assert.Equal(driver.Window.Snapshot.Segments.Sum(s => s.Data.Length), rendition.Bytes);
        Assert.Equal(new RecordingStatus(id, 5, rendition.Bytes, 0, null, null), recorder.Status);

        // Stored bytes are the published bytes.
        var last = driver.Window.Snapshot.Segments[^1];
        var stored = await _store.OpenReadAsync(RecordingKeys.Segment(id, "source", last.Sequence));
        Assert.NotNull(stored);
        await using (stored)
        {
            using var copy = new MemoryStream();
            await stored.Content.CopyToAsync(copy);
            Assert.Equal(last.Data.ToArray(), copy.ToArray());
        }

        var playlist = VodPlaylistWriter.WriteMedia(rendition);
        HlsPlaylistValidatorForVod(playlist);
        Assert.Contains("#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI=\"init-" + rendition.Segments[3].InitKey + ".mp4\"", playlist, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_MoreSegmentsThanAJournalChunk_ChunksSealedAndReadBackInOrder()
    {
        var driver = await WindowDriver.CreateAsync(capacity: 12);
        var id = Guid.NewGuid();
        var recorder = Start(id, driver.Window, new RecordingOptions());
        driver.PublishSegments(RecordingKeys.JournalChunkSize * 2 + 7);
        await recorder.CompleteAsync();

        var journals = new List<string>();
        await foreach (var item in _store.ListAsync(RecordingKeys.JournalPrefix(id, "source")))
        {
            if (item.Key.Contains("/journal-", StringComparison.Ordinal))
            {
                journals.Add(item.Key);
            }
        }

        Assert.Equal(3, journals.Count);
        var video = await RecordingReader.LoadAsync(_store, id);
        var segments = Assert.Single(video!.Renditions).Segments;
        Assert.Equal(Enumerable.Range(200, RecordingKeys.JournalChunkSize * 2 + 7).Select(i => (long)i), segments.Select(s => s.Sequence));
    }

    [Fact]
    public async Task Record_AttachedLate_SegmentsStillInTheWindowAreRecorded()
    {
        var driver = await WindowDriver.CreateAsync(capacity: 12);
        driver.PublishSegments(4);
        var id = Guid.NewGuid();
        var recorder = Start(id, driver.Window, new RecordingOptions());
        driver.PublishSegments(2);
        await recorder.CompleteAsync();

        var video = await RecordingReader.LoadAsync(_store, id);
        Assert.Equal(6, Assert.Single(video!.Renditions).Segments.Count);
    }

    [Fact]
    public async Task Record_StorageTooSlow_SegmentsDroppedCountedAndNextOneMarkedDiscontinuity()
    {
        var driver = await WindowDriver.CreateAsync(capacity: 30);
        var gate = new GatedStore(_store);
        var id = Guid.NewGuid();
        var recorder = new LiveRecorder(id, "test", gate, new RecordingOptions { MaxPendingBytes = 1024 * 1024 }, NullLogger.Instance, TimeProvider.System);
        recorder.Attach(new HlsStream("test", [new HlsRendition(Info, driver.Window)]));

        // Storage stalls: the packager hands over segments without waiting; past 1 MiB queued they are dropped.
        gate.Close();
        driver.PublishSegments(25);
        var lost = recorder.Status.SegmentsLost;
        Assert.True(lost > 0, "segments beyond the pending limit are dropped");
        gate.Open();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (recorder.Status.SegmentsStored < 25 - lost && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        driver.PublishSegments(2);
        await recorder.CompleteAsync();

        var segments = Assert.Single((await RecordingReader.LoadAsync(_store, id))!.Renditions).Segments;
        Assert.Equal(27 - lost, segments.Count);
        var gapAt = segments.Zip(segments.Skip(1)).First(p => p.Second.Sequence != p.First.Sequence + 1).Second;
        Assert.True(gapAt.Discontinuity, "the first segment after the gap is a discontinuity");
        Assert.Contains("MaxPendingBytes", recorder.Status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_NothingStored_Null()
    {
        Assert.Null(await RecordingReader.LoadAsync(_store, Guid.NewGuid()));
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static RenditionInfo Info { get; } = new("source", 640, 360, 30, 1_000_000, 800_000, IsSource: true);

    private LiveRecorder Start(Guid id, LiveWindow window, RecordingOptions options)
    {
        var recorder = new LiveRecorder(id, "test", _store, options, NullLogger.Instance, TimeProvider.System);
        recorder.Attach(new HlsStream("test", [new HlsRendition(Info, window)]));
        return recorder;
    }

    private static void HlsPlaylistValidatorForVod(string playlist)
    {
        Assert.StartsWith("#EXTM3U\n#EXT-X-VERSION:6\n", playlist, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD\n", playlist, StringComparison.Ordinal);
        Assert.EndsWith("#EXT-X-ENDLIST\n", playlist, StringComparison.Ordinal);
    }

    /// <summary>A store whose writes wait while the gate is closed.</summary>
    private sealed class GatedStore(IObjectStore inner) : IObjectStore
    {
        private TaskCompletionSource _open = CreateOpen();

        public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public async Task<StoredObjectInfo> WriteAsync(string key, Stream content, CancellationToken cancellationToken = default)
        {
            await _open.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return await inner.WriteAsync(key, content, cancellationToken);
        }

        public Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

        public Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default) => inner.GetInfoAsync(key, cancellationToken);

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

        public Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.DeleteByPrefixAsync(prefix, cancellationToken);

        public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

        private static TaskCompletionSource CreateOpen()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }
}
