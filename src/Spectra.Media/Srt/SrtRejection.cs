namespace Spectra.Media.Srt;

/// <summary>
/// Why a publisher's SRT handshake is refused: the application reject codes of the SRT Access Control guidelines
/// (srt/access_control.h, SRT_REJX_*, 1000 + an HTTP status), which the caller sees (ffmpeg and srt-live-transmit
/// print them).
/// </summary>
public enum SrtRejection
{
    /// <summary>SRT_REJX_BAD_REQUEST: malformed stream id.</summary>
    BadRequest = 1400,

    /// <summary>SRT_REJX_UNAUTHORIZED: unknown stream key.</summary>
    Unauthorized = 1401,

    /// <summary>SRT_REJX_OVERLOAD: too many connections, or the site is at its stream limit.</summary>
    Overload = 1402,

    /// <summary>SRT_REJX_FORBIDDEN.</summary>
    Forbidden = 1403,

    /// <summary>SRT_REJX_BAD_MODE: the stream id asks to play (m=request); Spectra only takes publishers over SRT.</summary>
    BadMode = 1405,

    /// <summary>SRT_REJX_CONFLICT: the channel is already live from another connection.</summary>
    Conflict = 1409,

    /// <summary>SRT_REJX_ISE: the decision failed or took too long.</summary>
    InternalError = 1500,
}
