namespace Spectra.Server.Live;

/// <summary>Milestones of an <see cref="ILiveIngestStream"/>; called on media threads, must return quickly.</summary>
internal interface ILiveIngestObserver
{
    /// <summary>The first segment of the stream is ready: viewers can play it.</summary>
    void OnFirstSegmentReady();

    /// <summary>A new health sample (about every 2 s).</summary>
    void OnHealthSampled(StreamHealth health);
}
