namespace Spectra.Media.Live.Internal;

/// <summary>
/// Keeps one timeline across publishers. A publisher that takes over a stream (a reconnect within the
/// grace) restarts its timestamps at about 0; they are rebased to continue right after the last one
/// forwarded, so the transcoder, the packagers and the FLV viewers see one continuous timeline (the
/// stall shows as a short gap in wall-clock time, not a reset that players would have to resynchronise on).
/// </summary>
/// <remarks>Used by one publisher at a time; <see cref="OnSourceChanged"/> runs before the next one's first tag.</remarks>
internal sealed class TimestampRebaser
{
    /// <summary>Gap inserted between the last tag of the previous publisher and the first of the next (one 30 fps frame), in ms.</summary>
    internal const long ReconnectGapMs = 33;

    private long _lastForwarded = -1;
    private long _offset;
    private bool _rebasePending;

    /// <summary>A new publisher continues the stream: its first tag sets the offset.</summary>
    public void OnSourceChanged() => _rebasePending = true;

    /// <summary>The tag's timestamp on the stream's timeline, in ms.</summary>
    public uint Rebase(uint timestampMs)
    {
        if (_rebasePending)
        {
            _offset = _lastForwarded < 0 ? 0 : _lastForwarded + ReconnectGapMs - timestampMs;
            _rebasePending = false;
        }

        long rebased = timestampMs + _offset;
        if (rebased < 0)
        {
            rebased = 0;
        }

        if (rebased > _lastForwarded)
        {
            _lastForwarded = rebased;
        }

        return unchecked((uint)rebased);
    }
}
