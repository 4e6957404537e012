using Spectra.Media.Transcoding;

namespace Spectra.Media.Live.Internal;

/// <summary>What <see cref="IngestAnalyzer.OnMediaTag"/> found.</summary>
/// <param name="Accepted">The tag parses and its timestamp does not go backwards within its track: outputs get it.</param>
/// <param name="NewPlan">The ladder was (re)planned with this tag.</param>
/// <param name="VideoConfigurationChanged">The tag is a different AVC sequence header (new resolution, profile...).</param>
/// <param name="Width">With a changed configuration: the new picture width in pixels (0 when unknown).</param>
/// <param name="Height">With a changed configuration: the new picture height in pixels (0 when unknown).</param>
internal readonly record struct IngestVerdict(bool Accepted, LadderPlan? NewPlan, bool VideoConfigurationChanged, int Width, int Height);
