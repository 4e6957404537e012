namespace Spectra.Data.Entities.Videos;

/// <summary>
/// A past broadcast: the recording of one stream session (same id), playable as HLS VOD once the session
/// has ended. Its media lives in the object store under recordings/{Id:N}/. Times are UTC.
/// </summary>
public sealed class Video
{
    public const int TitleMaxLength = 140;

    /// <summary>The stream session's id; also the recording's.</summary>
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>The channel's title when the broadcast went live; the owner may edit it.</summary>
    public string Title { get; set; } = "";

    /// <summary>The channel's category when the broadcast went live.</summary>
    public int? CategoryId { get; set; }

    public VideoStatus Status { get; set; }

    public VideoVisibility Visibility { get; set; }

    /// <summary>When the broadcast went live.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>When the recording was closed (the session ended, or the server found it cut short at start-up).</summary>
    public DateTime? EndedAt { get; set; }

    /// <summary>Playable duration (the longest rendition), in milliseconds.</summary>
    public long DurationMs { get; set; }

    /// <summary>Stored segment bytes of all renditions: what counts against the channel's storage quota.</summary>
    public long StorageBytes { get; set; }

    /// <summary>Segments storage did not take while recording (the video has gaps there).</summary>
    public long SegmentsLost { get; set; }

    public long Views { get; set; }
}
