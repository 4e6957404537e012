namespace Spectra.Media.Delivery;

/// <summary>Why an <see cref="FlvViewer"/> stopped receiving tags.</summary>
public enum FlvViewerCloseReason
{
    /// <summary>Still open.</summary>
    None,

    /// <summary>The live stream ended: the queued tags are still delivered, then the viewer completes.</summary>
    StreamEnded,

    /// <summary>The viewer kept falling behind for longer than <see cref="FlvFanOutOptions.SlowViewerTimeout"/>.</summary>
    TooSlow,

    /// <summary>The viewer took nothing for <see cref="FlvFanOutOptions.StalledViewerTimeout"/>.</summary>
    Stalled,

    /// <summary>The viewer was disposed by its owner (the client left).</summary>
    Disposed,
}
