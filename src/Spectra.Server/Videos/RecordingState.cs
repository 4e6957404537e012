using Spectra.Media.Recording;
using Spectra.Server.Videos.Internal;

namespace Spectra.Server.Videos;

/// <summary>What the dashboard shows of recording: the site-wide switch and a live session's recorder status.</summary>
internal sealed class RecordingState(LiveRecorderFactory recorders, VideoRecordingCoordinator coordinator)
{
    public bool SiteEnabled => recorders.Enabled;

    /// <summary>The status of the recording of <paramref name="sessionId"/> if this node records it.</summary>
    public RecordingStatus? Find(Guid sessionId) => coordinator.FindRecorder(sessionId)?.Status;
}
