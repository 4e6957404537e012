using System.Diagnostics.CodeAnalysis;

namespace Spectra.Rtmp;

/// <summary>The answer of <see cref="IRtmpPublishHandler.PublishAsync"/>: a sink for the media, or a rejection.</summary>
public sealed class RtmpPublishResult
{
    private RtmpPublishResult(IRtmpMediaSink? sink, RtmpPublishRejection rejection, string description)
    {
        Sink = sink;
        Rejection = rejection;
        Description = description;
    }

    /// <summary>True when the publish was accepted; <see cref="Sink"/> then receives the stream.</summary>
    [MemberNotNullWhen(true, nameof(Sink))]
    public bool IsAccepted => Sink is not null;

    /// <summary>Receives metadata and media of the accepted stream; null when rejected.</summary>
    public IRtmpMediaSink? Sink { get; }

    /// <summary>The reason of a rejection; meaningless when accepted.</summary>
    public RtmpPublishRejection Rejection { get; }

    /// <summary>Sent to the client as the <c>description</c> of the onStatus reply.</summary>
    public string Description { get; }

    /// <summary>Accepts the publish; media goes to <paramref name="sink"/>.</summary>
    public static RtmpPublishResult Accept(IRtmpMediaSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return new RtmpPublishResult(sink, default, "Publishing.");
    }

    /// <summary>Refuses the publish: the client gets <c>NetStream.Publish.BadName</c> with <paramref name="description"/>, then the connection closes.</summary>
    public static RtmpPublishResult Reject(RtmpPublishRejection reason, string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return new RtmpPublishResult(null, reason, description);
    }
}
