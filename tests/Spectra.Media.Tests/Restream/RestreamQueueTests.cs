using Spectra.Media.Flv;
using Spectra.Media.Restream.Internal;

namespace Spectra.Media.Tests.Restream;

public sealed class RestreamQueueTests
{
    [Fact]
    public void Add_NotConnected_KeepsOnlyTheLatestGop()
    {
        using var queue = new RestreamQueue(1_000_000);
        Add(queue, FlvTagType.Video, 0, 100, keyframe: true);
        Add(queue, FlvTagType.Audio, 10, 10);
        Add(queue, FlvTagType.Video, 33, 50);
        Add(queue, FlvTagType.Video, 1000, 100, keyframe: true);
        Add(queue, FlvTagType.Audio, 1010, 10);

        queue.OnConnected();
        Assert.Equal([(FlvTagType.Video, 1000u), (FlvTagType.Audio, 1010u)], Take(queue));
        Assert.Equal(0, queue.DroppedTags);
    }

    [Fact]
    public void Add_NotConnectedBeforeAnyKeyframe_KeepsNoVideo()
    {
        using var queue = new RestreamQueue(1_000_000);
        Add(queue, FlvTagType.Video, 0, 100, keyframe: true);
        queue.OnDisconnected();
        Add(queue, FlvTagType.Video, 33, 50);
        Add(queue, FlvTagType.Audio, 40, 10);

        queue.OnConnected();
        Assert.Empty(Take(queue));
    }

    [Fact]
    public void Add_ConnectedAndFull_DropsTheQueuedGopAndResumesAtTheNextKeyframe()
    {
        using var queue = new RestreamQueue(1000);
        queue.OnConnected();
        Add(queue, FlvTagType.Video, 0, 400, keyframe: true);
        Add(queue, FlvTagType.Video, 33, 400);
        Add(queue, FlvTagType.Video, 66, 400); // overflows: the two queued and this one go
        Assert.Equal(0, queue.QueuedBytes);
        Add(queue, FlvTagType.Video, 100, 400); // still no keyframe: skipped
        Add(queue, FlvTagType.Audio, 110, 10); // audio needs no keyframe
        Add(queue, FlvTagType.Video, 1000, 400, keyframe: true);
        Add(queue, FlvTagType.Video, 1033, 400);

        Assert.Equal([(FlvTagType.Audio, 110u), (FlvTagType.Video, 1000u), (FlvTagType.Video, 1033u)], Take(queue));
        Assert.Equal(4, queue.DroppedTags);
    }

    [Fact]
    public void Add_KeyframeOverflows_KeyframeKept()
    {
        using var queue = new RestreamQueue(1000);
        queue.OnConnected();
        Add(queue, FlvTagType.Video, 0, 600, keyframe: true);
        Add(queue, FlvTagType.Video, 1000, 600, keyframe: true);

        Assert.Equal([(FlvTagType.Video, 1000u)], Take(queue));
        Assert.Equal(1, queue.DroppedTags);
    }

    [Fact]
    public async Task WaitAsync_TagAdded_Completes()
    {
        using var queue = new RestreamQueue(1000);
        queue.OnConnected();
        var wait = queue.WaitAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);
        Add(queue, FlvTagType.Audio, 0, 10);
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Dispose_WakesTheSenderAndDropsEverything()
    {
        var queue = new RestreamQueue(1000);
        queue.OnConnected();
        var wait = queue.WaitAsync(CancellationToken.None);
        queue.Dispose();
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Add(queue, FlvTagType.Video, 0, 100, keyframe: true);
        Assert.Equal(0, queue.QueuedBytes);
    }

    private static void Add(RestreamQueue queue, FlvTagType type, uint timestamp, int length, bool keyframe = false)
        => queue.Add(type, timestamp, new byte[length], keyframe);

    private static List<(FlvTagType, uint)> Take(RestreamQueue queue)
    {
        var batch = new List<RestreamTag>();
        queue.TakeBatch(batch, int.MaxValue);
        var taken = batch.ConvertAll(t => (t.Type, t.TimestampMs));
        batch.ForEach(t => t.Release());
        return taken;
    }
}
