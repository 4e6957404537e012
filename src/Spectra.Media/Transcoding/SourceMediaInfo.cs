using Spectra.Media.Flv;

namespace Spectra.Media.Transcoding;

/// <summary>What the planner knows about the publisher's stream.</summary>
/// <param name="Video">Null when the publisher sends no video.</param>
/// <param name="Audio">Null when the publisher sends no audio.</param>
/// <param name="FrameRate">Frames per second from metadata or measured; 0 when unknown (30 is assumed).</param>
/// <param name="BitrateKbps">Total incoming bitrate in kbit/s from metadata or measured; 0 when unknown.</param>
internal sealed record SourceMediaInfo(VideoCodecInfo? Video, AudioCodecInfo? Audio, double FrameRate, int BitrateKbps);
