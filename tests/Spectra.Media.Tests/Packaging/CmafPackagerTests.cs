using System.IO.Pipelines;
using Spectra.Media.Mp4;
using Spectra.Media.Packaging;
using Spectra.Media.Tests.TestSupport;
using static Spectra.Media.Tests.TestSupport.Boxes;

namespace Spectra.Media.Tests.Packaging;

public sealed class CmafPackagerTests
{
    [Fact]
    public async Task RunAsync_GoldenAvcAac_CutsOneSecondSegmentsAtKeyframes()
    {
        var (packager, window, logs) = Packagers.Create();

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        var segments = window.Snapshot.Segments;
        Assert.Equal([100L, 101, 102, 103], segments.Select(s => s.Sequence));
        Assert.All(segments, s => Assert.Equal(TimeSpan.FromSeconds(1), s.Duration));
        Assert.All(segments, s => Assert.True(s.Fragments[0].IsIndependent));
        Assert.All(segments, s => Assert.False(s.IsDiscontinuity));
        Assert.Equal([0UL, 15360, 30720, 46080], segments.Select(s => s.DecodeTime));
        Assert.Equal("avc1.64001e,mp4a.40.2", window.CurrentInit!.Codecs);
        Assert.Empty(logs.Errors);
    }

    [Fact]
    public async Task RunAsync_GoldenAvcAac_SegmentBytesAreTheFileFragments()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);
        var (packager, window, _) = Packagers.Create();

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        var firstMoof = FindTopLevel(file, "moof").Offset;
        var mfra = FindTopLevel(file, "mfra").Offset;
        Assert.Equal(file.AsSpan(0, firstMoof), window.CurrentInit!.Data.Span);
        var joined = window.Snapshot.Segments.SelectMany(s => s.Data.ToArray()).ToArray();
        Assert.Equal(file.AsSpan(firstMoof, mfra - firstMoof).ToArray(), joined);
        var first = window.Snapshot.Segments[0];
        Assert.Equal(4, first.Fragments.Count);
        Assert.Equal(first.Data.Length, first.Fragments.Sum(f => f.Length));
        Assert.Equal([true, false, false, false], first.Fragments.Select(f => f.IsIndependent));
        Assert.Equal("moof"u8.ToArray(), first.Data.Slice(first.Fragments[1].Offset + 4, 4).ToArray());
    }

    [Fact]
    public async Task RunAsync_GoldenAvcAac_EachSegmentWithInitDecodesInFfprobe()
    {
        var (packager, window, _) = Packagers.Create();
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        var directory = Directory.CreateTempSubdirectory("spectra-cmaf-");
        try
        {
            var frames = 0;
            foreach (var segment in window.Snapshot.Segments)
            {
                var path = Path.Combine(directory.FullName, $"{segment.Sequence}.mp4");
                await File.WriteAllBytesAsync(path, [.. segment.Init.Data.ToArray(), .. segment.Data.ToArray()]);

                var probe = await Ffprobe.ProbeAsync(path);

                Assert.Equal(("h264", 640, 360, "aac"), (probe.VideoCodec, probe.Width, probe.Height, probe.AudioCodec));
                Assert.Equal(30, probe.VideoFrames);
                Assert.InRange(probe.Duration, 0.99, 1.1);
                frames += probe.VideoFrames;
            }

            Assert.Equal(120, frames);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_GoldenHevc_CutsAndDecodes()
    {
        var (packager, window, _) = Packagers.Create(new RenditionInfo("180p", 320, 180, 25, 200_000, 150_000, false));
        await Packagers.RunFileAsync(packager, TestFiles.Hevc);
        var directory = Directory.CreateTempSubdirectory("spectra-cmaf-");
        try
        {
            Assert.Equal(2, window.SegmentCount);
            Assert.Equal("hvc1.1.6.L60.90", window.CurrentInit!.Codecs);
            var segment = window.Snapshot.Segments[1];
            var path = Path.Combine(directory.FullName, "hevc.mp4");
            await File.WriteAllBytesAsync(path, [.. segment.Init.Data.ToArray(), .. segment.Data.ToArray()]);

            var probe = await Ffprobe.ProbeAsync(path);

            Assert.Equal(("hevc", 320, 180, 25), (probe.VideoCodec, probe.Width, probe.Height, probe.VideoFrames));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_TwoSecondTarget_CutsTwoSecondSegments()
    {
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { TargetSegmentDuration = TimeSpan.FromSeconds(2) });

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], window.Snapshot.Segments.Select(s => s.Duration));
    }

    [Fact]
    public async Task RunAsync_TargetBetweenKeyframes_WaitsForNextKeyframe()
    {
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { TargetSegmentDuration = TimeSpan.FromSeconds(1.5) });

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], window.Snapshot.Segments.Select(s => s.Duration));
    }

    [Fact]
    public async Task RunAsync_AudioOnly_CutsOnDuration()
    {
        var (packager, window, _) = Packagers.Create(new RenditionInfo("audio", 0, 0, 0, 96_000, 64_000, false));

        await Packagers.RunFileAsync(packager, TestFiles.AacOnly);

        var segments = window.Snapshot.Segments;
        Assert.Equal(3, segments.Count);
        Assert.All(segments.Take(2), s => Assert.InRange(s.Duration.TotalSeconds, 1.0, 1.25));
        Assert.All(segments, s => Assert.Equal(44100u, s.Timescale));
        Assert.Equal(segments[0].DecodeTime + segments[0].DurationTicks, segments[1].DecodeTime);
        Assert.Equal("mp4a.40.2", window.CurrentInit!.Codecs);
    }

    [Fact]
    public async Task RunAsync_ProgramDateTime_AnchoredAtFirstSampleAndAdvancesByDuration()
    {
        var start = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        var (packager, window, _) = Packagers.Create(time: new ManualTimeProvider(start));

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        var segments = window.Snapshot.Segments;
        // The first fragment (8 frames) arrived at 12:00:00, so its first frame was shot 8/30 s earlier.
        Assert.Equal(TimeSpan.FromSeconds(8 / 30.0).TotalMilliseconds, segments[0].Fragments[0].Duration.TotalMilliseconds, 0.001);
        Assert.Equal(start - segments[0].Fragments[0].Duration, segments[0].ProgramDateTime);
        for (var i = 1; i < segments.Count; i++)
        {
            Assert.Equal(segments[i - 1].ProgramDateTime + segments[i - 1].Duration, segments[i].ProgramDateTime);
        }
    }

    [Fact]
    public async Task RunAsync_SecondRun_StartsNewGenerationWithDiscontinuity()
    {
        var (packager, window, _) = Packagers.Create();

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        var firstInit = window.CurrentInit!;
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        var segments = window.Snapshot.Segments;
        Assert.Equal(Enumerable.Range(100, 8).Select(i => (long)i), segments.Select(s => s.Sequence));
        Assert.Equal([false, false, false, false, true, false, false, false], segments.Select(s => s.IsDiscontinuity));
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2], segments.Select(s => s.Generation));
        Assert.Equal("100-1", firstInit.Key);
        Assert.Equal("104-2", window.CurrentInit!.Key);
        Assert.Same(firstInit, window.Snapshot.FindInit("100-1"));
        Assert.Equal(0, window.Snapshot.DiscontinuitySequence);
    }

    [Fact]
    public async Task RunAsync_DiscontinuityLeavesWindow_IncrementsDiscontinuitySequence()
    {
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { WindowSegmentCount = 3 });

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        var secondRun = window.Snapshot;
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        // After run 2 the window is 105..107: 104, the first discontinuity, has left it.
        Assert.Equal([105L, 106, 107], secondRun.Segments.Select(s => s.Sequence));
        Assert.Equal(1, secondRun.DiscontinuitySequence);
        var snapshot = window.Snapshot;
        Assert.Equal([109L, 110, 111], snapshot.Segments.Select(s => s.Sequence));
        Assert.Equal(2, snapshot.DiscontinuitySequence);
        Assert.Null(snapshot.FindInit("100-1"));
        Assert.Null(snapshot.Find(108));
    }

    [Fact]
    public async Task RunAsync_TruncatedInsideMdat_ThrowsAndPublishesCompleteFragmentsOnly()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);
        var (packager, window, logs) = Packagers.Create();
        var sixthMdat = FindTopLevel(file, "mdat", 5);

        var ex = await Assert.ThrowsAsync<Mp4FormatException>(() => packager.RunAsync(new MemoryStream(file, 0, sixthMdat.Offset + 100), CancellationToken.None));

        Assert.Equal(sixthMdat.Offset, ex.Offset);
        Assert.Equal(Mp4BoxType.Mdat, ex.BoxType);
        Assert.Contains($"{sixthMdat.Size} bytes declared, 100 received", ex.Message, StringComparison.Ordinal);
        var segments = window.Snapshot.Segments;
        Assert.Equal(2, segments.Count);
        var firstMoof = FindTopLevel(file, "moof").Offset;
        var fifthMoof = FindTopLevel(file, "moof", 4).Offset;
        var sixthMoof = FindTopLevel(file, "moof", 5).Offset;
        Assert.Equal(file.AsSpan(firstMoof, fifthMoof - firstMoof), segments[0].Data.Span);

        // The fifth fragment was complete and already served as a part: it becomes a short segment.
        Assert.Equal(file.AsSpan(fifthMoof, sixthMoof - fifthMoof), segments[1].Data.Span);
        Assert.Single(segments[1].Parts);
        Assert.True(logs.Contains(2103));
    }

    [Fact]
    public async Task RunAsync_TruncatedBeforeFirstCut_LeavesWindowEmpty()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);
        var (packager, window, _) = Packagers.Create();

        await Assert.ThrowsAsync<Mp4FormatException>(() => packager.RunAsync(new MemoryStream(file, 0, 5000), CancellationToken.None));

        Assert.Equal(0, window.SegmentCount);
    }

    [Fact]
    public async Task RunAsync_MoofWithoutMdatAtEnd_Throws()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);
        var (packager, window, _) = Packagers.Create();
        var secondMdat = FindTopLevel(file, "mdat", 1).Offset;

        var ex = await Assert.ThrowsAsync<Mp4FormatException>(() => packager.RunAsync(new MemoryStream(file, 0, secondMdat), CancellationToken.None));

        Assert.Contains("without its 'mdat'", ex.Message, StringComparison.Ordinal);
        var segment = Assert.Single(window.Snapshot.Segments);
        Assert.Single(segment.Parts);
    }

    [Fact]
    public async Task RunAsync_OversizedBox_ThrowsBeforeBuffering()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);
        var init = FindTopLevel(file, "moof").Offset;
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { MaxBoxSize = 1024 * 1024 });
        var input = Concat(file.AsSpan(0, init).ToArray(), U32(512 * 1024 * 1024), "mdat"u8.ToArray(), Zeros(100));

        var ex = await Assert.ThrowsAsync<Mp4FormatException>(() => packager.RunAsync(new MemoryStream(input), CancellationToken.None));

        Assert.Equal(init, ex.Offset);
        Assert.Contains("declares size 536870912, above the limit of 1048576 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, window.SegmentCount);
    }

    [Fact]
    public async Task RunAsync_GarbageAfterInit_ThrowsWithOffset()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);
        var init = FindTopLevel(file, "moof").Offset;
        var (packager, _, _) = Packagers.Create();
        var input = Concat(file.AsSpan(0, init).ToArray(), [0, 0, 0, 3, 0x41, 0x42, 0x43, 0x44]);

        var ex = await Assert.ThrowsAsync<Mp4FormatException>(() => packager.RunAsync(new MemoryStream(input), CancellationToken.None));

        Assert.Equal(init, ex.Offset);
        Assert.Contains("declares size 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DecodeTimeJump_ThrowsAndKeepsCompleteSegments()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);
        var sixthMoof = FindTopLevel(file, "moof", 5).Offset;
        var tfdt = file.AsSpan(sixthMoof).IndexOf("tfdt"u8) + sixthMoof;
        file[tfdt + 8] = 0x7F; // version 1 baseMediaDecodeTime: huge
        var (packager, window, _) = Packagers.Create();

        var ex = await Assert.ThrowsAsync<Mp4FormatException>(() => packager.RunAsync(new MemoryStream(file), CancellationToken.None));

        Assert.Equal(sixthMoof, ex.Offset);
        Assert.Equal(Mp4BoxType.Tfdt, ex.BoxType);
        Assert.Contains("decode time jumps from", ex.Message, StringComparison.Ordinal);
        Assert.Equal([100L, 101L], window.Snapshot.Segments.Select(s => s.Sequence));
    }

    [Fact]
    public async Task RunAsync_MoofBeforeMoov_Throws()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);
        var moof = FindTopLevel(file, "moof");
        var (packager, _, _) = Packagers.Create();

        var ex = await Assert.ThrowsAsync<Mp4FormatException>(() => packager.RunAsync(new MemoryStream(file, moof.Offset, moof.Size), CancellationToken.None));

        Assert.Contains("before any 'moov'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NonFragmentedMp4_Throws()
    {
        var directory = Directory.CreateTempSubdirectory("spectra-cmaf-");
        try
        {
            var path = Path.Combine(directory.FullName, "flat.mp4");
            var (exit, _, stderr) = await ExternalProcess.RunAsync(
                "ffmpeg",
                ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=10", "-t", "1", "-c:v", "libx264", "-movflags", "+faststart", path],
                TimeSpan.FromSeconds(30));
            Assert.True(exit == 0, stderr);
            var (packager, _, _) = Packagers.Create();

            await using var stream = File.OpenRead(path);
            var ex = await Assert.ThrowsAsync<Mp4FormatException>(() => packager.RunAsync(stream, CancellationToken.None));

            Assert.Contains("not fragmented", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_SegmentAboveSizeLimit_Throws()
    {
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { MaxSegmentSize = 64 * 1024, TargetSegmentDuration = TimeSpan.FromSeconds(6) });

        var ex = await Assert.ThrowsAsync<Mp4FormatException>(() => Packagers.RunFileAsync(packager, TestFiles.AvcAac));

        Assert.Contains("Segment would exceed 65536 bytes", ex.Message, StringComparison.Ordinal);
        var segment = Assert.Single(window.Snapshot.Segments);
        Assert.InRange(segment.Data.Length, 1, 64 * 1024);
    }

    [Fact]
    public async Task RunAsync_FragmentsNotStartingOnKeyframes_OneLongSegmentAndWarning()
    {
        var directory = Directory.CreateTempSubdirectory("spectra-cmaf-");
        try
        {
            // +cmaf alone cuts fragments every 250 ms regardless of keyframes (GOP 1 s).
            var path = Path.Combine(directory.FullName, "cmaf.mp4");
            var (exit, _, stderr) = await ExternalProcess.RunAsync(
                "ffmpeg",
                ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=30", "-t", "4", "-c:v", "libx264", "-g", "30",
                 "-f", "mp4", "-movflags", "+cmaf", "-frag_duration", "250000", path],
                TimeSpan.FromSeconds(30));
            Assert.True(exit == 0, stderr);
            var (packager, window, logs) = Packagers.Create();

            await using (var stream = File.OpenRead(path))
            {
                await packager.RunAsync(stream, CancellationToken.None);
            }

            var segment = Assert.Single(window.Snapshot.Segments);
            Assert.Equal(4.0, segment.Duration.TotalSeconds, 0.001);
            Assert.True(logs.Contains(2108));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_Cancelled_PublishesCompleteFragmentsOfOpenSegment()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);
        var (packager, window, _) = Packagers.Create();
        var pipe = new Pipe();
        var firstSegment = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        window.SegmentAdded += _ => firstSegment.TrySetResult();
        using var cts = new CancellationTokenSource();
        var run = packager.RunAsync(pipe.Reader.AsStream(), cts.Token);

        // Init and the first six fragments: segment 100 is cut when fragment 5 arrives; 5-6 stay open.
        await pipe.Writer.WriteAsync(file.AsMemory(0, FindTopLevel(file, "moof", 6).Offset));
        await firstSegment.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([100L, 101L], window.Snapshot.Segments.Select(s => s.Sequence));
        Assert.Equal(2, window.Snapshot.Segments[1].Parts.Count);
    }

    [Fact]
    public async Task RunAsync_WhileRunning_SecondCallThrows()
    {
        var (packager, _, _) = Packagers.Create();
        var pipe = new Pipe();
        using var cts = new CancellationTokenSource();
        var run = packager.RunAsync(pipe.Reader.AsStream(), cts.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => packager.RunAsync(new MemoryStream(), CancellationToken.None));

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task RunAsync_Events_RaisedOncePerSegmentInOrder()
    {
        var (packager, window, _) = Packagers.Create();
        var added = new List<long>();
        var published = new List<long>();
        window.SegmentAdded += w => added.Add(w.LatestSegment!.Sequence);
        window.SegmentPublished += (_, s) => published.Add(s.Sequence);

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        Assert.Equal([100L, 101, 102, 103], added);
        Assert.Equal([100L, 101, 102, 103], published);
    }

    [Fact]
    public async Task RunAsync_SubscriberThrows_LogsAndKeepsPackaging()
    {
        var (packager, window, logs) = Packagers.Create();
        window.SegmentPublished += (_, _) => throw new InvalidOperationException("recorder failed");

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        Assert.Equal(4, window.SegmentCount);
        Assert.Equal(4, logs.Entries.Count(e => e.EventId.Id == 2107));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Packagers.Create(options: new PackagerOptions { TargetSegmentDuration = TimeSpan.FromSeconds(10) }));

        Assert.Equal("TargetSegmentDuration", ex.ParamName);
    }
}
