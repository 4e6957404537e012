using Spectra.Media.Live;

namespace Spectra.Server.Live.Internal;

/// <summary>
/// What the server knows about one channel while a publisher feeds it or its grace runs. Mutable fields
/// are guarded by the manager's lock; database work and events run one after another on <see cref="Serial"/>.
/// </summary>
internal sealed class LiveChannelState(Guid channelId, string channelName, Guid sessionId)
{
    public Guid ChannelId { get; } = channelId;

    public string ChannelName { get; } = channelName;

    /// <summary>The session this broadcast is (or will be) recorded as; assigned before it exists in the database.</summary>
    public Guid SessionId { get; } = sessionId;

    /// <summary>The channel's stream in the media plane; null until it has started.</summary>
    public LiveStream? Media { get; set; }

    /// <summary>The connected publisher; null during the grace.</summary>
    public ILiveSource? Publisher { get; set; }

    /// <summary>Cancels the running grace timer; null when no grace runs.</summary>
    public CancellationTokenSource? Grace { get; set; }

    /// <summary>True once the first segment was ready (the session row exists or is being written).</summary>
    public bool Online { get; set; }

    public DateTime? OnlineAt { get; set; }

    /// <summary>Set once the channel goes offline; completes when everything is stopped and recorded.</summary>
    public Task? Ending { get; set; }

    public int Reconnects { get; set; }

    /// <summary>The publisher's "encoder" metadata string, if sent, cut to what a session row holds.</summary>
    public string? Encoder => Media?.Encoder is { } text && text.Length > Data.Entities.Live.StreamSession.EncoderMaxLength
        ? text[..Data.Entities.Live.StreamSession.EncoderMaxLength]
        : Media?.Encoder;

    public StreamHealth? LastHealth { get; set; }

    /// <summary>True once the session row holds the ingest codecs and picture size.</summary>
    public bool FactsRecorded { get; set; }

    /// <summary>Tail of the chain of database writes and events of this channel (they must not reorder).</summary>
    public Task Serial { get; set; } = Task.CompletedTask;
}
