using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectra.Media.Live;
using Spectra.Storage;

namespace Spectra.Media.Recording;

/// <summary>Starts <see cref="LiveRecorder"/>s on the configured object store. Singleton.</summary>
public sealed class LiveRecorderFactory(IObjectStore store, IOptionsMonitor<RecordingOptions> options, ILoggerFactory loggerFactory, TimeProvider time)
{
    /// <summary>Site-wide switch (Recording:Enabled).</summary>
    public bool Enabled => options.CurrentValue.Enabled;

    /// <summary>The store recordings go to.</summary>
    public IObjectStore Store => store;

    /// <summary>Records <paramref name="stream"/> under <paramref name="recordingId"/>; complete it once the stream has stopped.</summary>
    public LiveRecorder Start(LiveStream stream, Guid recordingId)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var recorder = new LiveRecorder(recordingId, stream.ChannelName, store, options.CurrentValue, loggerFactory.CreateLogger<LiveRecorder>(), time);
        recorder.Follow(stream);
        return recorder;
    }
}
