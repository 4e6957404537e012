using Spectra.Media.Flv;
using Spectra.Media.Live.Internal;

namespace Spectra.Media.Tests.Live;

public class FlvTagQueueTests
{
    private static readonly byte[] Keyframe = [0x17, 0x01, 0, 0, 0, 0xAA, 0xBB, 0xCC];
    private static readonly byte[] InterFrame = [0x27, 0x01, 0, 0, 0, 0xAA, 0xBB, 0xCC];
    private static readonly byte[] SequenceHeader = [0x17, 0x00, 0, 0, 0, 0x01, 0x64, 0x00];
    private static readonly byte[] Audio = [0xAF, 0x01, 0x21, 0x00, 0x49, 0x90, 0x02, 0x19];

    // Every tag above is 8 bytes of body: 23 bytes as a complete FLV tag.
    private static FlvTagQueue QueueForTags(int tags) => new(FlvWriter.GetTagLength(8) * tags, 1000);

    [Fact]
    public async Task TryEnqueue_Space_QueuesCompleteTagsInOrder()
    {
        var queue = QueueForTags(3);

        Assert.True(queue.TryEnqueue(FlvTagType.Video, 0, Keyframe));
        Assert.True(queue.TryEnqueue(FlvTagType.Audio, 10, Audio));

        using var first = await queue.DequeueAsync(CancellationToken.None);
        using var second = await queue.DequeueAsync(CancellationToken.None);
        Assert.True(first!.IsVideoKeyframe);
        Assert.Equal((FlvTagType.Audio, 10u, 23), (second!.Type, second.TimestampMs, second.Length));
        Assert.Equal(0, queue.QueuedBytes);
    }

    [Fact]
    public async Task TryEnqueue_FullThenSpace_DropsInterFramesUntilNextKeyframe()
    {
        var queue = QueueForTags(2);
        Assert.True(queue.TryEnqueue(FlvTagType.Video, 0, Keyframe));
        Assert.True(queue.TryEnqueue(FlvTagType.Video, 33, InterFrame));

        Assert.False(queue.TryEnqueue(FlvTagType.Video, 66, InterFrame)); // full
        (await queue.DequeueAsync(CancellationToken.None))!.Dispose();
        (await queue.DequeueAsync(CancellationToken.None))!.Dispose();
        Assert.False(queue.TryEnqueue(FlvTagType.Video, 100, InterFrame)); // space, but its reference was dropped
        Assert.True(queue.TryEnqueue(FlvTagType.Audio, 100, Audio));       // audio is independent
        Assert.True(queue.TryEnqueue(FlvTagType.Video, 133, Keyframe));    // resumes at a keyframe

        Assert.Equal(2, queue.DroppedTags);
    }

    [Fact]
    public void TryEnqueue_WaitingForKeyframe_StillAcceptsSequenceHeaders()
    {
        var queue = QueueForTags(2);
        queue.TryEnqueue(FlvTagType.Video, 0, Keyframe);
        queue.TryEnqueue(FlvTagType.Video, 33, InterFrame);
        queue.TryEnqueue(FlvTagType.Video, 66, InterFrame);
        queue.DisposeRemaining();

        Assert.True(queue.TryEnqueue(FlvTagType.Video, 100, SequenceHeader));
        Assert.False(queue.TryEnqueue(FlvTagType.Video, 100, InterFrame));
    }

    [Fact]
    public void TryEnqueue_TagLimit_DropsBeyondCount()
    {
        var queue = new FlvTagQueue(1024 * 1024, 2);

        Assert.True(queue.TryEnqueue(FlvTagType.Audio, 0, Audio));
        Assert.True(queue.TryEnqueue(FlvTagType.Audio, 20, Audio));
        Assert.False(queue.TryEnqueue(FlvTagType.Audio, 40, Audio));
        Assert.Equal(1, queue.DroppedTags);
    }

    [Fact]
    public async Task DequeueAsync_Completed_ReturnsRemainingThenNull()
    {
        var queue = QueueForTags(4);
        queue.TryEnqueue(FlvTagType.Audio, 0, Audio);
        queue.Complete();

        using var remaining = await queue.DequeueAsync(CancellationToken.None);
        Assert.NotNull(remaining);
        Assert.Null(await queue.DequeueAsync(CancellationToken.None));
        Assert.False(queue.TryEnqueue(FlvTagType.Audio, 20, Audio));
    }
}
